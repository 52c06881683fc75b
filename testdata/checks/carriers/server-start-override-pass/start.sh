#!/bin/sh
# A KRaft broker started with overrides Kafka 4.0 accepts; values hold ',' and '='.
exec /opt/kafka/bin/kafka-server-start.sh /opt/kafka/config/server.properties \
  --override node.id=2 \
  --override "listeners=PLAINTEXT://:9092,CONTROLLER://:9093" \
  --override=log.dirs=/var/lib/kafka/data \
  --override 'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="a" password="b";' \
  --override log.retention.hours=${RETENTION_HOURS}
