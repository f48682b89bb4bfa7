#!/usr/bin/env bash
# bench/runtime/crypto.sh — crypto (and zlib) throughput of devrun-js against Node 20.
#
#   bench/runtime/crypto.sh [RUNS] [MB]     (default 5 runs of each, 1024 MB)
#   DEVRUN_JS=build-foo/bin/devrun-js bench/runtime/crypto.sh 3 256
#   CASES="gzip" bench/runtime/crypto.sh 7     only some of: sha256 aes-gcm small gzip
#   GZIP_VARIANTS=1 ...   also time devrun-js with parallel deflate off
#                         (DEVRUN_ZLIB_SERIAL=1); see binding_zlib.c
#
# Three programs, each in a fresh process, timing its own work with
# performance.now() (start-up is not counted):
#   sha256     createHash('sha256') over MB megabytes in 64 KiB Buffer chunks
#              (the issue's "sha256 of 1 GB in 64 KB chunks");
#   aes-gcm    createCipheriv('aes-256-gcm') over MB/4 megabytes in 64 KiB
#              chunks, then getAuthTag();
#   small      200k createHash('sha1').update(32 bytes).digest('hex') calls
#              (the per-call overhead that uuid/etag-style code pays);
#   gzip       a file of MB/10 megabytes of mixed text (made once, from a
#              fixed pattern) piped through zlib.createGzip() to a file
#              (the issue's "gzip of a 100 MB file" at the default MB).
# Runs of devrun-js and node are interleaved so machine noise hits both alike;
# the medians and the ratio devrun-js / node (below 1: devrun-js is faster)
# are printed, with the load average at the start and at the end (the gzip
# row depends on a second core being free: devrun-js deflates big streams in
# parallel blocks).
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
MB=${2:-1024}
DR=${DEVRUN_JS:-build/bin/devrun-js}
[ -x "$DR" ] || { echo "crypto.sh: build first (make build) or set DEVRUN_JS" >&2; exit 1; }
NODE=$(command -v node || true)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat > "$tmp/sha256.js" <<'JS'
const crypto = require('crypto');
const chunk = Buffer.alloc(64 * 1024, 7);
const n = Number(process.argv[2]) * 16;
const start = performance.now();
const h = crypto.createHash('sha256');
for (let i = 0; i < n; i++) h.update(chunk);
const d = h.digest('hex');
const ms = performance.now() - start;
if (d.length !== 64) process.exit(1);
console.log(ms.toFixed(3));
JS

cat > "$tmp/aes-gcm.js" <<'JS'
const crypto = require('crypto');
const chunk = Buffer.alloc(64 * 1024, 7);
const n = Math.max(1, Math.floor(Number(process.argv[2]) / 4)) * 16;
const key = Buffer.alloc(32, 1), iv = Buffer.alloc(12, 2);
const start = performance.now();
const c = crypto.createCipheriv('aes-256-gcm', key, iv);
let total = 0;
for (let i = 0; i < n; i++) total += c.update(chunk).length;
total += c.final().length;
const tag = c.getAuthTag();
const ms = performance.now() - start;
if (total !== n * chunk.length || tag.length !== 16) process.exit(1);
console.log(ms.toFixed(3));
JS

cat > "$tmp/small.js" <<'JS'
const crypto = require('crypto');
const data = Buffer.alloc(32, 3);
const start = performance.now();
let x = 0;
for (let i = 0; i < 200000; i++) x += crypto.createHash('sha1').update(data).digest('hex').length;
const ms = performance.now() - start;
if (x !== 200000 * 40) process.exit(1);
console.log(ms.toFixed(3));
JS

cat > "$tmp/gzip.js" <<'JS'
const fs = require('fs');
const zlib = require('zlib');
const { pipeline } = require('stream');
const [, , , src, dst] = process.argv;
const start = performance.now();
pipeline(fs.createReadStream(src), zlib.createGzip(), fs.createWriteStream(dst), (err) => {
  if (err) { console.error(err); process.exit(1); }
  const ms = performance.now() - start;
  if (fs.statSync(dst).size < 1000) process.exit(1);
  console.log(ms.toFixed(3));
});
JS
# The gzip input: MB/10 megabytes of words with varying numbers (compresses
# about 4:1, like source code or logs).
node_or_dr=${NODE:-$DR}
"$node_or_dr" -e '
const fs = require("fs");
const mb = Number(process.argv[1]);
const fd = fs.openSync(process.argv[2], "w");
const words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor".split(" ");
let line = 0, written = 0;
while (written < mb * 1024 * 1024) {
  let s = "";
  for (let i = 0; i < 1000; i++, line++) s += `${line} ${words[line % 12]} ${words[(line * 7) % 12]} ${(line * 2654435761) % 1000003}\n`;
  written += fs.writeSync(fd, s);
}
fs.closeSync(fd);' "$((MB / 10))" "$tmp/gzip-input.txt"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for case in ${CASES:-sha256 aes-gcm small gzip}; do
  : > "$tmp/dr.$case"; : > "$tmp/node.$case"; : > "$tmp/serial.$case"
  for _ in $(seq "$RUNS"); do
    "$DR" "$tmp/$case.js" "$MB" "$tmp/gzip-input.txt" "$tmp/out.gz" >> "$tmp/dr.$case"
    [ -n "$NODE" ] && "$NODE" "$tmp/$case.js" "$MB" "$tmp/gzip-input.txt" "$tmp/out.gz" >> "$tmp/node.$case"
    if [ "$case" = gzip ] && [ -n "${GZIP_VARIANTS:-}" ]; then
      DEVRUN_ZLIB_SERIAL=1 "$DR" "$tmp/$case.js" "$MB" "$tmp/gzip-input.txt" "$tmp/out.gz" >> "$tmp/serial.$case"
    fi
  done
  d=$(median < "$tmp/dr.$case")
  case $case in
    sha256) label="sha256, $MB MB in 64 KiB chunks"; unit() { awk -v ms="$1" -v mb="$MB" 'BEGIN { printf "%.0f MB/s", mb / (ms / 1000) }'; } ;;
    aes-gcm) label="aes-256-gcm, $((MB / 4)) MB in 64 KiB chunks"; unit() { awk -v ms="$1" -v mb="$((MB / 4))" 'BEGIN { printf "%.0f MB/s", mb / (ms / 1000) }'; } ;;
    small) label="200k sha1 digests of 32 bytes"; unit() { awk -v ms="$1" 'BEGIN { printf "%.0f k/s", 200 / (ms / 1000) }'; } ;;
    gzip) label="gzip stream of a $((MB / 10)) MB text file"; unit() { awk -v ms="$1" -v mb="$((MB / 10))" 'BEGIN { printf "%.0f MB/s", mb / (ms / 1000) }'; } ;;
  esac
  if [ -n "$NODE" ]; then
    n=$(median < "$tmp/node.$case")
    printf "%-42s devrun-js %9.1f ms (%s)   node %9.1f ms (%s)   ratio %.2f\n" \
      "$label" "$d" "$(unit "$d")" "$n" "$(unit "$n")" "$(awk -v d="$d" -v n="$n" 'BEGIN{print d/n}')"
  else
    printf "%-42s devrun-js %9.1f ms (%s)   (node not installed)\n" "$label" "$d" "$(unit "$d")"
  fi
  if [ -s "$tmp/serial.$case" ]; then
    s=$(median < "$tmp/serial.$case")
    printf "%-42s devrun-js %9.1f ms (%s)   DEVRUN_ZLIB_SERIAL=1 (one thread)\n" "  gzip, serial deflate" "$s" "$(unit "$s")"
  fi
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)   (medians over $RUNS processes each)"
