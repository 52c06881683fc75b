#!/bin/bash
# Options of one argparse4j sub-command given to another.
kafka-storage.sh format -t "$CLUSTER_ID" -c config/server.properties
kafka-storage.sh info -t "$CLUSTER_ID" -c config/server.properties
kafka-features.sh --bootstrap-server b1:9092 describe --metadata 3.7
kafka-metadata-quorum.sh --bootstrap-server b1:9092 describe --status --dry-run
kafka-metadata-quorum.sh --bootstrap-server b1:9092 describe --help
