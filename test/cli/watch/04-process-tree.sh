#!/usr/bin/env bash
# Nothing is left behind: grandchildren (in the group, and setsid'd out of
# it) die with their app; a child ignoring SIGTERM is killed after
# --kill-timeout; a child listening on a port never meets EADDRINUSE from
# its predecessor over many restarts; on exit nothing remains.
. "$(dirname "$0")/lib.sh"

# 1. grandchildren
cat > tree.sh <<'SH'
sleep 100000 &
echo "gc $!" >> "$T_LOG"
setsid sleep 100000 &
echo "gc $!" >> "$T_LOG"
( sh -c 'sleep 100000' & echo "gc $!" >> "$T_LOG"; wait ) &
echo "start $$" >> "$T_LOG"
wait
SH
echo "let v = 0" > app.js
start_devrun --debounce 100 -- sh tree.sh
expect_starts 1 "first start"
wait_for "[ \$(count '^gc' app.log) -ge 3 ]" || fail "grandchildren not started"
gcs=$(awk '/^gc/ {print $2}' app.log)
for p in $gcs; do kill -0 "$p" 2>/dev/null || fail "grandchild $p not running"; done
echo "let v = 1" > app.js
expect_starts 2 "restart"
for p in $gcs; do kill -0 "$p" 2>/dev/null && fail "grandchild $p survived the restart"; done
ok "grandchildren (in group and setsid'd) die on restart"
gcs=$(awk '/^gc/ {print $2}' app.log)
stop_devrun
for p in $gcs; do kill -0 "$p" 2>/dev/null && fail "process $p survived devrun's exit"; done
ok "nothing left after exit"

# 2. SIGTERM ignored: SIGKILL after --kill-timeout, next start only after
rm -f app.log dr.log
cat > stubborn.sh <<'SH'
trap '' TERM
echo "start $$" >> "$T_LOG"
while :; do sleep 0.05; done
SH
start_devrun --debounce 50 --kill-timeout 300ms -v -- sh stubborn.sh
expect_starts 1 "stubborn start"
first=$(awk '/^start/ {print $2; exit}' app.log)
echo "let v = 2" > app.js
expect_starts 2 "restart of a stubborn app"
kill -0 "$first" 2>/dev/null && fail "stubborn app $first still alive"
grep -q "after SIGKILL" dr.log || fail "no SIGKILL escalation reported"
ok "SIGTERM ignored: SIGKILL after --kill-timeout"
stop_devrun

# 3. a server on a fixed port, restarted many times: never EADDRINUSE
rm -f app.log dr.log
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > server.py <<'PY'
import os, signal, socket, sys, time
s = socket.socket()
try:
    s.bind(("127.0.0.1", int(os.environ["PORT"])))
except OSError as e:
    open(os.environ["T_LOG"], "a").write("EADDRINUSE %s\n" % e)
    sys.exit(1)
s.listen(8)
# a slow shutdown: the old process holds the port 100 ms after SIGTERM
signal.signal(signal.SIGTERM, lambda *a: (time.sleep(0.1), sys.exit(0)))
open(os.environ["T_LOG"], "a").write("start %d\n" % os.getpid())
while True:
    c, _ = s.accept()
    c.close()
PY
PORT=$PORT start_devrun --debounce 20 -- python3 server.py
expect_starts 1 "server start"
N=${RESTARTS:-25}
for i in $(seq 1 $N); do
  echo "let v = $i" > app.js
  expect_starts $((i + 1)) "server restart $i"
done
grep -q EADDRINUSE app.log && fail "EADDRINUSE: $(grep EADDRINUSE app.log | head -1)"
ok "$N restarts of a port-holding server: no EADDRINUSE"
stop_devrun
