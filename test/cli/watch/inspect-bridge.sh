#!/bin/bash
# devrun --inspect: the debugger endpoint (and its target id) stays the same
# across a restart, the new process runs behind the bridge, and nothing is
# left running after devrun exits.  Needs devrun, devrun-js and
# devrun-inspect side by side (a full build).
source "$(dirname "$0")/lib.sh"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > app.js <<'JS'
require('fs').appendFileSync('app.log', `start ${process.pid}\n`);
setInterval(() => {}, 1000);
JS
"$DEVRUN" --no-stdin-commands --inspect=127.0.0.1:$PORT app.js > dr.log 2>&1 < /dev/null &
DR_PID=$!

targets() { python3 - "$PORT" <<'PY'
import json, sys, urllib.request
try:
    with urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/json/list", timeout=2) as r:
        print(" ".join(t["id"] for t in json.load(r)))
except Exception:
    print("")
PY
}

wait_for 'grep -q "^start" app.log 2>/dev/null' || fail "the app did not start"
wait_for 'test -n "$(targets)"' || fail "no target on the bridge endpoint"
ID1=$(targets)
echo "// changed" >> app.js
wait_for 'test "$(count "^start" app.log)" -ge 2' || fail "the app did not restart"
ID2=$(targets)
[ -n "$ID1" ] && [ "$ID1" = "$ID2" ] || fail "target id changed across the restart: '$ID1' -> '$ID2'"
grep -q "debugger endpoint 127.0.0.1:$PORT stays the same" dr.log || fail "no bridge status line"
kill -TERM "$DR_PID"
wait_gone "$DR_PID" || fail "devrun did not exit"
DR_PID=
if pgrep -f "devrun-inspect --host 127.0.0.1 --port $PORT" > /dev/null; then fail "bridge left running"; fi
for pid in $(awk '{print $2}' app.log); do
  kill -0 "$pid" 2>/dev/null && fail "app $pid left running"
done
echo ok
