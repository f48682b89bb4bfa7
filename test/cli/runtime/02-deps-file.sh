#!/bin/sh
# DEVRUN_DEPS_FILE: the runtime lists every module file it loads (CommonJS,
# ES modules, JSON), once each, for `devrun --deps`.
set -eu
DR=${1:?usage: 02-deps-file.sh path/to/devrun-js}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"
mkdir -p lib
echo 'module.exports = require("./data.json").n;' > lib/a.js
echo '{ "n": 41 }' > lib/data.json
echo 'export const b = 1;' > lib/b.mjs
cat > main.js <<'JS'
const n = require('./lib/a.js') + require('./lib/a.js');
import('./lib/b.mjs').then((m) => console.log(n, m.b));
JS
out=$(DEVRUN_DEPS_FILE="$T/deps" "$DR" main.js)
[ "$out" = "82 1" ] || { echo "unexpected output: $out"; exit 1; }
sort deps > got
printf '%s\n' "$T/lib/a.js" "$T/lib/b.mjs" "$T/lib/data.json" "$T/main.js" | sort > want
diff want got
# without the variable nothing is written
rm deps
"$DR" main.js > /dev/null
[ ! -e deps ]
echo ok
