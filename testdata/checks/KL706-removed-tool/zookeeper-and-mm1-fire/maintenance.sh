#!/bin/bash
zookeeper-shell.sh zk1:2181 get /cluster/id
kafka-run-class.sh kafka.tools.MirrorMaker --consumer.config c.properties \
  --producer.config p.properties --include 'orders.*'
kafka-run-class.sh kafka.admin.FeatureCommand --bootstrap-server broker1:9092 describe
