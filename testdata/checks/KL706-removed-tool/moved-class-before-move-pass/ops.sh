#!/bin/bash
# Old runbook steps that call the tool classes directly.
KAFKA_BIN=/opt/kafka/bin
$KAFKA_BIN/kafka-run-class.sh kafka.tools.GetOffsetShell --bootstrap-server b1:9092 --topic orders --time -1
$KAFKA_BIN/kafka-run-class.sh kafka.admin.TopicCommand --bootstrap-server b1:9092 --describe --topic orders
$KAFKA_BIN/kafka-run-class.sh kafka.tools.ConsoleConsumer --bootstrap-server b1:9092 --topic orders --max-messages 1
java -cp "/opt/kafka/libs/*" kafka.admin.ConsumerGroupCommand --bootstrap-server b1:9092 --list
# Still shipped: the class the script itself runs, and the broker.
$KAFKA_BIN/kafka-run-class.sh kafka.tools.GetOffsetShell --bootstrap-server b1:9092 --topic orders
$KAFKA_BIN/kafka-run-class.sh kafka.tools.DumpLogSegments --files 00000000000000000000.log
