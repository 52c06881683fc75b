#!/usr/bin/env python3
"""Writes N broker files of one ZooKeeper-mode 2.1 cluster (default 100) into DIR."""
import os
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "bench/out/plan-brokers"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 100
os.makedirs(out, exist_ok=True)
for i in range(1, n + 1):
    host = f"kafka-{i}.example.internal"
    with open(os.path.join(out, f"broker-{i:03d}.properties"), "w") as f:
        f.write(f"""# Broker {i} of a large ZooKeeper-mode cluster (Kafka 2.1.1)
broker.id={i}
listeners=PLAINTEXT://{host}:9092
advertised.listeners=PLAINTEXT://{host}:9092
num.network.threads=8
num.io.threads=16
socket.send.buffer.bytes=102400
socket.receive.buffer.bytes=102400
socket.request.max.bytes=104857600
log.dirs=/data/1,/data/2,/data/3,/data/4
num.partitions=12
default.replication.factor=3
min.insync.replicas=2
offsets.topic.replication.factor=3
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
unclean.leader.election.enable=false
log.retention.hours=168
log.segment.bytes=1073741824
log.retention.check.interval.ms=300000
zookeeper.connect=zk-1.example.internal:2181,zk-2.example.internal:2181,zk-3.example.internal:2181/kafka
zookeeper.connection.timeout.ms=6000
group.initial.rebalance.delay.ms=3000
auto.create.topics.enable=false
""")
