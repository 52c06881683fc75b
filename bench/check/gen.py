#!/usr/bin/env python3
"""Writes a deterministic config repository for benchmarking `kafkalint check`:
N files (default 10,000) in clusters of 3-6 brokers, plus producer/consumer configs and
Jinja/ERB templates. usage: gen.py OUT_DIR [N]"""
import os
import random
import sys

out = sys.argv[1]
total = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
rnd = random.Random(42)

BROKER_TAIL = """num.network.threads=3
num.io.threads=8
socket.send.buffer.bytes=102400
socket.receive.buffer.bytes=102400
socket.request.max.bytes=104857600
log.dirs=/var/lib/kafka/data
num.partitions={parts}
num.recovery.threads.per.data.dir=1
offsets.topic.replication.factor=3
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
log.retention.hours={ret}
log.segment.bytes=1073741824
log.retention.check.interval.ms=300000
zookeeper.connection.timeout.ms=18000
group.initial.rebalance.delay.ms=3000
"""

def broker(cluster, i, typo):
    lines = [
        "# broker %d of cluster %d" % (i, cluster),
        "broker.id=%d" % i,
        "listeners=PLAINTEXT://kafka-%d-%d.example.internal:9092" % (cluster, i),
        "advertised.listeners=PLAINTEXT://kafka-%d-%d.example.internal:9092" % (cluster, i),
        "zookeeper.connect=zk-%d.example.internal:2181/kafka" % cluster,
        "min.insync.replicas=%d" % rnd.choice([1, 2, 2, 2]),
        "default.replication.factor=3",
        "inter.broker.protocol.version=%s" % rnd.choice(["2.1", "2.4", "2.8"]),
    ]
    if typo:
        lines.append("og.message.format.version=2.1")
    lines.append(BROKER_TAIL.format(parts=rnd.randint(1, 12), ret=rnd.choice([24, 72, 168])))
    return "\n".join(lines)

def client(kind, n):
    if kind == "producer":
        body = ["bootstrap.servers=kafka-1:9092,kafka-2:9092", "acks=%s" % rnd.choice(["all", "1", "all"]),
                "linger.ms=%d" % rnd.randint(0, 20), "compression.type=lz4", "retries=2147483647"]
    else:
        body = ["bootstrap.servers=kafka-1:9092", "group.id=app-%d" % n,
                "auto.offset.reset=%s" % rnd.choice(["earliest", "latest", "smallest"]),
                "enable.auto.commit=false", "max.poll.records=500"]
    return "# %s config %d\n%s\n" % (kind, n, "\n".join(body))

def template(n):
    if n % 2:
        return ("# {{ ansible_managed }}\nbroker.id={{ broker_id }}\n{% if kafka_listeners is defined %}\n"
                "listeners={{ kafka_listeners | join(',') }}\n{% endif %}\nlog.dirs={{ log_dirs }}\n"
                "zookeeper.connect={{ zk_hosts }}/kafka\nnum.partitions=3\n"), "server.properties.j2"
    return ("broker.id=<%= @broker_id %>\nlog.dirs=<%= @log_dirs.join(',') %>\n"
            "<% if @rack %>broker.rack=<%= @rack %><% end %>\nzookeeper.connect=<%= @zk %>\n"
            "num.partitions=3\n"), "server.properties.erb"

count = 0
cluster = 0
while count < total:
    cluster += 1
    d = os.path.join(out, "clusters", "c%04d" % cluster)
    os.makedirs(d, exist_ok=True)
    for i in range(1, rnd.randint(3, 6) + 1):
        if count >= total:
            break
        with open(os.path.join(d, "broker-%d.properties" % i), "w") as f:
            f.write(broker(cluster, i, typo=rnd.random() < 0.05))
        count += 1
    if count < total:
        kind = rnd.choice(["producer", "consumer"])
        with open(os.path.join(d, "%s.properties" % kind), "w") as f:
            f.write(client(kind, count))
        count += 1
    if count < total and cluster % 5 == 0:
        text, name = template(cluster)
        td = os.path.join(out, "templates", "t%04d" % cluster)
        os.makedirs(td, exist_ok=True)
        with open(os.path.join(td, name), "w") as f:
            f.write(text)
        count += 1
print("wrote %d files under %s" % (count, out))
