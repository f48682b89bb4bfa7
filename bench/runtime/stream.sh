#!/usr/bin/env bash
# bench/runtime/stream.sh — stream piping throughput of devrun-js against Node.
#
#   bench/runtime/stream.sh [RUNS] [MB]     (default 9 runs of each, 256 MB)
#   DEVRUN_JS=build-foo/bin/devrun-js bench/runtime/stream.sh
#
# Each process pipes MB megabytes, as 64 KiB Buffers, through
#   Readable -> Transform -> Writable          (bytes, pipe())
# and 200k small objects through an objectMode chain with pipeline(), six
# times over, timing each pass itself with performance.now() (start-up is
# not counted); it reports the first pass (cold: includes JIT warm-up) and
# the median of the other five (warm).  Runs of devrun-js and node are
# interleaved so that machine noise hits both alike; the medians over the
# processes and the ratio devrun-js / node (below 1: devrun-js is faster)
# are printed.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-9}
MB=${2:-256}
DR=${DEVRUN_JS:-build/bin/devrun-js}
[ -x "$DR" ] || { echo "stream.sh: build first (make build) or set DEVRUN_JS" >&2; exit 1; }
NODE=$(command -v node || true)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat > "$tmp/bytes.js" <<'JS'
const { Readable, Transform, Writable } = require('stream');
const total = Number(process.argv[2]) * 1024 * 1024;
const chunk = Buffer.alloc(64 * 1024, 120);
function once() {
  return new Promise((resolve) => {
    let produced = 0;
    let consumed = 0;
    const src = new Readable({
      read() {
        if (produced >= total) { this.push(null); return; }
        produced += chunk.length;
        this.push(chunk);
      },
    });
    const t = new Transform({ transform(c, e, cb) { cb(null, c); } });
    const dst = new Writable({ write(c, e, cb) { consumed += c.length; cb(); } });
    const start = performance.now();
    src.pipe(t).pipe(dst);
    dst.on('finish', () => {
      if (consumed !== total) { console.error('lost data', consumed, total); process.exit(1); }
      resolve(performance.now() - start);
    });
  });
}
(async () => {
  const times = [];
  for (let i = 0; i < 6; i++) times.push(await once());
  const warm = times.slice(1).sort((a, b) => a - b)[2];
  console.log(times[0].toFixed(3), warm.toFixed(3));
})();
JS

cat > "$tmp/objects.js" <<'JS'
const { Readable, Transform, Writable, pipeline } = require('stream');
const n = 200000;
function once() {
  return new Promise((resolve) => {
    let i = 0;
    let sum = 0;
    const src = new Readable({ objectMode: true, read() { this.push(i < n ? { i: i++ } : null); } });
    const t = new Transform({ objectMode: true, transform(o, e, cb) { cb(null, o.i * 2); } });
    const dst = new Writable({ objectMode: true, write(v, e, cb) { sum += v; cb(); } });
    const start = performance.now();
    pipeline(src, t, dst, (err) => {
      if (err || sum !== n * (n - 1)) { console.error('bad result', err, sum); process.exit(1); }
      resolve(performance.now() - start);
    });
  });
}
(async () => {
  const times = [];
  for (let i = 0; i < 6; i++) times.push(await once());
  const warm = times.slice(1).sort((a, b) => a - b)[2];
  console.log(times[0].toFixed(3), warm.toFixed(3));
})();
JS

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

report() { # label unit-function dr-file node-file column
  local d n
  d=$(cut -d' ' -f"$5" < "$3" | median)
  if [ -n "$NODE" ]; then
    n=$(cut -d' ' -f"$5" < "$4" | median)
    printf "%-58s devrun-js %8.1f ms (%s)   node %8.1f ms (%s)   ratio %.2f\n" \
      "$1" "$d" "$($2 "$d")" "$n" "$($2 "$n")" "$(awk -v d="$d" -v n="$n" 'BEGIN{print d/n}')"
  else
    printf "%-58s devrun-js %8.1f ms (%s)   (node not installed)\n" "$1" "$d" "$($2 "$d")"
  fi
}
mbps() { awk -v ms="$1" -v mb="$MB" 'BEGIN { printf "%.0f MB/s", mb / (ms / 1000) }'; }
kobjs() { awk -v ms="$1" 'BEGIN { printf "%.0f kobj/s", 200 / (ms / 1000) }'; }

