#!/usr/bin/env bash
set -euo pipefail
BS=broker1:9092

# A typo in a continued command line.
kafka-topics.sh --bootstrap-server "$BS" \
  --description \
  --topic orders

# A truncated option name: kafka-topics.sh accepts no abbreviations.
kafka-topics.sh --bootstrap-server "$BS" --create --topic orders --partitions 6 --replication-factor 3

# argparse4j accepts prefixes, but '--c' abbreviates both '--cluster-id' and '--config'.
kafka-storage.sh format --c /etc/kafka/server.properties --cluster-id "$CLUSTER_ID"

# An option of another sub-command: 'info' takes no cluster id.
kafka-storage.sh info -c /etc/kafka/server.properties --cluster-id "$CLUSTER_ID"

# kafkalint: disable=KL701
kafka-topics.sh --bootstrap-server "$BS" --list --exclude-internals-please
