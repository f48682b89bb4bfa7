#!/usr/bin/env bash
# Crash handling: the default waits for changes; --exit-on-crash exits with
# the app's status; --restart-on-crash backs off and gives up after
# --crash-limit crashes within --crash-window; status lines say why.
. "$(dirname "$0")/lib.sh"

cat > crash.sh <<'SH'
echo "start $$" >> "$T_LOG"
exit 3
SH
echo "let v = 0" > app.js

start_devrun --debounce 50 -- sh crash.sh
expect_starts 1 "crash start"
wait_for "grep -q 'app crashed (exit 3) — waiting for changes' dr.log" || fail "no crash status line"
grep -Eq '^\[devrun [0-9]{2}:[0-9]{2}:[0-9]{2}\] error: app crashed' dr.log || fail "status line lacks a timestamp"
echo "let v = 1" > app.js
expect_starts 2 "start after a change"
wait_for "grep -q 'starting: app.js changed' dr.log" || fail "no 'starting: app.js changed' line"
ok "crash: waits for changes, then starts"
stop_devrun
[ "$DR_STATUS" -eq 3 ] || fail "devrun exited $DR_STATUS after SIGTERM, expected the app's last status 3"

rm -f app.log dr.log
"$DEVRUN" --exit-on-crash -- sh crash.sh > dr.log 2>&1 < /dev/null
rc=$?
[ $rc -eq 3 ] || fail "--exit-on-crash: exit $rc, expected 3"
grep -q 'exiting (--exit-on-crash)' dr.log || fail "--exit-on-crash: no status line"
ok "--exit-on-crash exits with the app's status"

rm -f app.log dr.log
cat > sig.sh <<'SH'
echo "start $$" >> "$T_LOG"
kill -SEGV $$
SH
"$DEVRUN" --exit-on-crash -- sh sig.sh > dr.log 2>&1 < /dev/null
rc=$?
[ $rc -eq 139 ] || fail "killed by SIGSEGV: exit $rc, expected 139"
grep -q 'killed by SIGSEGV' dr.log || fail "no 'killed by SIGSEGV' in status"
ok "a signal death is reported by name"

rm -f app.log dr.log
start_devrun --restart-on-crash --crash-limit 4 --crash-window 60s -- sh crash.sh
wait_for "grep -q 'not restarting until a file changes' dr.log" || fail "no unstable-process message"
[ "$(starts)" -eq 4 ] || fail "expected 4 starts before giving up, saw $(starts)"
grep -q 'restarting in 100 ms' dr.log || fail "no first backoff"
grep -q 'restarting in 200 ms' dr.log || fail "no doubled backoff"
grep -q 'restarting in 400 ms' dr.log || fail "no third backoff"
grep -q 'crashed (exit 3) 4 times within 60 s' dr.log || fail "limit message"
echo "let v = 2" > app.js
expect_starts 5 "a change restarts after the limit"
ok "--restart-on-crash: backoff 100/200/400 ms, stops at --crash-limit, a change starts again"
stop_devrun

rm -f app.log dr.log
cat > ok.sh <<'SH'
echo "start $$" >> "$T_LOG"
SH
start_devrun -- sh ok.sh
wait_for "grep -q 'app exited cleanly (exit 0) — waiting for changes' dr.log" || fail "clean exit line"
ok "clean exit reported"
stop_devrun
