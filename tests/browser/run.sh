#!/usr/bin/env bash
# Browser test of the review station (CTest `browser_review`): builds a sample store, adds two
# clerks, groups look-alike crops, starts `ledger-ocr review` on a free loopback port and drives
# headless Chromium with playwright-core (review.mjs, then the group view: groups.mjs).
# Usage: run.sh PATH/TO/ledger-ocr
set -euo pipefail
BIN="$(realpath "$1")"
HERE="$(cd "$(dirname "$0")" && pwd)"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  echo "SKIPPED: chromium not installed ($CHROMIUM); scripts/setup.sh installs it"
  exit 0
fi
if [ ! -d "$HERE/node_modules/playwright-core" ]; then
  (cd "$HERE" && { npm ci --no-audit --no-fund || npm install --no-audit --no-fund; })
fi

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

STORE="$("$BIN" review --sample "$WORK/sample" 2>/dev/null)"
for clerk in anna bob; do
  echo "correct horse 1" | "$BIN" clerk add "$clerk" --units "Xã Hướng Phùng" --password-stdin \
    --cost interactive --store "$STORE"
done
# Groups of look-alike crops for groups.mjs (grouping never changes a field, so review.mjs sees
# the store as generated).
"$BIN" group "$STORE" >/dev/null
PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();})')"
"$BIN" review --store "$STORE" --listen "127.0.0.1:$PORT" --threads 4 >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
status=0
CHROMIUM="$CHROMIUM" node "$HERE/review.mjs" "http://127.0.0.1:$PORT" || status=$?
if [ "$status" -eq 0 ]; then
  CHROMIUM="$CHROMIUM" node "$HERE/groups.mjs" "http://127.0.0.1:$PORT" || status=$?
fi
if [ "$status" -ne 0 ]; then echo "--- server log"; cat "$WORK/server.log"; fi
exit "$status"
