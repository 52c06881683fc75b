#!/bin/sh
# Constructed: docker run -e in every spelling.
docker run -d --name kafka -p 9092:9092 \
  -e KAFKA_NODE_ID=1 \
  --env KAFKA_LOG_RETENSION_HOURS=24 \
  --env=KAFKA_NUM_PARTITONS=3 \
  -e KAFKA_HEAP_OPTS=-Xmx1G \
  -e KAFKA_JMX_PORT=9101 \
  -e CLUSTER_ID \
  confluentinc/cp-kafka:7.6.1
docker container run --rm -e KAFKA_CFG_LOG_RETENSION_HOURS=24 bitnami/kafka:3.6
# not a Kafka image
docker run -e KAFKA_LOG_RETENSION_HOURS=24 my/app:1.0
# a tool run in the broker image: its variables do not configure a broker
docker run --rm -e KAFKA_BOOTSTRAP_SERVERS=kafka:9092 apache/kafka:3.7.0 /opt/kafka/bin/kafka-topics.sh --list --bootstrap-server kafka:9092
