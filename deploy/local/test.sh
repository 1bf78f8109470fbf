#!/usr/bin/env bash
# Builds and runs every test (unit and integration, on real PostgreSQL and RabbitMQ), then
# prints the totals as its last line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
bash deploy/local/prerequisites.sh tests || exit 1

results="TestResults"
rm -rf "$results"
dotnet build MassWork.sln || { echo "0 passed, 0 failed"; exit 1; }
status=0
# One project at a time: two cores, and the integration tests run whole platforms.
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" --no-build --logger "trx;LogFileName=${name}.trx" --results-directory "$results" "$@" || status=1
done

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done

# The fault drills' checker lines (sent, stored, effects, lost, duplicated, recovered), from their results file.
if [ -f "$results/MassWork.FaultDrills.trx" ]; then
  grep -oE '[^>&;]+: sent [0-9]+, stored [0-9]+, effects [0-9]+, lost [0-9]+, duplicated [0-9]+, recovered [0-9]+' "$results/MassWork.FaultDrills.trx" | sort -u | sed 's/^ */drill: /'
fi

if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  echo "No test results were produced." >&2
  status=1
fi
echo "${passed} passed, ${failed} failed"
exit $status
