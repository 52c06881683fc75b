#!/bin/sh
# Nightly leader rebalance.
"$KAFKA_HOME"/bin/kafka-leader-election.sh --election-type preferred --all-topic-partitions --bootstrap-server "$BOOTSTRAP"
