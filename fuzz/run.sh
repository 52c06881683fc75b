#!/usr/bin/env bash
# Runs every built fuzz target for a few seconds, seeded from testdata/ and fuzz/corpus/.
# usage: fuzz/run.sh BUILD_DIR SECONDS
set -euo pipefail
build=$1
seconds=$2
cd "$(dirname "$0")/.."
export LSAN_OPTIONS="suppressions=$PWD/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
shopt -s nullglob
targets=("$build"/*_fuzzer)
if [ "${#targets[@]}" -eq 0 ]; then
  echo "fuzz/run.sh: no fuzz targets in $build" >&2
  exit 1
fi
for t in "${targets[@]}"; do
  name=$(basename "$t")
  work=$(mktemp -d)
  seeds=()
  [ -d "fuzz/corpus/$name" ] && seeds+=("fuzz/corpus/$name")
  # Each target lists the testdata folders that seed it in fuzz/<name>.seeds.
  if [ -f "fuzz/$name.seeds" ]; then
    while read -r dir; do
      [ -n "$dir" ] && [ -d "$dir" ] && seeds+=("$dir")
    done < "fuzz/$name.seeds"
  fi
  echo "-- $name: ${seconds}s"
  "$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    "$work" "${seeds[@]}" 2>"$work.log" || { tail -50 "$work.log"; exit 1; }
  grep -E "stat::number_of_executed_units|Done" "$work.log" | tail -2
  rm -rf "$work" "$work.log"
done
