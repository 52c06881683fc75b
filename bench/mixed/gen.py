#!/usr/bin/env python3
"""Writes a deterministic repository of N files (default 10,000) mixing the carriers kafkalint
reads: broker and client .properties files, Compose files (with a .env next to some),
Kubernetes resources (Strimzi Kafka, ConfigMaps embedding server.properties), Ansible
inventories (an INI 'hosts.ini' naming its brokers by a host range, group_vars with
cp-ansible's kafka_broker_custom_properties, host_vars with each broker's id) and Markdown
runbooks (properties fences, multi-line commands without backslashes, prompts and output).
One folder per "service" of about 10 files; about 5% of the files carry a mistake
(a misspelt key, a removed key, a bad value, a removed option) so the run reports findings as
on a real repository. usage: gen.py OUT_DIR [N]"""
import os
import random
import sys

out = sys.argv[1]
total = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
rnd = random.Random(1313)


def bad():
    return rnd.random() < 0.05


def broker_props(svc, i):
    lines = [
        "# broker %d of %s" % (i, svc),
        "process.roles=broker",
        "node.id=%d" % i,
        "controller.quorum.voters=101@ctl-%s-1:9093,102@ctl-%s-2:9093,103@ctl-%s-3:9093" % (svc, svc, svc),
        "listeners=PLAINTEXT://:9092",
        "advertised.listeners=PLAINTEXT://kafka-%s-%d.example.internal:9092" % (svc, i),
        "controller.listener.names=CONTROLLER",
        "log.dirs=/var/lib/kafka/data",
        "num.partitions=%d" % rnd.choice([3, 6, 12]),
        "default.replication.factor=3",
        "min.insync.replicas=2",
        "offsets.topic.replication.factor=3",
        "transaction.state.log.replication.factor=3",
        "log.retention.hours=%d" % rnd.choice([24, 72, 168]),
        "log.segment.bytes=1073741824",
    ]
    if bad():
        lines.append(rnd.choice(["log.retention.hour=48", "og.message.format.version=3.0",
                                 "unclean.leader.election.enable=ture", "zookeeper.connect=zk:2181"]))
    return "\n".join(lines) + "\n"


def client_props(kind):
    if kind == "producer":
        lines = ["bootstrap.servers=kafka-1:9092,kafka-2:9092", "acks=all", "enable.idempotence=true",
                 "compression.type=%s" % rnd.choice(["lz4", "zstd", "snappy"]), "linger.ms=5"]
    else:
        lines = ["bootstrap.servers=kafka-1:9092,kafka-2:9092", "group.id=orders",
                 "auto.offset.reset=earliest", "enable.auto.commit=false"]
    if bad():
        lines.append("compresion.type=lz4" if kind == "producer" else "session.timeout=10000")
    return "\n".join(lines) + "\n"


def compose(svc, n):
    out = ["services:"]
    voters = ",".join("%d@kafka-%d:9093" % (i, i) for i in range(1, n + 1))
    for i in range(1, n + 1):
        out += [
            "  kafka-%d:" % i,
            "    image: apache/kafka:${KAFKA_VERSION:-3.8.0}",
            "    environment:",
            "      KAFKA_NODE_ID: %d" % i,
            "      KAFKA_PROCESS_ROLES: broker,controller",
            "      KAFKA_CONTROLLER_QUORUM_VOTERS: %s" % voters,
            "      KAFKA_LISTENERS: PLAINTEXT://:9092,CONTROLLER://:9093",
            "      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://kafka-%d:9092" % i,
            "      KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER",
            "      KAFKA_LOG_RETENTION_HOURS: ${RETENTION_HOURS}",
            "      KAFKA_NUM_PARTITIONS: %d" % rnd.choice([3, 6]),
        ]
        if bad():
            out.append("      KAFKA_LOG_RETENTION_HOUR: 48")
    return "\n".join(out) + "\n"


def strimzi(svc):
    cfg = [
        "      offsets.topic.replication.factor: 3",
        "      transaction.state.log.replication.factor: 3",
        "      transaction.state.log.min.isr: 2",
        "      default.replication.factor: 3",
        "      min.insync.replicas: 2",
    ]
    if bad():
        cfg.append("      log.message.format.version: \"3.0\"")
    return """apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata:
  name: %s
spec:
  kafka:
    version: 3.8.0
    metadataVersion: 3.8-IV0
    listeners:
      - name: plain
        port: 9092
        type: internal
        tls: false
    config:
%s
  entityOperator:
    topicOperator: {}
""" % (svc, "\n".join(cfg))


def configmap(svc):
    extra = "    log.retention.hour=24\n" if bad() else ""
    return """apiVersion: v1
kind: ConfigMap
metadata:
  name: %s-broker-config
data:
  server.properties: |
    process.roles=broker
    node.id=1
    log.dirs=/var/lib/kafka/data
    num.partitions=6
%s---
apiVersion: v1
kind: Service
metadata:
  name: %s
spec:
  ports:
    - port: 9092
""" % (svc, extra, svc)


def runbook(svc):
    option = "--zookeeper zk:2181" if bad() else "--bootstrap-server kafka-1:9092"
    return """# Runbook for %s

Raise the retention before the migration. In `server.properties`:

```properties
log.retention.hours=168
log.cleaner.enable=true
```

Then check the topic:

```
$ bin/kafka-topics.sh --describe
  --topic %s-events
  %s
Topic: %s-events  PartitionCount: 6
```

Produce a test message:

```
$ bin/kafka-console-producer.sh --bootstrap-server kafka-1:9092 --topic %s-events
> hello
```
""" % (svc, svc, option, svc, svc)


def inventory(svc):
    return """[zookeeper]
zk-%s-[1:3].example.internal

[kafka_broker]
kafka-%s-[01:03].example.internal
""" % (svc, svc)


def group_vars():
    retention = "one-week" if bad() else "168"
    return """---
kafka_broker_custom_properties:
  log.retention.hours: %s
  num.partitions: 6
  default.replication.factor: 3
""" % retention


def host_vars(i):
    return "---\nkafka_broker_id: %d\n" % (i if not bad() else 1)


written = 0
folder = 0


def write(path, text):
    global written
    if written >= total:
        return
    full = os.path.join(out, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text)
    written += 1


while written < total:
    folder += 1
    svc = "svc%05d" % folder
    base = "team%02d/%s/" % (folder % 40, svc)
    for i in range(1, 4):
        write(base + "config/broker-%d.properties" % i, broker_props(svc, i))
    write(base + "config/producer.properties", client_props("producer"))
    write(base + "config/consumer.properties", client_props("consumer"))
    write(base + "docker-compose.yml", compose(svc, rnd.choice([1, 3])))
    if folder % 3 == 0:
        write(base + ".env", "RETENTION_HOURS=%s\n" % ("one-week" if bad() else "168"))
    write(base + "k8s/kafka.yaml", strimzi(svc))
    write(base + "k8s/configmap.yaml", configmap(svc))
    write(base + "docs/RUNBOOK.md", runbook(svc))
    write(base + "README.md", "# %s\n\nSee `docs/RUNBOOK.md`.\n" % svc)
    if folder % 2 == 0:
        write(base + "ansible/hosts.ini", inventory(svc))
        write(base + "ansible/group_vars/kafka_broker.yml", group_vars())
        for i in (1, 2, 3):
            write(base + "ansible/host_vars/kafka-%s-%02d.example.internal.yml" % (svc, i),
                  host_vars(i))

print("%d files in %d folders under %s" % (written, folder, out))
