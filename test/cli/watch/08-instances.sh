#!/usr/bin/env bash
# --instances N: N processes with DEVRUN_INSTANCE=0..N-1; a change restarts
# them one at a time (rolling), so some instance is always running.
. "$(dirname "$0")/lib.sh"

echo "let v = 0" > app.js
start_devrun --instances 3 -- sh child.sh
wait_for "[ \$(starts) -ge 3 ]" || fail "3 instances did not start"
for i in 0 1 2; do grep -q "^start [0-9]* $i" app.log || fail "no instance $i"; done
# a sampler: how many instances are alive, every 10 ms, during the roll
touch sampling
( while [ -f sampling ]; do
    n=0
    for p in $(cat /proc/"$DR_PID"/task/*/children 2>/dev/null); do n=$((n + 1)); done
    echo "$n" >> alive.log
    sleep 0.01
  done ) &
SAMPLER=$!
touch sampling
echo "let v = 1" > app.js
wait_for "[ \$(starts) -ge 6 ]" || fail "instances were not all restarted"
rm -f sampling
wait "$SAMPLER"
for i in 0 1 2; do [ "$(grep -c "^start [0-9]* $i" app.log)" -eq 2 ] || fail "instance $i restarted $(grep -c "^start [0-9]* $i" app.log) times"; done
[ -s alive.log ] || fail "no samples taken"
grep -qx 0 alive.log && fail "at some moment no instance was running"
ok "3 instances, rolling restart, never all down"
stop_devrun
