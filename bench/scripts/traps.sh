#!/usr/bin/env bash
# Quadratic traps of the script extractor (issue 16, point 7): each input is one unit repeated
# 20,000 and 80,000 times; 4x the input must cost about 4x the time, not 16x. Timing lives here,
# never in tests. usage: bench/scripts/traps.sh [BUILD_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${1:-$root/build}"
out="$root/bench/out/traps"
rm -rf "$out"
mkdir -p "$out"
python3 - "$out" <<'PY'
import sys
out = sys.argv[1]
units = {"t.sh.j2": "\n",          # blank lines in a template
         "p.html": "<pre>&",       # '&' without ';' in HTML
         "k.yml": "\"k\n",         # open quoted YAML keys
         "m.md": "` `` ",          # backtick runs
         "d.sh": "<<E "}           # heredocs never closed
for n in (20000, 80000):
    for name, unit in units.items():
        with open(f"{out}/{n}-{name}", "w") as f:
            f.write(unit * n)
PY
cmds=()
for name in t.sh.j2 p.html k.yml m.md d.sh; do
  for n in 20000 80000; do
    cmds+=("$build/kafkalint check --to 3.9 --exit-zero $out/$n-$name > /dev/null")
  done
done
hyperfine --warmup 1 --runs 5 -i --export-markdown "$root/bench/out/traps-hyperfine.md" "${cmds[@]}"
