#!/usr/bin/env bash
# Scripts benchmark: `kafkalint check --to 3.9` on 5,000 generated script-like files vs
# ShellCheck on the .sh files among them. usage: bench/scripts/run.sh [BUILD_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${1:-$root/build}"
out="$root/bench/out/scripts"
rm -rf "$out"
python3 "$here/gen.py" "$out" 5000
find "$out" -name '*.sh' > "$root/bench/out/scripts-sh.txt"
echo "files: $(find "$out" -type f | wc -l) ($(wc -l < "$root/bench/out/scripts-sh.txt") .sh)," \
     "bytes: $(du -sb "$out" | cut -f1)"
cd "$out"
hyperfine --warmup 1 --runs 10 -i --export-markdown "$root/bench/out/scripts-hyperfine.md" \
  "$build/kafkalint check --to 3.9 . > /dev/null" \
  "$build/kafkalint check --to 3.9 --jobs 1 . > /dev/null"
hyperfine --runs 2 -i --export-markdown "$root/bench/out/scripts-shellcheck.md" \
  "xargs -a $root/bench/out/scripts-sh.txt -P 2 -n 100 shellcheck -f gcc > /dev/null"
