#!/usr/bin/env bash
# Runs the browser suite (npm run test:e2e) with the clock of every process in it — vitest, the server it starts and
# Chromium — set to a given Shanghai wall-clock time, to show that no journey depends on the hour it runs at.
#
#   scripts/e2e-at.sh 18:00                # the next 18:00 in Shanghai (today's or tomorrow's)
#   scripts/e2e-at.sh 23:30 2026-12-12     # that day at 23:30 Shanghai time
#   scripts/e2e-at.sh 08:00 -- tests/e2e/customer-booking.e2e.test.ts   # extra arguments go to vitest
#
# Needs Debian's faketime (apt-get install -y faketime). The clock is shifted by a fixed offset (libfaketime's
# "+N seconds"), so it keeps running and all processes agree on it. The monotonic clock is shifted with it: Chromium
# with only the wall clock shifted (FAKETIME_DONT_FAKE_MONOTONIC=1) takes 10–20 s per navigation.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ] || ! [[ "$1" =~ ^([01][0-9]|2[0-3]):[0-5][0-9]$ ]]; then
  echo "usage: $0 HH:MM [YYYY-MM-DD] [-- vitest args…]" >&2
  exit 2
fi
at="$1"; shift
day=""
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]]; then day="$1"; shift; fi
[ "${1:-}" = "--" ] && shift

if ! command -v faketime >/dev/null; then
  echo "faketime is not installed: apt-get install -y faketime" >&2
  exit 2
fi

now=$(date +%s)
if [ -n "$day" ]; then
  target=$(date -d "TZ=\"Asia/Shanghai\" $day $at" +%s)
else
  today=$(TZ=Asia/Shanghai date +%F)
  target=$(date -d "TZ=\"Asia/Shanghai\" $today $at" +%s)
  [ "$target" -le "$now" ] && target=$(date -d "TZ=\"Asia/Shanghai\" $today $at next day" +%s)
fi
offset=$((target - now))
sign="+"; [ "$offset" -lt 0 ] && sign=""
echo "== browser suite with the clock at $(TZ=Asia/Shanghai date -d "@$target" '+%F %H:%M %a') Shanghai (offset ${offset} s)"
exec env -u DATABASE_URL faketime -m -f "${sign}${offset}" npm run test:e2e -- "$@"
