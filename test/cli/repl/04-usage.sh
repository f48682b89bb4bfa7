#!/bin/bash
# Options, --help/--version, exit codes and error messages.
. "$(dirname "$0")/lib.sh"
"$REPL" --help > "$T/help" || fail "--help exit $?"
grep -q -- '--attach' "$T/help" && grep -q 'examples:' "$T/help" || fail "--help lacks options/examples"
"$REPL" --version | grep -Eq '^devrun-repl [0-9]+\.[0-9]+\.[0-9]+$' || fail "--version"
"$REPL" --bogus 2> "$T/err" < /dev/null; [ $? = 2 ] || fail "unknown option must exit 2"
"$REPL" extra 2> "$T/err" < /dev/null; [ $? = 2 ] || fail "stray argument must exit 2"
grep -q "devrun-repl: unexpected argument 'extra'" "$T/err" || fail "message: $(cat "$T/err")"
"$REPL" --color=sometimes 2> "$T/err" < /dev/null; [ $? = 2 ] || fail "--color value must be checked"
"$REPL" --attach 'not a target' 2> "$T/err" < /dev/null; [ $? = 2 ] || fail "bad target must exit 2"
grep -q "devrun-repl: bad inspector target 'not a target'" "$T/err" || fail "message: $(cat "$T/err")"
"$REPL" --attach ws://127.0.0.1:1/x 2> "$T/err" < /dev/null; [ $? = 1 ] || fail "refused must exit 1"
grep -q "devrun-repl: cannot connect to ws://127.0.0.1:1/x" "$T/err" || fail "message: $(cat "$T/err")"
"$REPL" --attach 1 2> "$T/err" < /dev/null; [ $? = 1 ] || fail "refused must exit 1"
grep -q "devrun-repl: cannot connect to 127.0.0.1:1" "$T/err" || fail "message: $(cat "$T/err")"
"$REPL" --runtime "$T/no-such-runtime" 2> "$T/err" < /dev/null; [ $? = 1 ] || fail "missing runtime must exit 1"
grep -q "devrun-repl: cannot run '$T/no-such-runtime': No such file or directory" "$T/err" || fail "message: $(cat "$T/err")"
# A runtime that never starts an inspector.
printf '#!/bin/sh\necho "no inspector here" >&2\nexit 3\n' > "$T/fake"; chmod +x "$T/fake"
"$REPL" --runtime "$T/fake" 2> "$T/err" < /dev/null; [ $? = 1 ] || fail "dead runtime must exit 1"
grep -q "exited before its inspector started: no inspector here" "$T/err" || fail "message: $(cat "$T/err")"
echo ok
