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
