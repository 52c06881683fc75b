#!/bin/sh
bin/kafka-configs.sh --bootstrap-server b1:9092 --entity-type brokers --entity-default \
  --alter --add-config num.partitions=6,log.cleaner.threads=2,log.retention.hour=1
bin/kafka-configs.sh --bootstrap-server b1:9092 --alter --entity-type topics --entity-name t1 --add-config 'retention.ms=abc,cleanup.policy=[compact,delete],segment.byte=100'
bin/kafka-topics.sh --bootstrap-server b1:9092 --create --topic t2 --config min.insync.replica=2 --config compression.type=zstd
bin/kafka-configs.sh --bootstrap-server b1:9092 --alter --entity-type users --entity-name alice --add-config producer_byte_rate=1024
bin/kafka-configs.sh --bootstrap-server b1:9092 --alter --entity-type topics --entity-name t3 --add-config retention.ms=$RETENTION
make topics MIN_ISR=$(MIN_SYNC) && bin/kafka-topics.sh --bootstrap-server b1:9092 --create --topic t4 --config min.insync.replicas=$(MIN_SYNC)
