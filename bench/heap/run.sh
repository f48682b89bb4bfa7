#!/bin/bash
# run.sh — devrun-heap against memlab on the same snapshot files, in one run:
# wall time and peak RSS (/usr/bin/time -v) of
#   load + dominators + per-class summary   devrun-heap summary  |  memlab getFullHeapFromFile + aggregation
#   three-snapshot leak search              devrun-heap leaks    |  memlab findLeaksBySnapshotFilePaths
# each repeated RUNS times (default 3), medians reported, ratios memlab/devrun.
#
#   bash bench/heap/run.sh                     # all sizes
#   SIZES="150 300" RUNS=1 bash bench/heap/run.sh
#
# Snapshots are generated once into bench/out/heap/ (git-ignored) by
# gen-snapshot.js (synthetic: ITEMS per size below) and tsc-snapshot.js (the
# TypeScript compiler type-checking its own .d.ts files).  Needs node, npm
# (bench/heap/setup.sh) and ~24 GB of RAM for memlab on the 1 GB file.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$root/bench/out/heap
H=${DEVRUN_HEAP:-$root/build/bin/devrun-heap}
RUNS=${RUNS:-3}
SIZES=${SIZES:-"150 300 1100 tsc"}
LEAK_SIZE=${LEAK_SIZE:-300}
MEMLAB_TIMEOUT=${MEMLAB_TIMEOUT:-1800}
mkdir -p "$out"
bash "$here/setup.sh" >/dev/null
nm=$here/node_modules
items_for() { case $1 in 150) echo 390000 ;; 300) echo 790000 ;; 1100) echo 2900000 ;; *) echo $(($1 * 2630)) ;; esac; }
snap_for() {
  local f=$out/synth-$1.heapsnapshot
  if [ "$1" = tsc ]; then f=$out/tsc.heapsnapshot; [ -f "$f" ] || node --max-old-space-size=8192 "$here/tsc-snapshot.js" "$f" >&2
  else [ -f "$f" ] || node --max-old-space-size=20000 "$here/gen-snapshot.js" "$f" "$(items_for "$1")" >&2; fi
  echo "$f"
}
# measure LABEL CMD...: appends "label wall_s rss_kb rc cpu_s" to $out/raw.txt
measure() {
  local label=$1; shift
  local tf; tf=$(mktemp)
  set +e
  /usr/bin/time -v -o "$tf" timeout "$MEMLAB_TIMEOUT" "$@" >/dev/null 2>"$tf.err"
  local rc=$?
  set -e
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$tf")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tf")
  cpu=$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ {s+=$2} END {print s}' "$tf")
  echo "$label $wall $rss $rc $cpu" | tee -a "$out/raw.txt"
  rm -f "$tf" "$tf.err"
}
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "-"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
[ -n "${KEEP_RAW:-}" ] || : > "$out/raw.txt"
for size in ${SIZES}; do
  f=$(snap_for "$size")
  mb=$(( $(stat -c %s "$f") / 1048576 ))
  echo "== $f ($mb MB)"
  for r in $(seq "$RUNS"); do
    measure "summary devrun $size $mb" "$H" summary --no-progress --top 20 "$f"
    measure "summary memlab $size $mb" env NODE_PATH="$nm" node --max-old-space-size=20000 "$root/test/heap/memlab-figures.js" "$f" "$out/memlab-$size.json"
  done
done
if [ -n "$LEAK_SIZE" ]; then
  d=$out/triple-$LEAK_SIZE; mkdir -p "$d"
  [ -f "$d/s3.heapsnapshot" ] || node --max-old-space-size=20000 "$here/gen-snapshot.js" --triple "$d" "$(items_for "$LEAK_SIZE")"
  mb=$(( $(stat -c %s "$d/s2.heapsnapshot") / 1048576 ))
  for r in $(seq "$RUNS"); do
    measure "leaks devrun $LEAK_SIZE $mb" "$H" leaks --no-progress "$d/s1.heapsnapshot" "$d/s2.heapsnapshot" "$d/s3.heapsnapshot"
    measure "leaks memlab $LEAK_SIZE $mb" env NODE_PATH="$nm" node --max-old-space-size=20000 "$here/memlab-leaks.js" "$d/s1.heapsnapshot" "$d/s2.heapsnapshot" "$d/s3.heapsnapshot"
  done
fi
# the table
{
  echo "| task | snapshot | file MB | devrun-heap s | memlab s | speed-up | devrun-heap CPU s | memlab CPU s | devrun-heap peak RSS MB | memlab peak RSS MB | RSS / file (devrun) |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk '{print $1, $3, $4}' "$out/raw.txt" | sort -u | while read -r task size mb; do
    # raw.txt columns: task tool size file_mb wall_s rss_kb exit_code cpu_s
    dc=$(awk -v t="$task" -v s="$size" '$1==t && $2=="devrun" && $3==s && $7==0 && NF>=8 {print $8}' "$out/raw.txt" | median)
    mc=$(awk -v t="$task" -v s="$size" '$1==t && $2=="memlab" && $3==s && $7==0 && NF>=8 {print $8}' "$out/raw.txt" | median)
    dw=$(awk -v t="$task" -v s="$size" '$1==t && $2=="devrun" && $3==s && $7==0 {print $5}' "$out/raw.txt" | median)
    mw=$(awk -v t="$task" -v s="$size" '$1==t && $2=="memlab" && $3==s && $7==0 {print $5}' "$out/raw.txt" | median)
    dr=$(awk -v t="$task" -v s="$size" '$1==t && $2=="devrun" && $3==s && $7==0 {print $6/1024}' "$out/raw.txt" | median)
    mr=$(awk -v t="$task" -v s="$size" '$1==t && $2=="memlab" && $3==s && $7==0 {print $6/1024}' "$out/raw.txt" | median)
    fails=$(awk -v t="$task" -v s="$size" '$1==t && $2=="memlab" && $3==s && $7!=0' "$out/raw.txt" | wc -l)
    [ "$mw" = - ] && mw="failed ($fails)"
    sp=$(awk -v a="$dw" -v b="$mw" 'BEGIN { if (b+0>0 && a+0>0) printf "%.1f×", b/a; else print "-" }')
    ratio=$(awk -v r="$dr" -v m="$mb" 'BEGIN { if (m>0) printf "%.2f", r/m; else print "-" }')
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %.0f | %s | %s |\n' "$task" "$size" "$mb" "$dw" "$mw" "$sp" "$dc" "$mc" "$dr" "$(printf '%.0f' "$mr" 2>/dev/null || echo -)" "$ratio"
  done
} | tee "$out/results.md"
