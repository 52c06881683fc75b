#!/usr/bin/env bash
# Runs the kafkalint pre-commit hook through the real pre-commit in throwaway git repositories:
# it must fail on a bad config and pass on a good one.
# usage: precommit_test.sh SOURCE_DIR BIN_DIR WORK_DIR
set -euo pipefail
src=$1 bin=$2 work=$3
export PATH="$bin:$PATH" PRE_COMMIT_HOME="$work/cache" HOME="$work/home"
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com
mkdir -p "$work/hooks" "$work/user" "$HOME"
cp "$src/.pre-commit-hooks.yaml" "$work/hooks/"
git -C "$work/hooks" init -q
git -C "$work/hooks" add .pre-commit-hooks.yaml
git -C "$work/hooks" commit -qm hooks
rev=$(git -C "$work/hooks" rev-parse HEAD)
cd "$work/user"
git init -q
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $work/hooks
    rev: $rev
    hooks:
      - id: kafkalint
        args: [--to, "2.1"]
YAML
printf 'broker.id=1\nzookeeper.connect=zk-1:2181\nog.message.format.version=2.1\n' > bad.properties
printf 'broker.id=1\nzookeeper.connect=zk-1:2181\nlog.message.format.version=2.1\nmin.insync.replicas=2\ndefault.replication.factor=3\nauto.create.topics.enable=false\n' > good.properties
git add .
set +e
pre-commit run --files bad.properties > bad.out 2>&1
bad=$?
pre-commit run --files good.properties > good.out 2>&1
good=$?
set -e
cat bad.out good.out
echo "bad=$bad good=$good"
grep -q "og.message.format.version" bad.out
[ "$bad" -eq 1 ] && [ "$good" -eq 0 ]
