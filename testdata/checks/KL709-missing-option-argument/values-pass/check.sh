#!/bin/sh
kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --list
kafka-consumer-groups.sh --bootstrap-server broker1:9092 --group g --reset-offsets --shift-by -5 --topic t --dry-run
kafka-console-consumer.sh --bootstrap-server broker1:9092 --topic t --partition 0 --offset -2
