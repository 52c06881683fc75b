#!/bin/sh
kafka-avro-console-consumer --bootstrap-server broker1:9092 --topic t --from-beginning
kafka-rest-start /etc/kafka-rest/kafka-rest.properties
kafka-topics --bootstrap-server broker1:9092 --list
