#!/usr/bin/env bash
# Interaction: rs and stats on stdin (forced with --stdin-commands since the
# test has no TTY), other input forwarded to the app, SIGHUP restarts,
# Ctrl-C (SIGINT) stops the app and exits with its status, --signal,
# --delay, --clear, --env-file (watched), devrun.json and package.json.
. "$(dirname "$0")/lib.sh"

echo "let v = 0" > app.js
cat > reader.sh <<'SH'
echo "start $$" >> "$T_LOG"
trap 'echo "got USR2" >> "$T_LOG"; exit 0' USR2
while read -r line; do echo "input: $line" >> "$T_LOG"; done
echo "eof" >> "$T_LOG"
# keep the shell (and its USR2 trap) alive: exec'ing a sleeper would drop the
# trap, and whether the stop signal came before or after EOF would decide
while :; do sleep 0.1; done
SH
mkfifo in
STDIN_FROM=in start_devrun --stdin-commands --signal USR2 -- sh reader.sh
exec 3> in
expect_starts 1 "first start"
echo "hello app" >&3
wait_for "grep -q '^input: hello app' app.log" || fail "input not forwarded to the app"
echo "rs" >&3
expect_starts 2 "rs"
grep -q 'restarting: restart requested (rs)' dr.log || fail "rs status line"
grep -q 'got USR2' app.log || fail "--signal USR2 not delivered"
echo "stats" >&3
wait_for "grep -Eq 'pid [0-9]+ · uptime [0-9]+m[0-9]{2}s · rss [0-9.]+ MiB \([0-9]+ process(es)?\) · cpu [0-9.]+% · restarts 1' dr.log" ||
  fail "stats line"
ok "rs restarts, stats reports, other lines reach the app, --signal is used"
kill -HUP "$DR_PID"
expect_starts 3 "SIGHUP"
grep -q 'restarting: SIGHUP received' dr.log || fail "SIGHUP status line"
ok "SIGHUP restarts"
exec 3>&-
wait_for "grep -q '^eof' app.log" || fail "end of input not passed on"
ok "end of input reaches the app"
kill -INT "$DR_PID"
wait_gone "$DR_PID" || fail "devrun did not exit on SIGINT"
wait "$DR_PID"; rc=$?; DR_PID=
# reader.sh sleeps after EOF; SIGINT kills the sleep: status 130
[ $rc -eq 130 ] || fail "exit status after Ctrl-C: $rc, expected 130"
ok "Ctrl-C stops the app and exits with its status"

# a graceful app: SIGINT handled, exits 0 -> devrun exits 0
rm -f app.log dr.log
cat > graceful.sh <<'SH'
trap 'echo "bye" >> "$T_LOG"; exit 0' INT
echo "start $$" >> "$T_LOG"
while :; do sleep 0.05; done
SH
start_devrun -- sh graceful.sh
expect_starts 1 "graceful start"
kill -INT "$DR_PID"
wait_gone "$DR_PID" || fail "devrun did not exit"
wait "$DR_PID"; rc=$?; DR_PID=
[ $rc -eq 0 ] || fail "graceful exit status $rc"
grep -q '^bye' app.log || fail "app did not see SIGINT"
ok "a graceful app's exit status 0 is devrun's"

# --delay and --clear
rm -f app.log dr.log
start_devrun --delay 300ms --clear -v -- sh child.sh
expect_starts 1 "delayed start"
grep -q $'\033\[2J' dr.log || fail "--clear did not clear"
echo "let v = 9" > app.js
expect_starts 2 "delayed restart"
stop_devrun
ok "--delay and --clear"

# --env-file: loaded, does not override the environment, watched
rm -f app.log dr.log
printf 'FOO=from-file\nBAR="two words"\n' > .env.test
cat > env.sh <<'SH'
echo "start $$ FOO=$FOO BAR=$BAR KEEP=$KEEP" >> "$T_LOG"
exec sleep 100000
SH
KEEP=env start_devrun --env-file .env.test -e js -- sh env.sh
expect_starts 1 "env start"
grep -q 'FOO=from-file BAR=two words KEEP=env' app.log || fail "env vars: $(cat app.log)"
printf 'FOO=changed\nBAR=x\nKEEP=file\n' > .env.test
expect_starts 2 "env file change restarts"
wait_for "grep -q 'FOO=changed BAR=x KEEP=env' app.log" || fail "env reload: $(cat app.log)"
stop_devrun
ok "--env-file loaded, watched, environment wins"

# devrun.json and package.json
rm -f app.log dr.log
mkdir src
echo '{"name":"x","devrun":{"watch":["src"],"exec":"echo \"start $$ cfg\" >> \"$T_LOG\"; exec sleep 100000"}}' > package.json
echo '{"ext":"txt"}' > devrun.json
start_devrun -v
expect_starts 1 "config start"
grep -q '^start [0-9]* cfg' app.log || fail "package.json exec not used"
echo "x" > app.js   # outside src/: not watched
echo "x" > src/a.js # not a .txt
echo "x" > src/a.txt
expect_starts 2 "config restart"
grep -q 'restarting: src/a.txt changed\|restarting: src/a.txt added' dr.log || fail "restart reason: $(grep restarting dr.log)"
[ "$(restarts)" -eq 1 ] || fail "only src/*.txt should count"
stop_devrun
ok "package.json \"devrun\" and devrun.json options apply"
