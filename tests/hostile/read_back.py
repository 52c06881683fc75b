#!/usr/bin/env python3
"""Prints, one per line, the arguments the Kafka tool of FILE receives when the real reader of
its kind runs it: bash for shell text (scripts, Dockerfile RUN, Markdown/HTML code), make for
Makefiles, json for Dockerfile exec form, PyYAML for YAML lists (and bash for their 'sh -c').
The tool is a stub on PATH that prints its argv, in a folder holding a file named '1:9092'
(an unquoted '[::1]:9092' would glob to it). Exit 3 when the text is not valid for its reader.

usage: read_back.py KIND FILE    KIND: shell, make, docker-exec, docker-shell, yaml, html, md
"""
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

kind, path = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
work = tempfile.mkdtemp()
stub = os.path.join(work, "bin")
os.mkdir(stub)
with open(os.path.join(stub, "kafka-topics.sh"), "w") as f:
    f.write("#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n")
os.chmod(os.path.join(stub, "kafka-topics.sh"), 0o755)
open(os.path.join(work, "1:9092"), "w").close()
env = dict(os.environ, PATH=stub + ":" + os.environ["PATH"])


def bash(script):
    if subprocess.run(["bash", "-n", "-c", script], cwd=work).returncode != 0:
        sys.exit(3)
    r = subprocess.run(["bash", "-c", script], cwd=work, env=env, capture_output=True, text=True)
    sys.stdout.write(r.stdout)


def argv(lst):
    for a in lst[lst.index("kafka-topics.sh") + 1:]:
        print(a)


if kind == "shell":
    bash(text)
elif kind == "make":
    r = subprocess.run(["make", "-s", "-f", os.path.abspath(path)], cwd=work, env=env,
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(3)
    sys.stdout.write(r.stdout)
elif kind == "docker-exec":
    line = next(l for l in text.splitlines() if l.startswith("RUN"))
    try:
        argv(json.loads(line[3:]))
    except ValueError:
        sys.exit(3)
elif kind == "docker-shell":
    line = next(l for l in text.splitlines() if l.startswith("RUN"))
    bash(line[3:])
elif kind == "yaml":
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError:
        sys.exit(3)
    cmd = doc["spec"]["containers"][0]["command"]
    if isinstance(cmd, str):
        bash(cmd)
    elif cmd[0] in ("sh", "bash"):
        bash(cmd[2])
    else:
        argv(cmd)
elif kind == "html":
    class Code(html.parser.HTMLParser):
        inside, got = False, []

        def handle_starttag(self, tag, attrs):
            if tag == "code":
                self.inside = True
            elif self.inside:
                sys.exit(3)  # a tag inside the command: the address became markup

        def handle_endtag(self, tag):
            if tag == "code":
                self.inside = False

        def handle_data(self, data):
            if self.inside:
                self.got.append(data)
    p = Code(convert_charrefs=True)
    p.feed(text)
    bash("".join(p.got))
elif kind == "md":
    m = re.search(r"```[a-z]*\n(.*?)```", text, re.S) or re.search(r"`([^`]+)`", text)
    bash(m.group(1))
else:
    sys.exit("unknown kind " + kind)
