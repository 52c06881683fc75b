#!/bin/sh
# kafkalint: disable=KL704
kafka-topics.sh --zookeeper zk-1:2181 --list
# kafkalint: disable=KL701
kafka-topics.sh --bootstrap-server b1:9092 --list
