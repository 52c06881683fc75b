#!/bin/sh
kafka-storage.sh format --config=/etc/kafka/server.properties -t "$CLUSTER_ID"
kafka-server-start.sh -daemon /etc/kafka/server.properties --override broker.id=1
kafka-topics.sh -bootstrap-server broker1:9092 -list
kafka-run-class.sh -name replay -loggc -daemon com.example.tools.Replay --topic orders
