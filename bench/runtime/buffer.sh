#!/usr/bin/env bash
# bench/runtime/buffer.sh — Buffer encode/decode throughput of devrun-js
# against Node 20, in one run.
#
#   bench/runtime/buffer.sh [RUNS] [MB]      (default 7 runs, 16 MB of data)
#   DEVRUN_JS=build-foo/bin/devrun-js bench/runtime/buffer.sh
#
# Each process measures the CPU time (process.cpuUsage(): user + system, all
# threads, so GC counts) of each operation, median of 5 passes, over MB
# megabytes — CPU time rather than wall time so that other load on a shared
# machine does not decide the result (start-up is not counted):
#   base64 encode  buf.toString('base64')        base64 decode  Buffer.from(s, 'base64')
#   hex encode     buf.toString('hex')           hex decode     Buffer.from(s, 'hex')
#   utf8 encode    Buffer.from(str)  (mixed text) utf8 decode    buf.toString()
#   small utf8     Buffer.from(short string) x 200k (the pooled path)
# Runs of devrun-js and node are interleaved so machine noise hits both; the
# medians over the processes (MB per CPU second, higher is better) and the ratio
# devrun-js / node (above 1: devrun-js is faster) are printed.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-7}
MB=${2:-16}
DR=${DEVRUN_JS:-build/bin/devrun-js}
[ -x "$DR" ] || { echo "buffer.sh: build first (make build) or set DEVRUN_JS" >&2; exit 1; }
NODE=$(command -v node || true)
[ -n "$NODE" ] || { echo "buffer.sh: node (the reference) is not installed" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat > "$tmp/bench.js" <<'JS'
const n = Number(process.argv[2]) * 1024 * 1024;
const data = Buffer.alloc(n);
let x = 1;
for (let i = 0; i < n; i++) { x = (x * 1103515245 + 12345) & 0x7fffffff; data[i] = x >> 16; }
const b64 = data.toString('base64');
const hex = data.toString('hex');
const text = 'ASCII text with some é, € and 😀 mixed in. '.repeat(Math.ceil(n / 48)).slice(0, n);
const utf8 = Buffer.from(text);
const small = 'hello wörld';
function cpuMs() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
function median(f) {
  const t = [];
  f();
  for (let i = 0; i < 5; i++) {
    const s = cpuMs();
    f();
    t.push(Math.max(cpuMs() - s, 0.001));
  }
  t.sort((a, b) => a - b);
  return t[2];
}
const mbps = (bytes, ms) => (bytes / 1048576) / (ms / 1000);
let sink = 0;
const out = [
  mbps(n, median(() => { sink += data.toString('base64').length; })),
  mbps(n, median(() => { sink += Buffer.from(b64, 'base64').length; })),
  mbps(n, median(() => { sink += data.toString('hex').length; })),
  mbps(n, median(() => { sink += Buffer.from(hex, 'hex').length; })),
  mbps(utf8.length, median(() => { sink += Buffer.from(text).length; })),
  mbps(utf8.length, median(() => { sink += utf8.toString().length; })),
  mbps(2e5 * 12, median(() => { for (let i = 0; i < 2e5; i++) sink += Buffer.from(small).length; })),
];
if (sink === 0) console.error('no work');
console.log(out.map((v) => v.toFixed(1)).join(' '));
JS

names=("base64-encode" "base64-decode" "hex-encode" "hex-decode" "utf8-encode" "utf8-decode" "small-utf8-from")
: > "$tmp/dr.txt"
: > "$tmp/node.txt"
for ((r = 0; r < RUNS; r++)); do
  "$DR" "$tmp/bench.js" "$MB" >> "$tmp/dr.txt"
  "$NODE" "$tmp/bench.js" "$MB" >> "$tmp/node.txt"
done

echo "Buffer throughput, MB per CPU second (median of $RUNS processes x 5 passes, $MB MB); devrun-js: $DR, node: $($NODE --version)"
printf '%-16s %12s %12s %8s\n' operation devrun-js node ratio
for i in "${!names[@]}"; do
  col=$((i + 1))
  d=$(cut -d' ' -f$col "$tmp/dr.txt" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  n=$(cut -d' ' -f$col "$tmp/node.txt" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-16s %12s %12s %8s\n' "${names[$i]}" "$d" "$n" "$(awk -v d="$d" -v n="$n" 'BEGIN {printf "%.2f", d / n}')"
done
