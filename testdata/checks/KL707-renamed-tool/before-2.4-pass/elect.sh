#!/bin/sh
/opt/kafka/bin/kafka-preferred-replica-election.sh --bootstrap-server broker1:9092
kafka-preferred-replica-election --bootstrap-server broker1:9092 --path-to-json-file /tmp/p.json
