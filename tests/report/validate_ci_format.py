#!/usr/bin/env python3
"""Parses a kafkalint report as its consumer would and checks the shape that consumer needs.

usage: validate_ci_format.py FORMAT FILE
  gitlab      GitLab Code Quality: a JSON array of issues with description, check_name,
              fingerprint, severity (info|minor|major|critical|blocker), location.path and
              location.lines.begin (GitLab's documented required fields)
  junit       JUnit XML as GitLab/Jenkins read it: <testsuites> of <testsuite tests failures>
              whose counts match their <testcase> children
  checkstyle  Checkstyle XML: <checkstyle><file name><error line? severity message source/>
  concise     one line per finding: FILE:LINE:COL: SEVERITY: MESSAGE [CODE name]
  text        findings and a summary line last
  json        kafkalint's JSON: findings, skipped, summary
  sarif       JSON with runs[0].tool, results and one invocation (the schema test is separate)
  github      workflow commands, one per line
Exits 1 with the reasons when the document does not parse or does not fit."""
import json
import re
import sys
import xml.etree.ElementTree as ET

errors = []


def need(cond, msg):
    if not cond:
        errors.append(msg)


def gitlab(text):
    doc = json.loads(text)
    need(isinstance(doc, list), "root is not an array")
    for i, issue in enumerate(doc):
        for key, typ in (("description", str), ("check_name", str), ("fingerprint", str),
                         ("severity", str), ("location", dict)):
            need(isinstance(issue.get(key), typ), f"issue {i}: {key} missing or not {typ.__name__}")
        need(issue.get("severity") in ("info", "minor", "major", "critical", "blocker"),
             f"issue {i}: bad severity")
        loc = issue.get("location", {})
        need(isinstance(loc.get("path"), str) and loc["path"], f"issue {i}: no location.path")
        need(isinstance(loc.get("lines", {}).get("begin"), int), f"issue {i}: no lines.begin")
    return len(doc)


def junit(text):
    root = ET.fromstring(text)
    need(root.tag == "testsuites", "root is not <testsuites>")
    n = 0
    for suite in root:
        need(suite.tag == "testsuite", "child of root is not <testsuite>")
        cases = suite.findall("testcase")
        need(int(suite.get("tests", -1)) == len(cases), f"suite {suite.get('name')}: tests count")
        failures = sum(1 for c in cases if c.find("failure") is not None)
        need(int(suite.get("failures", -1)) == failures, f"suite {suite.get('name')}: failures")
        for c in cases:
            need(c.get("name") and c.get("classname"), "testcase without name or classname")
        n += len(cases)
    return n


def checkstyle(text):
    root = ET.fromstring(text)
    need(root.tag == "checkstyle", "root is not <checkstyle>")
    n = 0
    for f in root:
        need(f.tag == "file" and f.get("name"), "child of root is not <file name>")
        for e in f:
            need(e.tag == "error", "child of <file> is not <error>")
            need(e.get("severity") in ("error", "warning", "info"), "bad severity")
            need(e.get("message") and e.get("source"), "error without message or source")
            n += 1
    return n


def concise(text):
    line_re = re.compile(r"^[^\n]+:\d+:\d+: (error|warning|info): .+ \[KL\d{3} [a-z0-9-]+\]$")
    skip_re = re.compile(r"^[^\n]+: note: not checked: .+$")
    lines = text.splitlines()
    for line in lines:
        need(line_re.match(line) or skip_re.match(line), f"not a concise line: {line!r}")
    return len(lines)


def text_format(text):
    lines = text.splitlines()
    need(lines and re.search(r"(no findings|findings?) in \d+ files?", lines[-1]),
         "no summary line last")
    return sum(1 for line in lines if re.search(r" \[KL\d{3} [a-z0-9-]+\]$", line))


def json_format(text):
    doc = json.loads(text)
    need(set(doc) == {"findings", "skipped", "summary"}, "not findings/skipped/summary")
    need(doc["summary"]["findings"] == len(doc["findings"]), "summary count")
    return len(doc["findings"])


def sarif(text):
    doc = json.loads(text)
    run = doc["runs"][0]
    need(run["tool"]["driver"]["name"] == "kafkalint", "no driver")
    need(len(run["invocations"]) == 1, "not one invocation")
    return len(run["results"])


def github(text):
    lines = text.splitlines()
    for line in lines:
        need(re.match(r"^::(error|warning|notice) file=[^,]+,", line), f"not a command: {line!r}")
    return len(lines)


def main():
    fmt, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        count = {"gitlab": gitlab, "junit": junit, "checkstyle": checkstyle, "concise": concise,
                 "text": text_format, "json": json_format, "sarif": sarif,
                 "github": github}[fmt](text)
    except (ValueError, KeyError, IndexError, TypeError, ET.ParseError) as e:
        print(f"{fmt}: does not parse: {e}")
        return 1
    for e in errors:
        print(f"{fmt}: {e}")
    if not errors:
        print(f"{fmt}: ok, {count} entries")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
