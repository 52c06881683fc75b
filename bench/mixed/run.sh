#!/usr/bin/env bash
# Benchmarks `kafkalint check` on a generated repository of 10,000 files mixing properties,
# Compose (+ .env), Kubernetes (Strimzi, ConfigMaps), Ansible inventories and Markdown runbooks,
# and its peak memory at 10,000, 40,000 and 100,000 files. usage: bench/mixed/run.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/../.."
out=bench/out/mixed
rm -rf "$out"
python3 bench/mixed/gen.py "$out" 10000
uptime
hyperfine --warmup 2 --runs 10 -i \
  "$build/kafkalint check --to 3.9 $out" \
  "$build/kafkalint check --to 3.9 --jobs 1 $out"
uptime
for n in 10000 40000 100000; do
  rm -rf "$out-$n"
  python3 bench/mixed/gen.py "$out-$n" "$n" >/dev/null
  /usr/bin/time -f "files=$n max_rss_kb=%M wall=%e user=%U sys=%S" \
    "$build/kafkalint" check --to 3.9 "$out-$n" >/dev/null || true
  rm -rf "$out-$n"
done
