#!/usr/bin/env python3
"""Writes N realistic script-like files (shell, Dockerfile, YAML, Markdown) with Kafka command
lines for the `kafkalint check` scripts benchmark. Deterministic (fixed seed).

usage: gen.py OUT_DIR [N]
"""
import os
import random
import sys

TOOLS = [
    ("kafka-topics.sh", ["--create --topic {t} --partitions {p} --replication-factor 3",
                         "--describe --topic {t}", "--list", "--alter --topic {t} --partitions {p}",
                         "--delete --topic {t} --if-exists"]),
    ("kafka-consumer-groups.sh", ["--describe --group {g}", "--list",
                                 "--reset-offsets --group {g} --topic {t} --to-earliest --execute",
                                 "--delete --group {g}"]),
    ("kafka-configs.sh", ["--alter --entity-type topics --entity-name {t} --add-config retention.ms={n}",
                          "--describe --entity-type brokers --entity-default"]),
    ("kafka-console-producer.sh", ["--topic {t} --property parse.key=true --property key.separator=:"]),
    ("kafka-console-consumer.sh", ["--topic {t} --from-beginning --max-messages {p}",
                                   "--topic {t} --group {g} --property print.key=true"]),
    ("kafka-acls.sh", ["--add --allow-principal User:{g} --operation Read --topic {t}"]),
    ("kafka-reassign-partitions.sh", ["--execute --reassignment-json-file /tmp/{t}.json"]),
]
# Outdated or mistyped connection options, as found in real repositories, per tool.
LEGACY = {
    "kafka-topics.sh": "--zookeeper zk1:2181",
    "kafka-console-producer.sh": "--broker-list {b}",
    "kafka-consumer-groups.sh": "--bootstrap-sever {b}",
    "kafka-configs.sh": "--zookeeper zk1:2181",
    "kafka-reassign-partitions.sh": "--zookeeper zk1:2181",
}


def kafka_line(r, bs_expr):
    tool, forms = r.choice(TOOLS)
    args = r.choice(forms).format(t="orders-%d" % r.randrange(500), g="svc-%d" % r.randrange(50),
                                  p=r.randrange(1, 24), n=r.randrange(1, 10**8), b=bs_expr)
    conn = "--bootstrap-server %s" % bs_expr
    if tool in LEGACY and r.random() < 0.08:
        conn = LEGACY[tool].format(b=bs_expr)
    prefix = r.choice(["", "$KAFKA_HOME/bin/", "/opt/kafka/bin/", "docker exec -i kafka "])
    return "%s%s %s %s" % (prefix, tool, conn, args)


def shell_noise(r):
    return r.choice([
        'echo "[$(date +%FT%T)] step $STEP"', 'mkdir -p "$WORK_DIR/logs"',
        'if [ -z "${BROKERS:-}" ]; then echo "BROKERS not set" >&2; exit 1; fi',
        'for f in "$CONF_DIR"/*.properties; do cp "$f" "$BACKUP_DIR/"; done',
        'curl -fsS "http://$HOST:8083/connectors" | jq -r ".[]"', 'sleep 2', 'STEP=$((STEP + 1))',
        'grep -q "started" "$LOG" || tail -n 50 "$LOG"', 'export KAFKA_HEAP_OPTS="-Xmx1G -Xms1G"',
        'sed -i "s/^broker.id=.*/broker.id=$ID/" "$CONF_DIR/server.properties"',
    ])


def shell(r):
    lines = ["#!/usr/bin/env bash", "set -euo pipefail", 'BS="${BOOTSTRAP:-broker1:9092}"', "STEP=0", ""]
    for _ in range(r.randrange(20, 60)):
        if r.random() < 0.3:
            cmd = kafka_line(r, '"$BS"')
            if r.random() < 0.3:
                parts = cmd.split(" --")
                cmd = " \\\n  --".join(parts)
            lines.append(cmd)
        else:
            lines.append(shell_noise(r))
    return "\n".join(lines) + "\n"


def dockerfile(r):
    lines = ["FROM apache/kafka:3.9.0", "USER root", "RUN apt-get update && apt-get install -y jq curl",
             "COPY config/ /opt/kafka/config/", "ENV KAFKA_HOME=/opt/kafka"]
    for _ in range(r.randrange(3, 10)):
        lines.append("RUN " + kafka_line(r, "localhost:9092") + " || true")
    lines.append('CMD ["/opt/kafka/bin/kafka-server-start.sh", "/opt/kafka/config/server.properties"]')
    return "\n".join(lines) + "\n"


def yaml(r):
    out = ["- hosts: kafka", "  become: true", "  tasks:"]
    for i in range(r.randrange(4, 12)):
        out.append("    - name: step %d" % i)
        if r.random() < 0.5:
            out.append("      command: >")
            out.append("        " + kafka_line(r, "{{ bootstrap }}"))
        else:
            out.append("      shell: |")
            out.append("        set -e")
            out.append("        " + kafka_line(r, "{{ bootstrap }}"))
        out.append("      changed_when: false")
    return "\n".join(out) + "\n"


def markdown(r):
    out = ["# Runbook %d" % r.randrange(1000), "", "Operational notes for the team.", ""]
    for i in range(r.randrange(3, 8)):
        out += ["## Step %d" % i, "", "Run the following from a broker host:", "", "```console",
                "$ " + kafka_line(r, "broker1:9092"), "Created topic orders.", "```", "",
                "Inline form: `%s`." % kafka_line(r, "broker1:9092"), ""]
    return "\n".join(out) + "\n"


def main():
    out_dir = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    r = random.Random(20261125)
    os.makedirs(out_dir, exist_ok=True)
    for i in range(n):
        d = os.path.join(out_dir, "repo%03d" % (i // 50))
        os.makedirs(d, exist_ok=True)
        x = r.random()
        if x < 0.6:
            name, text = "ops-%04d.sh" % i, shell(r)
        elif x < 0.75:
            sub = os.path.join(d, "image%04d" % i)
            os.makedirs(sub, exist_ok=True)
            name, text = os.path.join("image%04d" % i, "Dockerfile"), dockerfile(r)
        elif x < 0.9:
            name, text = "playbook-%04d.yml" % i, yaml(r)
        else:
            name, text = "runbook-%04d.md" % i, markdown(r)
        with open(os.path.join(d, name), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
