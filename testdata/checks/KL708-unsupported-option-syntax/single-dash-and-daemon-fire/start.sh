#!/bin/sh
kafka-storage.sh format -config /etc/kafka/server.properties --cluster-id "$CLUSTER_ID"
kafka-server-start.sh /etc/kafka/server.properties -daemon
kafka-run-class.sh com.example.tools.Replay -daemon --topic orders
