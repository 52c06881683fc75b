#!/bin/bash
# Maintenance steps that call the tool classes through kafka-run-class.sh.
BIN=/opt/kafka/bin
$BIN/kafka-run-class.sh kafka.admin.AclCommand --bootstrap-server b1:9092 --list
$BIN/kafka-run-class.sh kafka.admin.ConfigCommand --bootstrap-server b1:9092 --describe --entity-type brokers --entity-default
$BIN/kafka-run-class.sh kafka.tools.DumpLogSegments --files /var/lib/kafka/orders-0/00000000000000000000.log
$BIN/kafka-run-class.sh kafka.admin.BrokerApiVersionsCommand --bootstrap-server b1:9092
# The classes the 4.0 scripts run.
$BIN/kafka-run-class.sh org.apache.kafka.tools.AclCommand --bootstrap-server b1:9092 --list
$BIN/kafka-run-class.sh kafka.tools.StorageTool info -c /etc/kafka/server.properties
