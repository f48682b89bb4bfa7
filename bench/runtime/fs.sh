#!/usr/bin/env bash
# bench/runtime/fs.sh — reading a large file with devrun-js against Node 20,
# in one run.
#
#   bench/runtime/fs.sh [RUNS] [MB]      (default 5 runs of each, 128 MB file)
#   DEVRUN_JS=build-foo/bin/devrun-js bench/runtime/fs.sh
#
# A file of MB megabytes of pseudo-random bytes is generated once in a
# temporary directory (and read once to have it in the page cache: this
# measures the runtime, not the disk).  Each process then reads it whole, five
# passes per operation after one warm-up pass, timing each pass itself with
# process.hrtime (wall time; start-up not counted) and reporting the median:
#   readFile          fs.readFile(path, cb)
#   promises.readFile await fs.promises.readFile(path)
#   readFileSync      fs.readFileSync(path)
#   stream 64k        fs.createReadStream(path) (default highWaterMark), 'data'
#   stream 1m         fs.createReadStream(path, { highWaterMark: 1 MiB })
#   stream utf8       createReadStream(path, { encoding: 'utf8' }) (decoding)
# Every pass checks the byte count it got.  Runs of devrun-js and node are
# interleaved so machine noise hits both alike; the medians over the
# processes (MB/s, higher is better) and the ratio devrun-js / node (above 1:
# devrun-js is faster) are printed.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
MB=${2:-128}
DR=${DEVRUN_JS:-build/bin/devrun-js}
[ -x "$DR" ] || { echo "fs.sh: build first (make build) or set DEVRUN_JS" >&2; exit 1; }
NODE=$(command -v node || true)
[ -n "$NODE" ] || { echo "fs.sh: node (the reference) is not installed" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The data: random bytes (the utf8 pass decodes them with replacement
# characters, as Node does).
head -c $((MB * 1024 * 1024)) /dev/urandom > "$tmp/big.bin"
cat "$tmp/big.bin" > /dev/null

cat > "$tmp/bench.js" <<'JS'
const fs = require('fs');
const path = process.argv[2];
const size = fs.statSync(path).size;
const now = () => Number(process.hrtime.bigint()) / 1e6;
function check(n) { if (n !== size) throw new Error(`read ${n} bytes, want ${size}`); }
const ops = [
  () => new Promise((res, rej) => fs.readFile(path, (e, b) => (e ? rej(e) : res(check(b.length))))),
  async () => check((await fs.promises.readFile(path)).length),
  async () => check(fs.readFileSync(path).length),
  () => new Promise((res, rej) => {
    let n = 0;
    fs.createReadStream(path).on('data', (c) => { n += c.length; }).on('error', rej).on('end', () => res(check(n)));
  }),
  () => new Promise((res, rej) => {
    let n = 0;
    fs.createReadStream(path, { highWaterMark: 1 << 20 }).on('data', (c) => { n += c.length; })
      .on('error', rej).on('end', () => res(check(n)));
  }),
  () => new Promise((res, rej) => {
    let n = 0;
    fs.createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }).on('data', (c) => { n += c.length; })
      .on('error', rej).on('end', () => (n > 0 ? res() : rej(new Error('nothing decoded'))));
  }),
];
(async () => {
  const out = [];
  for (const op of ops) {
    await op();
    const t = [];
    for (let i = 0; i < 5; i++) {
      const s = now();
      await op();
      t.push(Math.max(now() - s, 0.001));
    }
    t.sort((a, b) => a - b);
    out.push((size / 1048576) / (t[2] / 1000));
  }
  console.log(out.map((v) => v.toFixed(1)).join(' '));
})();
JS

names=("readFile" "promises.readFile" "readFileSync" "stream-64k" "stream-1m" "stream-utf8")
: > "$tmp/dr.txt"
: > "$tmp/node.txt"
for ((r = 0; r < RUNS; r++)); do
  "$DR" "$tmp/bench.js" "$tmp/big.bin" >> "$tmp/dr.txt"
  "$NODE" "$tmp/bench.js" "$tmp/big.bin" >> "$tmp/node.txt"
done

echo "fs read throughput, MB/s wall time (median of $RUNS processes x 5 passes, $MB MB file, page cache warm); devrun-js: $DR, node: $($NODE --version)"
printf '%-18s %12s %12s %8s\n' operation devrun-js node ratio
for i in "${!names[@]}"; do
  col=$((i + 1))
  d=$(cut -d' ' -f$col "$tmp/dr.txt" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  n=$(cut -d' ' -f$col "$tmp/node.txt" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-18s %12s %12s %8s\n' "${names[$i]}" "$d" "$n" "$(awk -v d="$d" -v n="$n" 'BEGIN {printf "%.2f", d / n}')"
done
