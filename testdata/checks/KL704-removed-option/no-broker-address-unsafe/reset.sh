#!/bin/sh
docker exec -it kafka kafka-configs.sh --zookeeper zk1:2181 --alter \
  --entity-type topics --entity-name orders --add-config retention.ms=86400000
kafka-console-producer.sh --broker-list broker1:9092,broker2:9092 --topic orders
kafka-run-class.sh kafka.admin.TopicCommand --zookeeper=zk1:2181 --list