for case in bytes objects; do
  : > "$tmp/dr.$case"; : > "$tmp/node.$case"
  for _ in $(seq "$RUNS"); do
    "$DR" "$tmp/$case.js" "$MB" >> "$tmp/dr.$case"
    [ -n "$NODE" ] && "$NODE" "$tmp/$case.js" "$MB" >> "$tmp/node.$case"
  done
  if [ "$case" = bytes ]; then label="$MB MB bytes pipe() Readable->Transform->Writable"; unit=mbps
  else label="200k objects pipeline() (objectMode)"; unit=kobjs; fi
  report "$label, first run" $unit "$tmp/dr.$case" "$tmp/node.$case" 1
  report "$label, warm" $unit "$tmp/dr.$case" "$tmp/node.$case" 2
done
echo "(medians over $RUNS processes each; 'first run' is the first pass in a fresh process, 'warm' the median of passes 2-6)"

# The stream modules alone: Node's own stream module against devrun-js's
# (runtime/lib, loaded the way test/js/stream/_node-shim.js loads them),
# both running under node in one process, warm, alternating.  A ratio near
# 1 here and far from 1 above means the difference is in the runtime, not in
# the stream code.
if [ -n "$NODE" ]; then
  cat > "$tmp/ab.js" <<'JS'
const path = require('path');
const fs = require('fs');
const vm = require('vm');
const LIB = path.resolve(process.argv[2], 'runtime', 'lib');
const MB = Number(process.argv[3]);
const saved = process.emitWarning;
process.emitWarning = () => {};
const { internalBinding } = require('internal/test/binding');
process.emitWarning = saved;
const cache = new Map();
function load(id) {
  if (cache.has(id)) return cache.get(id).exports;
  if (!id.startsWith('internal/') && id !== 'stream') return require(id);
  const file = path.join(LIB, `${id}.js`);
  const fn = vm.compileFunction(fs.readFileSync(file, 'utf8'),
    ['exports', 'require', 'module', 'process', 'internalBinding'], { filename: file });
  const m = { exports: {} };
  cache.set(id, m);
  fn(m.exports, load, m, process, internalBinding);
  return m.exports;
}
const ours = load('stream');
const theirs = require('stream');
const total = MB * 1024 * 1024;
const chunk = Buffer.alloc(64 * 1024, 120);
function bytes(S) {
  return new Promise((resolve) => {
    let produced = 0;
    let consumed = 0;
    const src = new S.Readable({ read() { if (produced >= total) { this.push(null); return; } produced += chunk.length; this.push(chunk); } });
    const t = new S.Transform({ transform(c, e, cb) { cb(null, c); } });
    const dst = new S.Writable({ write(c, e, cb) { consumed += c.length; cb(); } });
    const start = performance.now();
    src.pipe(t).pipe(dst);
    dst.on('finish', () => { if (consumed !== total) process.exit(1); resolve(performance.now() - start); });
  });
}
function objects(S) {
  return new Promise((resolve) => {
    const n = 200000;
    let i = 0;
    let sum = 0;
    const src = new S.Readable({ objectMode: true, read() { this.push(i < n ? { i: i++ } : null); } });
    const t = new S.Transform({ objectMode: true, transform(o, e, cb) { cb(null, o.i * 2); } });
    const dst = new S.Writable({ objectMode: true, write(v, e, cb) { sum += v; cb(); } });
    const start = performance.now();
    S.pipeline(src, t, dst, (err) => { if (err || sum !== n * (n - 1)) process.exit(1); resolve(performance.now() - start); });
  });
}
(async () => {
  const med = (a) => a.sort((x, y) => x - y)[a.length >> 1];
  for (const [label, fn] of [[`${MB} MB bytes pipe()`, bytes], ['200k objects pipeline()', objects]]) {
    const a = [];
    const b = [];
    for (let k = 0; k < 11; k++) {
      b.push(await fn(ours));
      a.push(await fn(theirs));
    }
    console.log(`modules only, under node, warm: ${label.padEnd(24)} devrun's stream ${med(b).toFixed(1).padStart(7)} ms   node's stream ${med(a).toFixed(1).padStart(7)} ms   ratio ${(med(b) / med(a)).toFixed(2)}`);
  }
})();
JS
  "$NODE" --expose-internals --no-warnings "$tmp/ab.js" "$PWD" "$MB"
fi

