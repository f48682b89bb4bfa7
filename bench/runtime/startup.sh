#!/usr/bin/env bash
# bench/runtime/startup.sh — start-up time of devrun-js against Node.
#
#   bench/runtime/startup.sh [RUNS]     (default 51 runs of each)
#
# Measures the wall time of `devrun-js -e 0` and `node -e 0` (and of a small
# CommonJS program), interleaving the two so that machine noise hits both
# alike, and prints the medians and the ratio devrun-js / node.  Needs a
# built tree (make build); Node is optional (only devrun-js is timed without).
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-51}
DR=build/bin/devrun-js
[ -x "$DR" ] || { echo "startup.sh: build first (make build)" >&2; exit 1; }
NODE=$(command -v node || true)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf "const path = require('path');\nconsole.log(path.basename(__filename));\n" > "$tmp/app.js"

now_us() { date +%s%6N; }
time_one() { local s e; s=$(now_us); "$@" >/dev/null 2>&1; e=$(now_us); echo $((e - s)); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for case in "-e 0" "$tmp/app.js"; do
  : > "$tmp/dr"; : > "$tmp/node"
  for _ in $(seq "$RUNS"); do
    # shellcheck disable=SC2086
    time_one "$DR" $case >> "$tmp/dr"
    # shellcheck disable=SC2086
    [ -n "$NODE" ] && time_one "$NODE" $case >> "$tmp/node"
  done
  d=$(median < "$tmp/dr")
  label=$([ "$case" = "-e 0" ] && echo "-e 0" || echo "app.js (require path, console.log)")
  if [ -n "$NODE" ]; then
    n=$(median < "$tmp/node")
    awk -v l="$label" -v d="$d" -v n="$n" -v r="$RUNS" 'BEGIN {
      printf "%-36s devrun-js %7.1f ms   node %7.1f ms   ratio %.2f   (median of %d)\n", l, d/1000, n/1000, d/n, r }'
  else
    awk -v l="$label" -v d="$d" -v r="$RUNS" 'BEGIN { printf "%-36s devrun-js %7.1f ms   (median of %d; node not installed)\n", l, d/1000, r }'
  fi
done
