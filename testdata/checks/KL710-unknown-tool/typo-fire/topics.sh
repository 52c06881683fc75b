#!/bin/sh
kafka-topic.sh --bootstrap-server broker1:9092 --list
$KAFKA_HOME/bin/kafka-consumer-group.sh --bootstrap-server broker1:9092 --list
