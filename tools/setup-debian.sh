#!/usr/bin/env bash
# Installs everything kafkalint needs to build, test, fuzz and benchmark on Debian 12.
# Idempotent: packages already present are skipped by apt.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then
  echo "setup-debian.sh: run as root (it calls apt-get)" >&2
  exit 2
fi
pkgs=(
  build-essential cmake g++ git
  libboost-program-options-dev libboost-dev   # CLI options, Spirit X3 (header-only)
  libtomlplusplus-dev                         # rule packs
  doctest-dev                                 # tests
  libfmt-dev nlohmann-json3-dev               # formatting, JSON/SARIF output
  python3 python3-jsonschema                  # importer, SARIF schema validation
  pre-commit                                  # the pre-commit hook test
  default-jdk-headless                        # differential test against java.util.Properties
  clang libclang-rt-14-dev                    # libFuzzer targets
  clang-format-14 clang-tidy-14               # formatting and lint checks of our own code
  hyperfine                                   # benchmarks
)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
