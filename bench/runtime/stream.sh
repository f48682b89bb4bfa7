#!/usr/bin/env bash
# bench/runtime/stream.sh — stream piping throughput of devrun-js against Node.
#
#   bench/runtime/stream.sh [RUNS] [MB]     (default 9 runs of each, 256 MB)
#   DEVRUN_JS=build-foo/bin/devrun-js bench/runtime/stream.sh
#
# Each run pipes MB megabytes, as 64 KiB Buffers, through
#   Readable -> Transform -> Writable          (bytes, pipe())
# and 200k small objects through an objectMode chain with pipeline(), and
# reports the time the program measures itself (performance.now around the
# piping, so start-up is not counted).  Runs of devrun-js and node are
# interleaved so that machine noise hits both alike; the medians and the
# ratio devrun-js / node (lower is better for devrun-js) are printed.
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
  console.log((performance.now() - start).toFixed(3));
});
JS

cat > "$tmp/objects.js" <<'JS'
const { Readable, Transform, Writable, pipeline } = require('stream');
const n = 200000;
let i = 0;
let sum = 0;
const src = new Readable({ objectMode: true, read() { this.push(i < n ? { i: i++ } : null); } });
const t = new Transform({ objectMode: true, transform(o, e, cb) { cb(null, o.i * 2); } });
const dst = new Writable({ objectMode: true, write(v, e, cb) { sum += v; cb(); } });
const start = performance.now();
pipeline(src, t, dst, (err) => {
  if (err || sum !== n * (n - 1)) { console.error('bad result', err, sum); process.exit(1); }
  console.log((performance.now() - start).toFixed(3));
});
JS

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for case in bytes objects; do
  : > "$tmp/dr.$case"; : > "$tmp/node.$case"
  for _ in $(seq "$RUNS"); do
    "$DR" "$tmp/$case.js" "$MB" >> "$tmp/dr.$case"
    [ -n "$NODE" ] && "$NODE" "$tmp/$case.js" "$MB" >> "$tmp/node.$case"
  done
  d=$(median < "$tmp/dr.$case")
  if [ "$case" = bytes ]; then
    label="$MB MB bytes Readable->Transform->Writable"
    mbps() { awk -v ms="$1" -v mb="$MB" 'BEGIN { printf "%.0f MB/s", mb / (ms / 1000) }'; }
  else
    label="200k objects pipeline()"
    mbps() { awk -v ms="$1" 'BEGIN { printf "%.0f kobj/s", 200 / (ms / 1000) }'; }
  fi
  if [ -n "$NODE" ]; then
    n=$(median < "$tmp/node.$case")
    printf "%-42s devrun-js %8.1f ms (%s)   node %8.1f ms (%s)   ratio %.2f   (median of %d)\n" \
      "$label" "$d" "$(mbps "$d")" "$n" "$(mbps "$n")" "$(awk -v d="$d" -v n="$n" 'BEGIN{print d/n}')" "$RUNS"
  else
    printf "%-42s devrun-js %8.1f ms (%s)   (median of %d; node not installed)\n" "$label" "$d" "$(mbps "$d")" "$RUNS"
  fi
done
