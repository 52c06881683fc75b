#!/usr/bin/env bash
# The parsing benchmark of BENCHMARKS.md: kafkalint against java.util.Properties.load on a
# ~100 MB generated properties file, plus `wc -l` as the floor of reading the bytes.
# usage: bench/properties/run.sh [BUILD_DIR=build] [MEGABYTES=100]
# BUILD_DIR must be a Release build (the default of CMakeLists.txt). Output goes to bench/out/.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
megabytes=${2:-100}
out=bench/out
mkdir -p "$out"
file=$out/big-$megabytes.properties
[ -f "$file" ] || python3 bench/properties/gen.py "$file" "$megabytes"

# Parse-only timing needs the library, not the CLI: compile the small driver against it.
g++ -std=c++17 -O2 -DNDEBUG -Isrc bench/properties/parse_bench.cpp \
  "$build/libkl_properties.a" "$build/libkl_core.a" -o "$out/parse_bench"
javac -d "$out" bench/properties/LoadBench.java

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "file: $file, $(stat -c %s "$file") bytes, $(wc -l < "$file") lines"
"$out/parse_bench" "$file" 10
java -cp "$out" LoadBench "$file" 10
hyperfine --warmup 1 --runs 10 --export-markdown "$out/hyperfine.md" \
  "$build/kafkalint show $file --format json > /dev/null" \
  "java -cp $out LoadBench $file 1" \
  "wc -l $file"
