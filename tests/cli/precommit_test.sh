#!/usr/bin/env bash
# Runs the kafkalint pre-commit hook through the real pre-commit in throwaway git repositories:
# it must fail on a bad config and pass on a good one, and see every file at once: two brokers
# sharing a broker.id are a cluster finding (KL601) that a run split into batches would miss.
# It follows the README as written: `cmake --install` of the build, then the README's
# .pre-commit-config.yaml with only the repository address and rev filled in.
# usage: precommit_test.sh SOURCE_DIR BUILD_DIR WORK_DIR
set -euo pipefail
src=$1 build=$2 work=$3
cmake --install "$build" --prefix "$work/prefix" >/dev/null
export PATH="$work/prefix/bin:$PATH" PRE_COMMIT_HOME="$work/cache" HOME="$work/home"
[ "$(command -v kafkalint)" = "$work/prefix/bin/kafkalint" ]
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com
mkdir -p "$work/hooks" "$work/user" "$HOME"
cp "$src/.pre-commit-hooks.yaml" "$work/hooks/"
git -C "$work/hooks" init -q
git -C "$work/hooks" add .pre-commit-hooks.yaml
git -C "$work/hooks" commit -qm hooks
rev=$(git -C "$work/hooks" rev-parse HEAD)
cd "$work/user"
git init -q
# The first yaml block after README's "**pre-commit.**" paragraph.
awk '/^\*\*pre-commit\.\*\*/ {p = 1} p && /^```yaml/ {y = 1; next} y && /^```/ {exit} y' \
  "$src/README.md" > readme.yaml
grep -q "id: kafkalint" readme.yaml
sed -e "s|repo: https://example.org/kafkalint.git.*|repo: $work/hooks|" -e "s|rev: <commit or tag>|rev: $rev|" \
  readme.yaml > .pre-commit-config.yaml
! grep -q "example.org\|<commit" .pre-commit-config.yaml
printf 'broker.id=1\nzookeeper.connect=zk-1:2181\nog.message.format.version=2.1\n' > bad.properties
printf 'broker.id=1\nzookeeper.connect=zk-1:2181\nmin.insync.replicas=2\ndefault.replication.factor=3\nauto.create.topics.enable=false\n' > good.properties
# Eight brokers, the first and the last with one id: pre-commit batches at least four files per
# run and splits across cores, so without require_serial they land in different runs.
for i in 1 2 3 4 5 6 7 8; do
  id=$i; [ "$i" -eq 8 ] && id=1
  sed "s/^broker.id=1\$/broker.id=$id/" good.properties > "broker-$i.properties"
done
git add .
set +e
env -u PRE_COMMIT_NO_CONCURRENCY pre-commit run --files broker-?.properties > dup.out 2>&1
dup=$?
pre-commit run --files bad.properties > bad.out 2>&1
bad=$?
pre-commit run --files good.properties > good.out 2>&1
good=$?
set -e
cat bad.out good.out dup.out
echo "bad=$bad good=$good dup=$dup"
grep -q "og.message.format.version" bad.out
grep -q "KL601" dup.out
[ "$bad" -eq 1 ] && [ "$good" -eq 0 ] && [ "$dup" -eq 1 ]
