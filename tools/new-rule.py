#!/usr/bin/env python3
"""Scaffold for a new rule: its catalogue entry, its documentation entry and a first golden case.

usage: tools/new-rule.py CODE NAME --file src/checks/<family>.cpp [--severity warning]
                         [--fix none|safe|unsafe] [--input server.properties] [--args "--to 3.9"]

What it writes (the four places a rule of an existing family lives, CONTRIBUTING.md):
  rules/kafka/rules.toml       a [[rule]] entry at its place in code order
  rules/kafka/rule-docs.toml   a [[doc]] entry
  testdata/checks/<CODE>-<NAME>/first-case/   input, args, expected.txt, expected.exit
The C++ is yours: report the rule from --file with RuleId::<CODE>. The entries carry
'FILL IN' text that the catalogue's own checks accept but review will not: replace it.
Then: build, write the input that should fire, KAFKALINT_UPDATE_GOLDEN=1 to record
expected.txt, and tools/gen-rule-docs.sh for docs/rules/<CODE>.md.
"""
import argparse
import os
import re
import sys

CATEGORIES = {"1": "keys", "2": "values", "3": "defaults", "4": "safety", "5": "encoding",
              "6": "cluster", "7": "cli", "8": "upgrade", "9": "meta"}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def insert_in_order(text, header, code, entry):
    """`entry` placed before the first block whose code sorts after `code`, and before the
    section comment (`# ---- KL4xx ...`) that may open that block's category, so the entry
    stays in its own category block."""
    blocks = list(re.finditer(r"^\[\[%s\]\]\ncode = \"(KL\d{3})\"" % header, text, re.M))
    for m in blocks:
        if m.group(1) == code:
            sys.exit("new-rule: %s already has a [[%s]] entry" % (code, header))
        if m.group(1) > code:
            at = m.start()
            section = re.search(r"^# -{8,}[^\n]*\n(?:#[^\n]*\n|\n)*\Z", text[:at], re.M)
            if section:
                at = section.start()
            return text[:at] + entry + "\n" + text[at:]
    return text.rstrip("\n") + "\n\n" + entry


def first_input(spec):
    """(file name in the case folder, its text). An existing file (a path, or a name found in
    the current directory) is copied; a bare name that does not exist gets a placeholder."""
    if os.path.isfile(spec):
        with open(spec, encoding="utf-8") as f:
            return os.path.basename(spec), f.read()
    if os.path.basename(spec) != spec:
        sys.exit("new-rule: --input %s does not exist" % spec)
    return spec, None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("code")
    ap.add_argument("name")
    ap.add_argument("--file", required=True, help="the C++ file that reports the rule")
    ap.add_argument("--severity", default="warning", choices=["error", "warning", "info"])
    ap.add_argument("--fix", default="none", choices=["none", "safe", "unsafe"])
    ap.add_argument("--input", default="server.properties", help="the first golden's input: an existing file to copy into the case, "
                    "or a file name for a placeholder")
    ap.add_argument("--args", default="--to 3.9", help="the first golden's command-line arguments")
    a = ap.parse_args()
    if not re.fullmatch(r"KL[1-9]\d\d", a.code):
        sys.exit("new-rule: the code is KL and three digits, e.g. KL117")
    if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", a.name):
        sys.exit("new-rule: the name is kebab-case and names the problem, e.g. unknown-key")
    if not os.path.isfile(os.path.join(ROOT, a.file)):
        sys.exit("new-rule: %s does not exist" % a.file)
    rule = ('[[rule]]\ncode = "%s"\nname = "%s"\nstatus = "preview"\nseverity = "%s"\n'
            'category = "%s"\nimplemented_in = "%s"\nsummary = "FILL IN: one line, what it reports"\n'
            'fix = "%s"\nfix_title = "FILL IN: what the fix does, or what to do by hand"\n'
            'sources = [\n  { ref = "FILL IN: KIP, JIRA or upgrade-notes section", url = "https://kafka.apache.org/documentation/" },\n]\n'
            % (a.code, a.name, a.severity, CATEGORIES[a.code[2]], a.file, a.fix))
    doc = ('[[doc]]\ncode = "%s"\nwhy = """\nFILL IN: why it matters to the people who run the cluster, in your own words."""\n'
           % a.code)
    # Everything is checked before anything is written, so a refused run changes nothing.
    input_name, input_text = first_input(a.input)
    if input_text is None:
        input_text = "# FILL IN: the smallest real input on which %s fires\n" % a.code
    case = os.path.join(ROOT, "testdata", "checks", "%s-%s" % (a.code, a.name), "first-case")
    if os.path.exists(case):
        sys.exit("new-rule: %s already exists" % os.path.relpath(case, ROOT))
    updated = []
    for rel, header, entry in (("rules/kafka/rules.toml", "rule", rule),
                               ("rules/kafka/rule-docs.toml", "doc", doc)):
        path = os.path.join(ROOT, rel)
        with open(path, encoding="utf-8") as f:
            updated.append((rel, path, insert_in_order(f.read(), header, a.code, entry)))
    for rel, path, text in updated:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        print("new-rule: added %s to %s" % (a.code, rel))
    os.makedirs(case)
    with open(os.path.join(case, input_name), "w", encoding="utf-8") as f:
        f.write(input_text)
    with open(os.path.join(case, "args"), "w") as f:
        f.write("%s --select %s\n" % (a.args, a.code))
    with open(os.path.join(case, "expected.txt"), "w") as f:
        f.write("")
    with open(os.path.join(case, "expected.exit"), "w") as f:
        f.write("0\n")
    print("new-rule: wrote %s" % os.path.relpath(case, ROOT))
    print("next: report it in %s with RuleId::%s, fill in the entries and the input, then\n"
          "  cmake --build build && KAFKALINT_UPDATE_GOLDEN=1 build/kafkalint_tests --test-suite=checks_golden\n"
          "  bash tools/gen-rule-docs.sh" % (a.file, a.code))


if __name__ == "__main__":
    main()
