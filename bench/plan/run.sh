#!/bin/sh
# Times `kafkalint plan` for a 100-broker cluster (target: < 100 ms).
# Usage: bench/plan/run.sh [BUILD_DIR]   (default: build)
set -e
cd "$(dirname "$0")/../.."
build=${1:-build}
dir=bench/out/plan-brokers
python3 bench/plan/gen.py "$dir" 100
hyperfine --warmup 3 --runs 30 --export-markdown bench/out/plan-hyperfine.md \
  "$build/kafkalint plan --from 2.1 --to 2.6 $dir > /dev/null" \
  "$build/kafkalint plan --from 2.1 --to 2.6 $dir --format json > /dev/null" \
  "$build/kafkalint plan --from 2.1 --to 3.5 $dir --out bench/out/plan-out > /dev/null"
