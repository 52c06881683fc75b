#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what it needs, then
#   1. a strict build (warnings are errors), every test, and clang-tidy (.clang-tidy),
#   2. the same tests under AddressSanitizer + UndefinedBehaviorSanitizer,
#   3. a short libFuzzer run of every fuzz target, seeded from testdata/,
#   4. the release package: static binary, .deb installed into an empty root and run there.
# FUZZ_SECONDS (default 20) sets how long each fuzz target runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup-debian.sh --dev
jobs=$(nproc)

echo "== format"
bash tools/check-format.sh

echo "== strict build and tests"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DKAFKALINT_WERROR=ON \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== clang-tidy"
bash tools/check-tidy.sh build

echo "== ASan + UBSan build and tests"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DKAFKALINT_WERROR=ON -DKAFKALINT_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
LSAN_OPTIONS=suppressions=$PWD/fuzz/lsan.supp ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"

echo "== fuzz smoke run"
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DKAFKALINT_FUZZ=ON -DKAFKALINT_TESTS=OFF >/dev/null
cmake --build build-fuzz -j"$jobs"
bash fuzz/run.sh build-fuzz "${FUZZ_SECONDS:-20}"

echo "== release package"
bash tools/test-package.sh build-pkg
