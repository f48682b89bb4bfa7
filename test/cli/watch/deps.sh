#!/bin/bash
# devrun --deps app.js: only files the app loaded restart it (the runtime
# reports its module graph through DEVRUN_DEPS_FILE).  Needs devrun-js next
# to devrun.
source "$(dirname "$0")/lib.sh"

echo 'module.exports = 1;' > lib.js
echo '// not required by the app' > other.js
cat > app.js <<'JS'
require('./lib.js');
require('fs').appendFileSync('app.log', `start ${process.pid}\n`);
setInterval(() => {}, 1000);
JS
"$DEVRUN" --no-stdin-commands --verbose --deps app.js > dr.log 2>&1 < /dev/null &
DR_PID=$!
wait_for 'grep -q "^start" app.log 2>/dev/null' || fail "the app did not start"
echo '// edited, still not required' >> other.js
wait_for 'grep -q "other.js: not loaded by the app" dr.log' || fail "other.js was not ignored"
[ "$(count '^start' app.log)" = 1 ] || fail "a file outside the module graph restarted the app"
echo 'module.exports = 2;' > lib.js
wait_for 'test "$(count "^start" app.log)" -ge 2' || fail "a required file did not restart the app"
grep -q "restarting: lib.js changed" dr.log || fail "no reason line for lib.js"
echo ok
