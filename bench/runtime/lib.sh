# bench/runtime/lib.sh — sourced by the bench/runtime scripts that time one
# program per operation under devrun-js and node (spawn.sh, worker.sh).
#
#   bench_setup NAME          DR, NODE, a temporary $tmp (removed at exit)
#   median                    the median of the numbers on stdin
#   bench_row KIND COUNT      runs "$tmp/prog.js KIND ARG" $RUNS times under
#                             each runtime, interleaved (ARG is $BENCH_ARG);
#                             the program prints its own time in ms; prints
#                             the medians, COUNT/s and the ratio devrun/node
#   bench_load start|end      the load average line

bench_setup() {
  DR=${DEVRUN_JS:-build/bin/devrun-js}
  [ -x "$DR" ] || { echo "$1: build first (make build) or set DEVRUN_JS" >&2; exit 1; }
  NODE=$(command -v node || true)
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

bench_load() {
  if [ "$1" = start ]; then
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  else
    echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)   (medians over $RUNS processes each)"
  fi
}

bench_row() {
  local kind=$1 count=$2 d n
  : > "$tmp/dr.$kind"; : > "$tmp/node.$kind"
  for _ in $(seq "$RUNS"); do
    "$DR" "$tmp/prog.js" "$kind" "$BENCH_ARG" >> "$tmp/dr.$kind"
    [ -n "$NODE" ] && "$NODE" "$tmp/prog.js" "$kind" "$BENCH_ARG" >> "$tmp/node.$kind"
  done
  d=$(median < "$tmp/dr.$kind")
  if [ -n "$NODE" ]; then
    n=$(median < "$tmp/node.$kind")
    awk -v l="$count x $kind" -v d="$d" -v n="$n" -v c="$count" 'BEGIN {
      printf "%-24s devrun-js %9.1f ms (%8.0f/s)   node %9.1f ms (%8.0f/s)   ratio %.2f\n",
        l, d, c / (d / 1000), n, c / (n / 1000), d / n }'
  else
    awk -v l="$count x $kind" -v d="$d" -v c="$count" 'BEGIN {
      printf "%-24s devrun-js %9.1f ms (%8.0f/s)   (node not installed)\n", l, d, c / (d / 1000) }'
  fi
}
