#!/bin/sh
kafka-topics.sh --bootstrap-server "broker1:9092 broker2:9092" --list
kafka-topics.sh --bootstrap-server 'broker1:9092,  broker2:9092' --list
