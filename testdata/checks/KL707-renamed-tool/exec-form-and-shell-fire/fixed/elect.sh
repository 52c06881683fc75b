#!/bin/sh
/opt/kafka/bin/kafka-leader-election.sh --election-type preferred --all-topic-partitions --bootstrap-server broker1:9092
kafka-leader-election --election-type preferred --bootstrap-server broker1:9092 --path-to-json-file /tmp/p.json
