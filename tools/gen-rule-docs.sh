#!/usr/bin/env bash
# Writes docs/rules/<CODE>.md for every documented rule, and docs/rules/README.md (the index),
# from the same catalogue `kafkalint explain` reads. Re-run after changing rules/kafka/rules.toml
# or rule-docs.toml; the rule_docs test fails while the pages are stale.
# usage: tools/gen-rule-docs.sh [KAFKALINT]   (default build/kafkalint)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/kafkalint}
out=docs/rules
mkdir -p "$out"
rm -f "$out"/KL*.md
"$bin" explain --all --format json | python3 -c '
import json, subprocess, sys
binary, out = sys.argv[1], sys.argv[2]
rules = json.load(sys.stdin)
index = ["# kafkalint rules", "",
         "One page per rule, generated from the rule catalogue by tools/gen-rule-docs.sh",
         "(the same text as `kafkalint explain CODE`).", "",
         "| Code | Name | Severity | What it does |", "|---|---|---|---|"]
for r in rules:
    page = subprocess.run([binary, "explain", r["code"], "--format", "markdown"], check=True,
                          capture_output=True, text=True).stdout
    code = r["code"]
    with open(out + "/" + code + ".md", "w", encoding="utf-8") as f:
        f.write(page)
    index.append("| [%s](%s.md) | %s | %s | %s |" % (code, code, r["name"], r["severity"], r["summary"]))
with open(out + "/README.md", "w", encoding="utf-8") as f:
    f.write("\n".join(index) + "\n")
print("wrote %d rule pages to %s/" % (len(rules), out))
' "$bin" "$out"
