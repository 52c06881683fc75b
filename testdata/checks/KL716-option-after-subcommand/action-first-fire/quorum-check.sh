#!/bin/bash
# Health checks after a controller restart: action first, connection last.
BS=broker1:9092
kafka-metadata-quorum.sh describe --status --bootstrap-server "$BS"
kafka-metadata-quorum.sh describe --replication \
  --bootstrap-controller controller1:9093
kafka-features.sh describe --bootstrap-server $BS
kafka-transactions.sh list --bootstrap-server=$BS
kafka-transactions.sh describe --transactional-id orders-tx --command-config admin.properties --bootstrap-server $BS
