#!/bin/sh
# Nightly leader rebalance.
"$KAFKA_HOME"/bin/kafka-preferred-replica-election.sh --bootstrap-server "$BOOTSTRAP"
