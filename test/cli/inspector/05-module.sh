#!/bin/bash
# The `inspector` core module (open/url/close/console/Session and
# inspector/promises), output compared with Node 20's recorded output.
. "$(dirname "$0")/lib.sh"
"$BIN/devrun-js" "$HERE/fixtures/module.js" >"$T/out" 2>&1 || fail "exit $?"
sed -E 's|ws://127.0.0.1:[0-9]+/[0-9a-f-]+|ws://URL|' "$T/out" >"$T/got"
diff -u "$HERE/fixtures/module.expected" "$T/got" || fail "output differs from Node's"
echo PASS
