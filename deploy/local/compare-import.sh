#!/usr/bin/env bash
# The personnel import at two commits, alternated on this machine, to show whether a change kept the
# bulk path as fast: on a shared machine the same import's rate differs by a fifth from run to run,
# so only runs taken in turn, minutes apart, compare. Example:
#   bash deploy/local/compare-import.sh 400f719            # that commit against HEAD, 3 rounds, 1,000,000 households
#   bash deploy/local/compare-import.sh 400f719 HEAD 5 200000
# Each commit is cloned into a folder of its own and its benchmark project built in Release; each
# round then runs the personnel suite (`tests/MassWork.Benchmarks -- personnel <households> 30000`)
# of the first commit and then of the second, each stopped (Ctrl+C) once it has printed its import.
# Prints every run's import line, then each round's ratio (second over first) and their median.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 1 ] || { echo "usage: $0 <first commit> [<second commit, default HEAD>] [rounds, default 3] [households, default 1000000]" >&2; exit 2; }
first=$(git rev-parse --short "$1^{commit}")
second=$(git rev-parse --short "${2:-HEAD}^{commit}")
rounds=${3:-3}
households=${4:-1000000}
repo=$(pwd)
work=$(mktemp -d /tmp/masswork-compare-XXXXXX)
trap 'rm -rf "$work"' EXIT

for commit in "$first" "$second"; do
  git clone -q --no-checkout "$repo" "$work/$commit"
  git -C "$work/$commit" checkout -q "$commit"
  echo "Building the benchmarks at $commit"
  dotnet build "$work/$commit/tests/MassWork.Benchmarks" -c Release -v q -nologo > "$work/build-$commit.log" 2>&1 \
    || { tail -20 "$work/build-$commit.log" >&2; exit 1; }
done

# One run of the suite until its import line; prints the households/s.
import_rate() {
  local commit=$1 log=$2
  local before
  before=$(ls -d /tmp/masswork-bench-* 2>/dev/null || true)
  # Its own process group, Ctrl+C's default action restored (a background job starts with it ignored).
  (cd "$work/$commit" && exec setsid env --default-signal=INT dotnet run -c Release --no-build \
    --project tests/MassWork.Benchmarks -- personnel "$households" 30000) > "$log" 2>&1 &
  local pid=$!
  until grep -q '^import (parse' "$log" || ! kill -0 "$pid" 2>/dev/null; do sleep 2; done
  kill -INT -- -"$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -KILL -- -"$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  # A suite stopped by Ctrl+C removes its servers' folders; one that had to be killed leaves them.
  for folder in /tmp/masswork-bench-*; do
    [ -e "$folder" ] && ! grep -qxF "$folder" <<< "$before" && rm -rf "$folder"
  done
  grep -m1 '^import (parse' "$log" >&2 || { tail -20 "$log" >&2; return 1; }
  grep -m1 '^import (parse' "$log" | sed -E 's/.* = ([0-9,]+) households\/s.*/\1/; s/,//g'
}

ratios=()
for round in $(seq 1 "$rounds"); do
  # The page cache is what the previous run left; empty it when allowed (root), so each run starts alike.
  { sync; echo 1 > /proc/sys/vm/drop_caches; } 2>/dev/null || true
  a=$(import_rate "$first" "$work/run-$round-$first.log")
  { sync; echo 1 > /proc/sys/vm/drop_caches; } 2>/dev/null || true
  b=$(import_rate "$second" "$work/run-$round-$second.log")
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b / a }')
  ratios+=("$ratio")
  echo "round $round: $first $a households/s, $second $b households/s, ratio $ratio"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int(NR / 2) + 1] }')
echo "import at $second over $first: median ratio $median (rounds: ${ratios[*]})"
