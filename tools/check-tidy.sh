#!/bin/bash
# Runs clang-tidy with the repository's .clang-tidy on every C++ source of src/ and tools/.
# usage: tools/check-tidy.sh BUILD_DIR   (a build configured with CMAKE_EXPORT_COMPILE_COMMANDS=ON)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
tidy=$(command -v clang-tidy-14 || command -v clang-tidy || true)
if [ -z "$tidy" ]; then
  echo "tidy: clang-tidy not found (tools/setup-debian.sh --dev installs it)" >&2
  exit 1
fi
if [ ! -f "$build/compile_commands.json" ]; then
  echo "tidy: $build/compile_commands.json missing; configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON" >&2
  exit 1
fi
mapfile -t files < <(git ls-files 'src/*.cpp' 'tools/*.cpp')
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Two files per call and one call per core: the headers dominate, and each call parses them.
if ! printf '%s\n' "${files[@]}" |
    xargs -P "$(nproc)" -n 2 "$tidy" -p "$build" --quiet >"$log" 2>&1; then
  grep -E "(warning|error):" "$log" | sort -u >&2 || cat "$log" >&2
  echo "tidy: clang-tidy found problems (checks: .clang-tidy)" >&2
  exit 1
fi
echo "tidy: ${#files[@]} files clean"
