#!/usr/bin/env bash
# Runs `kafkalint plan` over from->to pairs on the clusters under testdata/plan and prints a
# Markdown table of what each showed (testdata/plan/PAIRS.md is its output). Usage: run-pairs.sh [kafkalint]
set -uo pipefail
cd "$(dirname "$0")/../plan"
B=${1:-$PWD/../../build/kafkalint}
echo "| cluster | from → to | exit | outcome | findings by code |"
echo "|---|---|---|---|---|"
run() {
  local c=$1 f=$2 t=$3 files res rc head codes phases
  files=$(ls -d "$c"/brokers/* 2>/dev/null) || return
  res=$("$B" plan --from "$f" --to "$t" $files 2>&1); rc=$?
  head=$(echo "$res" | head -1 | sed 's/.*mode, //; s/|/\\|/g')
  codes=$(echo "$res" | grep -o '\[KL[0-9]* ' | tr -d '[ ' | sort | uniq -c | awk '{printf "%s×%s ",$2,$1}')
  phases=$(echo "$res" | grep -c '^phase ')
  echo "| $c | $f → $t | $rc | $head; $phases phases | $codes |"
}
pairs() { local c=$1; shift; while [ $# -ge 2 ]; do run "$c" "$1" "$2"; shift 2; done; }
pairs zk-2.8-to-3.0 2.8 3.0 2.8 3.9 2.6 2.8 2.8 2.8.2 2.8 4.0 2.8 2.8 2.8.1 2.8.0
pairs zk-2.8-to-3.0-host-port 2.8 3.0 2.8 3.9 2.6 2.8 2.8 4.0
pairs zk-2.1-to-2.6 2.1 2.6 2.1 3.5 2.1 3.9 2.0 2.1 2.1 2.1
pairs zk-0.10.2-to-2.0 0.10.2 2.0 0.10.2 1.1 0.10.2 2.8 0.10.1 0.10.2
pairs zk-1.1-to-2.4-format-overridden 1.1 2.4 1.1 3.0 1.0 1.1
pairs zk-2.4-to-2.8-broken-pins 2.4 2.8 2.6 2.8 2.4 3.5
pairs zk-2.4-to-2.8-broken-pins-below 2.4 2.8 2.4 3.5
pairs zk-3.5-to-3.9-exact 3.5 3.9 3.5 3.7 3.5 4.0 3.9 3.5
pairs kraft-3.6-to-3.9 3.6 3.9 3.9 4.0 3.9 4.1 3.9 4.4 4.0 4.3
pairs kraft-3.9-to-4.1 3.9 4.0 3.9 4.1 3.9 4.2 3.9 4.4
pairs refuse-kraft-3.9-to-4.0-target-min 3.6 3.9 3.9 4.0 3.9 4.1 4.0 4.3
pairs refuse-downgrade-2.6-to-2.1 2.6 2.1
pairs refuse-zk-2.0-to-3.6 2.0 3.6 2.0 3.5
pairs refuse-zk-2.8-to-4.0 2.8 4.0
pairs refuse-migration-half-kraft 3.9 4.0 3.9 3.9
pairs refuse-migration-half-rolled 3.9 4.0
pairs ../plan-pairs/zk-2.3-sasl-ssl-jbod 2.3 2.8 2.3 3.0 2.3 3.5 2.3 3.9 2.1 2.3 2.3 4.0
pairs ../plan-pairs/zk-0.11-host-port 0.11.0 1.0 0.11.0 2.0 0.11.0 2.8 0.11.0 3.0 1.0 3.0
pairs ../plan-pairs/kraft-3.7-combined 3.7 3.9 3.7 4.0 3.7 4.1 3.7 4.2 3.7 3.7 3.6 3.7
pairs refuse-migration-pins-above-from 3.8 4.0 3.9 4.0 3.5 3.9
pairs refuse-migration-start-pins-above-from 3.7 4.0 3.9 4.0
pairs refuse-migration-kraft-next-to-zookeeper 3.9 4.0 3.9 4.1
pairs refuse-zk-2.4-template-pin-one-branch 2.4 3.0 2.4 2.8 1.1 2.4
pairs zk-2.4-to-3.0-template-branch-literals 2.4 3.0 2.4 3.5
pairs zk-2.8-to-3.5-template-branch-pins 2.8 3.5 2.8 3.9
pairs resume-migration-mode-3.9-to-4.0 3.9 4.0 3.9 4.1
pairs zk-2.1-to-3.5-simple-acl-authorizer 2.1 3.5 2.1 3.0
