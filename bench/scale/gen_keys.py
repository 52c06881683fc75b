#!/usr/bin/env python3
"""Writes one broker config with N keys (deterministic): real broker keys once each, then
numbered custom keys ('plugin.x.N', unknown to Kafka, so each one is a finding), a comment and
a duplicate now and then. usage: gen_keys.py OUT_FILE N"""
import sys

out, n = sys.argv[1], int(sys.argv[2])
real = [
    "broker.id=1", "listeners=PLAINTEXT://:9092", "log.dirs=/var/lib/kafka",
    "zookeeper.connect=zk:2181", "num.partitions=3", "log.retention.hours=168",
    "default.replication.factor=3", "min.insync.replicas=2",
]
with open(out, "w") as f:
    for line in real:
        f.write(line + "\n")
    for i in range(n - len(real)):
        if i % 50 == 0:
            f.write("# block %d\n" % i)
        if i % 997 == 0 and i:
            f.write("plugin.x.%d=dup\n" % (i - 1))  # a duplicate of the line before
        f.write("plugin.x.%d=value-%d\n" % (i, i))
