#!/usr/bin/env bash
# Benchmarks `kafkalint check` on a generated repository of 10,000 config files and on one
# file (start-up cost). usage: bench/check/run.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/../.."
out=bench/out/check-repo
rm -rf "$out"
python3 bench/check/gen.py "$out" 10000
one=testdata/examples/zk-2.1/broker-1.properties
hyperfine --warmup 2 --runs 10 -i \
  "$build/kafkalint check --to 3.9 $out" \
  "$build/kafkalint check --to 3.9 --jobs 1 $out"
hyperfine --warmup 20 --runs 200 -N -i \
  "$build/kafkalint check --to 3.9 $one" \
  "$build/kafkalint check $one" \
  "$build/kafkalint show $one" \
  "$build/kafkalint show --effective --to 3.9 $one" \
  "$build/kafkalint explain KL101"
# Peak memory for 1x, 4x and 8x the files: it must stay flat, not grow with the file count.
for n in 10000 40000 80000; do
  rm -rf "$out-$n"
  python3 bench/check/gen.py "$out-$n" "$n" >/dev/null
  for format in text sarif; do
    /usr/bin/time -f "files=$n format=$format max_rss_kb=%M wall=%e" \
      "$build/kafkalint" check --to 3.9 --format "$format" "$out-$n" >/dev/null || true
  done
  rm -rf "$out-$n"
done
