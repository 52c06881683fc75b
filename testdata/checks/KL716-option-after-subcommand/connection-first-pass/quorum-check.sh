#!/bin/bash
BS=broker1:9092
kafka-metadata-quorum.sh --bootstrap-server "$BS" describe --status
kafka-metadata-quorum.sh --bootstrap-controller controller1:9093 describe --replication --human-readable
kafka-features.sh --bootstrap-server $BS upgrade --release-version 4.0
kafka-storage.sh format -t "$(kafka-storage.sh random-uuid)" -c config/server.properties --standalone
kafka-storage.sh info -c config/server.properties
kafka-transactions.sh --bootstrap-server $BS --command-config admin.properties describe --transactional-id orders-tx
kafka-metadata-quorum.sh describe --help
# connect-plugin-path adds its plugin options to each sub-command's parser: after it is right.
connect-plugin-path.sh list --plugin-path /opt/connect-plugins
connect-plugin-path.sh sync-manifests --worker-config connect-distributed.properties --dry-run
