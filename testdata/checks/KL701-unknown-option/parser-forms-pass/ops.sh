#!/bin/sh
# Forms the parsers accept: '--opt=value', unique argparse4j prefixes, joptsimple '-name'.
kafka-topics.sh --bootstrap-server=broker1:9092 --describe --topic=orders
kafka-metadata-quorum.sh --bootstrap-s broker1:9092 describe --status
kafka-consumer-groups.sh -bootstrap-server broker1:9092 -list
# Options only known at run time are never guessed at.
kafka-topics.sh $TOPIC_OPTS --list --bootstrap-server "$BS"
kafka-topics.sh --"$ACTION" --bootstrap-server "$BS" --topic "${TOPIC}"
kafka-console-consumer.sh --bootstrap-server "$BS" --topic t ${EXTRA_ARGS:+$EXTRA_ARGS} --from-beginning
# A value that starts with a dash is a value.
kafka-consumer-groups.sh --bootstrap-server "$BS" --group g --reset-offsets --shift-by -10 --all-topics --execute
# Sub-command options of kafka-storage.sh format.
kafka-storage.sh format --conf /etc/kafka/server.properties --clus "$(kafka-storage.sh random-uuid)" --ignore-formatted
