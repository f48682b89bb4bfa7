#!/bin/bash
# End to end: Chromium's DevTools frontend (headless Debian chromium) attached
# to devrun-js shows in its Console panel the values the app logged.
# E2E_NODE=1 runs the same steps against node --inspect.
. "$(dirname "$0")/lib.sh"
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || { echo "SKIP: chromium not installed (scripts/bootstrap installs it)"; exit 77; }
need_cri
if [ -n "${E2E_NODE:-}" ]; then
  # cross-check of the test itself: the same steps against node --inspect
  node --inspect=0 "$HERE/fixtures/e2e-app.js" 2>"$T/n.err" &
  PIDS="$PIDS $!"; JSERR=$T/n.err
  wait_for "$T/n.err" 'Debugger listening'
  WSURL=$(grep -oE 'ws://[^ ]+' "$T/n.err")
else
  start_js --inspect=0 "$HERE/fixtures/e2e-app.js"
fi
"$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --disable-dev-shm-usage --user-data-dir="$T/chromium-profile" \
  --remote-debugging-address=127.0.0.1 --remote-debugging-port=0 about:blank \
  >"$T/chromium.out" 2>"$T/chromium.err" &
CPID=$!; PIDS="$CPID $PIDS"
wait_for "$T/chromium.err" 'DevTools listening on ws://127.0.0.1:[0-9]+' 60
RPORT=$(grep -oE 'ws://127.0.0.1:[0-9]+' "$T/chromium.err" | head -1 | sed 's/.*://')
node "$HERE/devtools-e2e.js" "$RPORT" "$WSURL" || { tail -20 "$T/chromium.err" >&2; fail "DevTools frontend"; }
grep -q '^Debugger attached\.$' "$JSERR" || fail "no 'Debugger attached.'"
kill "$CPID"
echo PASS
