#!/usr/bin/env bash
# The command itself: --help/--version, usage errors (exit 2, clear
# messages), git-style `devrun <sub>` dispatch, and how `devrun app.js`
# finds and calls the runtime (next to devrun, DEVRUN_JS override, PATH).
. "$(dirname "$0")/lib.sh"

"$DEVRUN" --help > out.txt || fail "--help exit"
grep -q '^usage: devrun' out.txt || fail "--help text"
grep -q 'Examples:' out.txt || fail "--help examples"
"$DEVRUN" --version | grep -Eq '^devrun [0-9]+\.[0-9]+' || fail "--version"
ok "--help and --version"

expect_usage() { # expected-message args...
  local msg=$1; shift
  "$DEVRUN" "$@" > out.txt 2>&1 < /dev/null
  local rc=$?
  [ $rc -eq 2 ] || fail "devrun $*: exit $rc, expected 2 ($(cat out.txt))"
  grep -q -- "$msg" out.txt || fail "devrun $*: message '$msg' not in: $(cat out.txt)"
}
expect_usage "nothing to run"
expect_usage "unrecognized option" --bogus app.js
expect_usage "invalid value 'soon' for --delay" --delay soon -- true
expect_usage "invalid value 'SIGNOPE' for --signal" --signal SIGNOPE -- true
expect_usage "invalid value '0' for --instances" --instances 0 -- true
expect_usage "devrun: cannot open 'missing.js': No such file or directory" -w . missing.js
expect_usage "'frobnicate' is neither a file nor a devrun command" frobnicate
expect_usage "cannot be used together" --exit-on-crash --restart-on-crash -- true
expect_usage "devrun: cannot watch 'nope': No such file or directory" -w nope -- true
echo '{"delay": true}' > devrun.json
expect_usage "devrun.json: \"delay\" must be a duration" -- true
echo '{"devrun": {' > package.json; rm devrun.json
expect_usage "package.json: invalid JSON" -- true
expect_usage "nothing to run" --no-config
rm package.json
ok "usage errors exit 2 with a clear message"

# git-style dispatch: devrun-<sub> next to the binary
mkdir bin
cp "$DEVRUN" bin/devrun
printf '#!/bin/sh\necho "hello-sub $*"\n' > bin/devrun-hello
chmod +x bin/devrun-hello
out=$(bin/devrun hello a "b c") || fail "dispatch exit"
[ "$out" = "hello-sub a b c" ] || fail "dispatch output: $out"
# an existing file always means the app, even if named like a command
printf '#!/bin/sh\necho "runtime $*" >> "$T_LOG"\necho "start $$" >> "$T_LOG"\nexec sleep 100000\n' > bin/devrun-js
chmod +x bin/devrun-js
echo 'console.log(1)' > hello
"$T/bin/devrun" hello --port 1 < /dev/null > dr.log 2>&1 &
DR_PID=$!
expect_starts 1 "app named like a subcommand"
grep -q "^runtime hello --port 1" app.log || fail "devrun hello ran: $(cat app.log)"
stop_devrun
ok "devrun <sub> runs devrun-<sub>; an existing file is the app"

# devrun app.js: devrun-js next to devrun, with --inspect flags passed through
# (DEVRUN_NO_BRIDGE: the bridge itself is tested by cli/watch/inspect-bridge.sh)
rm -f app.log
echo 'console.log(1)' > app.js
DEVRUN_NO_BRIDGE=1 "$T/bin/devrun" --inspect=9333 --inspect-brk app.js x y < /dev/null > dr.log 2>&1 &
DR_PID=$!
expect_starts 1 "runtime next to devrun"
grep -q "^runtime --inspect=9333 --inspect-brk app.js x y" app.log || fail "runtime argv: $(cat app.log)"
grep -q "starting: $T/bin/devrun-js --inspect=9333 --inspect-brk app.js x y" dr.log || fail "starting line: $(cat dr.log)"
stop_devrun
ok "devrun app.js runs devrun-js from devrun's directory with runtime flags"

# DEVRUN_JS overrides the runtime (used by tests; documented)
rm -f app.log
printf '#!/bin/sh\necho "override $*" >> "$T_LOG"\necho "start $$" >> "$T_LOG"\nexec sleep 100000\n' > rt.sh
chmod +x rt.sh
DEVRUN_JS="$T/rt.sh" start_devrun app.js --flag
expect_starts 1 "DEVRUN_JS runtime"
grep -q "^override app.js --flag" app.log || fail "DEVRUN_JS argv: $(cat app.log)"
stop_devrun
ok "DEVRUN_JS overrides the runtime"

# --exec with appended arguments, and -- argv mode
rm -f app.log
start_devrun --exec 'echo "exec-args $# $1 $2" >> "$T_LOG"; echo "start $$" >> "$T_LOG"; exec sleep 100000' "a b" c
expect_starts 1 "--exec"
grep -q '^exec-args 2 a b c' app.log || fail "--exec args: $(cat app.log)"
stop_devrun
ok "--exec runs through /bin/sh with the extra arguments"

# colours: never when not a TTY, even with NO_COLOR unset; forced with --color
rm -f app.log
env -u NO_COLOR "$DEVRUN" --exit-on-crash -- false > dr.log 2>&1 < /dev/null
grep -q $'\033\[' dr.log && fail "colour codes written to a non-TTY"
"$DEVRUN" --color --exit-on-crash -- false > dr.log 2>&1 < /dev/null
grep -q $'\033\[31m' dr.log || fail "--color did not colour"
ok "colours only on a TTY (or --color)"
