#!/bin/sh
kafka-topics.sh --bootstrap-server --list
kafka-consumer-groups.sh --bootstrap-server broker1:9092 --describe --group
