#!/bin/sh
kafka-topics.sh --bootstrap-server broker1:9092 --list
$KAFKA_HOME/bin/kafka-consumer-groups.sh --bootstrap-server broker1:9092 --list
