#!/usr/bin/env python3
"""Writes a large, deterministic properties file for the parsing benchmark.

usage: gen.py OUT [MEGABYTES=100]

The mix imitates real Kafka configs scaled up: dotted keys with numbered components,
comments and blank lines, ':' and blank separators, escapes (\\uXXXX, \\:, \\=), Latin-1
bytes, multi-line JAAS-style values continued with a backslash, CRLF lines, and duplicates.
"""
import random
import sys

WORDS = ["log", "retention", "ms", "bytes", "segment", "num", "partitions", "replica", "fetch",
         "max", "min", "insync", "replicas", "socket", "send", "buffer", "listener", "security",
         "protocol", "map", "ssl", "sasl", "jaas", "config", "consumer", "producer", "batch",
         "size", "linger", "compression", "type", "auto", "create", "topics", "enable", "group"]


def key(rng, i):
    parts = [rng.choice(WORDS) for _ in range(rng.randint(2, 5))]
    return "cluster%d.%s" % (i % 977, ".".join(parts)) + (".%d" % i)


def value(rng):
    r = rng.random()
    if r < 0.4:
        return str(rng.randint(0, 10 ** rng.randint(1, 12)))
    if r < 0.6:
        return rng.choice(["true", "false", "gzip", "lz4", "zstd", "PLAINTEXT", "all", "-1"])
    if r < 0.8:
        return "PLAINTEXT://broker-%d.example.com:9092,SSL://broker-%d.example.com:9093" % (
            rng.randint(1, 99), rng.randint(1, 99))
    return "/var/lib/kafka/data-%d,/mnt/disk%d/kafka" % (rng.randint(1, 9), rng.randint(1, 9))


def main():
    out = sys.argv[1]
    target = int(float(sys.argv[2]) * 1024 * 1024) if len(sys.argv) > 2 else 100 * 1024 * 1024
    rng = random.Random(20261125)
    size = 0
    i = 0
    with open(out, "wb") as f:
        chunk = []
        while size < target:
            r = rng.random()
            if r < 0.08:
                line = "# " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12))) + "\n"
            elif r < 0.12:
                line = "\n"
            elif r < 0.14:
                line = "! old-style comment %d\n" % i
            elif r < 0.17:
                line = ("%s=org.apache.kafka.common.security.plain.PlainLoginModule required \\\n"
                        "    username=\"user%d\" \\\n    password=\"secret-%d\";\n") % (key(rng, i), i, i)
            elif r < 0.20:
                line = "%s = caf\\u00e9 \\u4e2d\\u6587 na\xefve C\\:\\\\path\\=x\n" % key(rng, i)
            elif r < 0.23:
                line = "%s : %s\n" % (key(rng, i), value(rng))
            elif r < 0.25:
                line = "%s %s\r\n" % (key(rng, i), value(rng))
            elif r < 0.27:
                line = "%s=%s\n" % (key(rng, max(i - 1000, 0)), value(rng))  # a duplicate
            else:
                line = "%s=%s\n" % (key(rng, i), value(rng))
            b = line.encode("latin-1")
            chunk.append(b)
            size += len(b)
            i += 1
            if len(chunk) >= 10000:
                f.write(b"".join(chunk))
                chunk = []
        f.write(b"".join(chunk))


if __name__ == "__main__":
    main()
