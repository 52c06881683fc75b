#!/usr/bin/env bash
# Linear cost (issue 16, point 7): check of one file of 10k/40k/160k keys, check of a
# 10,000-deep folder tree, globs with many '**' on a deep path, and edit/diff/show of a 200 MB
# file, each with wall time (hyperfine) and peak RSS (/usr/bin/time -v).
# usage: bench/scale/run.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/../.."
out=bench/out/scale
rm -rf "$out"
mkdir -p "$out"
kl="$build/kafkalint"
rss() {  # rss LABEL CMD...: peak RSS and wall time of one run
  /usr/bin/time -v "${@:2}" >/dev/null 2>"$out/time.txt" || true
  echo "$1: $(grep 'Maximum resident' "$out/time.txt" | awk '{print $NF}') KB peak RSS," \
    "$(grep 'Elapsed (wall' "$out/time.txt" | awk '{print $NF}') wall"
}

for n in 10000 40000 160000; do
  python3 bench/scale/gen_keys.py "$out/keys-$n.properties" "$n"
done
hyperfine --warmup 1 --runs 5 -i \
  "$kl check --to 3.9 --role broker $out/keys-10000.properties" \
  "$kl check --to 3.9 --role broker $out/keys-40000.properties" \
  "$kl check --to 3.9 --role broker $out/keys-160000.properties"
for n in 10000 40000 160000; do
  rss "check keys=$n" "$kl" check --to 3.9 --role broker "$out/keys-$n.properties"
done
hyperfine --warmup 1 --runs 5 -i \
  "$kl plan --from 3.6 --to 3.9 $out/keys-160000.properties"

python3 bench/scale/gen_deep.py "$out/deep" 10000
hyperfine --warmup 1 --runs 5 -i "$kl check --to 3.9 $out/deep"
rss "check deep=10000" "$kl" check --to 3.9 "$out/deep"

# Ten '**' in each pattern, against every path of a 200-deep tree.
mkdir -p "$out/globs"
python3 bench/scale/gen_deep.py "$out/globs/tree" 200
{
  printf 'exclude = ["%s"]\n' "$(printf '**/%.0s' $(seq 10))nomatch"
  printf '[per-path-ignores]\n"%s" = ["KL101"]\n' "$(printf '**/%.0s' $(seq 10))x.properties"
  printf '[roles]\n"%s" = "broker"\n' "$(printf '**/d/%.0s' $(seq 10))nomatch.properties"
} >"$out/globs/.kafkalint.toml"
hyperfine --warmup 1 --runs 5 -i "$kl check --to 3.9 $out/globs/tree"

python3 bench/scale/gen_big.py "$out/big-200.properties" 200
cp "$out/big-200.properties" "$out/big-200b.properties"
echo "extra.key=1" >>"$out/big-200b.properties"
ls -l "$out/big-200.properties"
hyperfine --warmup 1 --runs 3 -i \
  "$kl edit $out/big-200.properties --set log.retention.hours=72" \
  "$kl edit $out/big-200.properties --set log.retention.hours=72 --diff" \
  "$kl show $out/big-200.properties" \
  "$kl diff $out/big-200.properties $out/big-200b.properties"
rss "edit --set 200MB" "$kl" edit "$out/big-200.properties" --set log.retention.hours=72
rss "edit --diff 200MB" "$kl" edit "$out/big-200.properties" --set log.retention.hours=72 --diff
rss "show 200MB" "$kl" show "$out/big-200.properties"
rss "diff 200MB" "$kl" diff "$out/big-200.properties" "$out/big-200b.properties"
rm -rf "$out"
