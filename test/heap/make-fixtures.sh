#!/bin/bash
# make-fixtures.sh — regenerates the committed exactness fixtures in
# test/heap/fixtures/: small real-shaped snapshots (a real Node heap cut down
# by reduce-snapshot.js) and, for each, the figures Chrome DevTools' own code
# and memlab compute on it.  test/cli/heap/05-exact.sh compares devrun-heap
# against these without needing npm.  Needs node and bench/heap/setup.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bash "$root/bench/heap/setup.sh" >/dev/null
nm=$root/bench/heap/node_modules
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
node "$here/fixture-app.js" "$tmp" >/dev/null
node "$here/reduce-snapshot.js" "$tmp/app.heapsnapshot" "$tmp/app-4k.heapsnapshot" 4000 Session LeakedRequest EventEmitter
DROP_FIELD=trace_node_id node "$here/reduce-snapshot.js" "$tmp/s3.heapsnapshot" "$tmp/stride6-1500.heapsnapshot" 1500 LeakedRequest
for f in app-4k stride6-1500; do
  node "$nm/.devtools/devtools-figures.mjs" "$tmp/$f.heapsnapshot" "$tmp/$f.dt.json" 2>/dev/null
  NODE_PATH=$nm node "$here/memlab-figures.js" "$tmp/$f.heapsnapshot" "$tmp/$f.ml.json" >/dev/null
  # keep the classes only, sorted, one per line (small, diffable)
  for k in dt ml; do
    node -e '
      const j = JSON.parse(require("fs").readFileSync(process.argv[1]));
      const c = j.classes.map(c => [c.name, c.count, c.self_size, c.retained_size])
        .sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
      process.stdout.write(c.map(x => JSON.stringify(x)).join("\n") + "\n");' "$tmp/$f.$k.json" \
      > "$here/fixtures/$f.$([ $k = dt ] && echo devtools || echo memlab).expected"
  done
  gzip -9n -c "$tmp/$f.heapsnapshot" > "$here/fixtures/$f.heapsnapshot.gz"
done
node --version > "$here/fixtures/RECORDED-WITH"
echo "chrome-devtools-frontend ${DEVTOOLS_VERSION:-1.0.1705227}, $(cd "$nm" && node -p 'require("@memlab/core/package.json").name+" "+require("@memlab/core/package.json").version')" >> "$here/fixtures/RECORDED-WITH"
ls -la "$here/fixtures"
