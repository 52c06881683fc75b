#!/bin/sh
# Option names split in two by a space: the fix must join the words, not rename the first.
BS=localhost:9092
kafka-topics.sh --bootstrap-server "$BS" --create --topic orders --partitions 3 --replication factor 3
kafka-topics.sh --bootstrap server "$BS" --describe --under replicated partitions
kafka-console-consumer.sh --bootstrap-server "$BS" --topic orders --from beginning --max-messages 10
kafka-configs.sh --bootstrap-server "$BS" --entity type topics --entity-name orders --describe
# No value after the joined option: the join is offered for review only.
kafka-topics.sh --bootstrap-server "$BS" --create --topic audit --replication factor
# Quoted: reported, but the bytes are not rewritten. Continued on the next line: joined.
kafka-topics.sh --bootstrap-server "$BS" --create --topic logs "--replication" factor 3
kafka-topics.sh --bootstrap-server "$BS" --create --topic logs --replication \
  factor 3
# A single dash (joptsimple reads '-name' as '--name'), and an argparse4j tool.
kafka-topics.sh --bootstrap-server "$BS" --create --topic metrics -replication factor 3
kafka-storage.sh format --cluster id "$CLUSTER_ID" --config server.properties
kafka-topics.sh --bootstrap-server "$BS" --create --topic audit2 --replicaton factor 2
