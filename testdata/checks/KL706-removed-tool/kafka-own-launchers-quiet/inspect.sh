#!/bin/sh
# A script of the user's that runs the distribution's ZooKeeper shell is still reported.
bin/zookeeper-shell.sh zk1:2181 ls /brokers/ids
