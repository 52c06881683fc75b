#!/usr/bin/env bash
# Installs what kafkalint needs to build and run on Debian 12 (about 250 MB less than the
# developer set); with --dev also the developer tools: JDK for the differential tests, clang
# for the fuzz targets, clang-format/clang-tidy, pre-commit and hyperfine (tools/test-all.sh
# passes --dev). Idempotent: packages already present are skipped by apt.
set -euo pipefail
dev=0
case "${1:-}" in
  --dev) dev=1 ;;
  "") ;;
  *) echo "usage: setup-debian.sh [--dev]" >&2; exit 2 ;;
esac
if [ "$(id -u)" -ne 0 ]; then
  echo "setup-debian.sh: run as root (it calls apt-get)" >&2
  exit 2
fi
pkgs=(
  build-essential cmake g++ git
  libboost-program-options-dev libboost-dev   # CLI options, Spirit X3 (header-only)
  libtomlplusplus-dev                         # rule packs
  libfyaml-dev pkg-config                     # YAML with positions (Compose, Kubernetes, Ansible)
  doctest-dev                                 # tests
  nlohmann-json3-dev                          # JSON/SARIF output
  python3 help2man                            # completions and man page (generated at build time)
)
if [ "$dev" = 1 ]; then
  pkgs+=(
    python3-jsonschema                        # SARIF schema validation
    python3-yaml                              # runs the steps of action.yml and the GitLab job
    pre-commit                                # the pre-commit hook test
    default-jdk-headless                      # differential test against java.util.Properties
    clang libclang-rt-14-dev                  # libFuzzer targets
    clang-format-14 clang-tidy-14             # formatting and lint checks of our own code
    hyperfine                                 # benchmarks
    file man-db zsh fish                      # package test: static check, man page, completions
  )
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
