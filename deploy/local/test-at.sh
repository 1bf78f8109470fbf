#!/usr/bin/env bash
# Runs the whole test command with the machine's clock faked to another moment, to show that the
# suite does not depend on the hour, weekday or date it runs at. Example:
#   bash deploy/local/test-at.sh "$(date -d 'next saturday' +%F) 22:30 +0800"   # Saturday night in Shanghai
# A relative offset keeps every process started later in step (an absolute one restarts the clock
# in each new process). Aspire's orchestrator (DCP, a Go program) is not reached by faketime and
# keeps the real clock; the certificate it makes for the AppHost's connection to it is valid for
# 7 days from now, so the faked moment must lie within the next 7 days.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 1 ] || { echo "usage: $0 'YYYY-MM-DD HH:MM[:SS] +0800' [test.sh arguments]  (a moment after now)" >&2; exit 2; }
if ! command -v faketime >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null
fi
target=$(date -d "$1" +%s)
shift
offset=$(( target - $(date +%s) ))
if [ "$offset" -le 0 ] || [ "$offset" -ge $(( 7 * 86400 )) ]; then
  echo "Choose a moment within the next 7 days: Aspire's orchestrator keeps the real clock and its certificate is valid for 7 days." >&2
  exit 2
fi
echo "Faking the clock to $(date -d "@$target" '+%F %T %Z') (offset ${offset}s)"
sign=""
[ "$offset" -lt 0 ] || sign="+"
exec faketime -f "${sign}${offset}s" bash deploy/local/test.sh "$@"
