#!/bin/bash
# Security: loopback by default, Host guard, wrong id, unknown paths;
# a non-loopback bind must be asked for and warns; a busy port fails clearly.
. "$(dirname "$0")/lib.sh"
cp "$HERE/fixtures/app.js" "$T/app.js"
echo 'setTimeout(stop, 60000).unref();' >> "$T/app.js"
start_js --inspect=0 "$T/app.js"
case "$WSURL" in ws://127.0.0.1:*) ;; *) fail "default bind is not 127.0.0.1: $WSURL" ;; esac
ID=${WSURL##*/}
node "$HERE/security.js" "$PORT" "$ID" || fail "security checks"
if grep -q 'Warning: Binding inspector' "$JSERR"; then fail "warning on loopback"; fi

# the same port again: a clear error and Node's exit code 12
set +e
"$BIN/devrun-js" --inspect="$PORT" -e '1' 2>"$T/busy.err"
rc=$?
set -e
[ $rc -eq 12 ] || fail "busy port: exit $rc, expected 12"
grep -q "Starting inspector on 127.0.0.1:$PORT failed: address already in use" "$T/busy.err" ||
  { cat "$T/busy.err"; fail "busy port message"; }
kill "$PID"

# a non-loopback address only when asked, with Node's warning
start_js --inspect=0.0.0.0:0 "$T/app.js"
grep -q 'Warning: Binding inspector to a public IP with an open port is insecure' "$JSERR" ||
  fail "no warning for 0.0.0.0"
kill "$PID"

# bad addresses are usage errors
set +e
"$BIN/devrun-js" --inspect=80 -e 1 2>"$T/bad.err"; rc=$?
set -e
[ $rc -eq 9 ] || fail "--inspect=80: exit $rc, expected 9"
grep -q "invalid address '80'" "$T/bad.err" || fail "--inspect=80 message"
echo PASS
