#!/bin/sh
# kafkalint: disable=KL701,deprecated-option
# A wrapper around a patched kafka-topics.sh that takes extra options.
kafka-topics.sh --bootstrap-server broker1:9092 --list --with-owner
kafka-console-producer.sh --broker-list broker1:9092 --topic t
