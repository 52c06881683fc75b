#!/usr/bin/env bash
# Runs the hostile test suites again as nobody:nogroup (issue 16, "Done when"): as root,
# permissions never stop a write, so only an unprivileged run shows what kafkalint does with
# files and folders it may not read or replace. The tests write in a temporary folder that
# nobody owns; one file in it belongs to root, for the ownership case.
# usage: tools/run-unprivileged.sh TEST_BINARY [doctest options]
# Exit 77 (a skip for ctest) when not root or when setpriv or the user nobody is missing.
set -euo pipefail
tests=$1
shift
if [ "$(id -u)" -ne 0 ]; then
  echo "skipped: needs root to drop to nobody"
  exit 77
fi
if ! command -v setpriv >/dev/null || ! id nobody >/dev/null 2>&1; then
  echo "skipped: needs setpriv and the user nobody"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 0755 "$work"
mkdir "$work/tmp" "$work/home" "$work/foreign"
# A config owned by root in a folder nobody may write: replacing it would change its owner.
printf 'broker.id=1\nnum.partitons=3\n' >"$work/foreign/server.properties"
chmod 0666 "$work/foreign/server.properties"
chown -R nobody: "$work/tmp" "$work/home"
chown nobody: "$work/foreign"
# The test binary, the sources and the build tree must be readable by nobody.
if ! setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups test -x "$tests"; then
  echo "skipped: nobody cannot run $tests (a folder above it is not world-readable)"
  exit 77
fi
rc=0
setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups \
  env HOME="$work/home" TMPDIR="$work/tmp" KAFKALINT_TEST_TMPDIR="$work/tmp" \
  KAFKALINT_FOREIGN_FILE="$work/foreign/server.properties" \
  "$tests" --test-suite='hostile_*' --no-version "$@" || rc=$?
exit "$rc"
