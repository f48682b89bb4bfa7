#!/usr/bin/env bash
# bench/runtime/spawn.sh — spawn-and-wait of short child processes, devrun-js
# against Node 20 (the issue's "spawn-and-wait of 1,000 short processes").
#
#   bench/runtime/spawn.sh [RUNS] [N]     (default 5 runs of each, N = 1000)
#   DEVRUN_JS=build-foo/bin/devrun-js bench/runtime/spawn.sh 7 1000
#
# Each program runs in a fresh process and times its own work with
# performance.now() (start-up is not counted):
#   spawn        N sequential spawn('/bin/true') (stdio 'pipe', the default),
#                each awaited on 'close' before the next starts;
#   spawn-ignore the same with stdio 'ignore' (no pipes: only fork/exec/wait);
#   spawn-par    N spawn('/bin/true'), 8 in flight at a time, each on 'close';
#   execFile     N sequential execFile('/bin/echo', ['hi']) callbacks (output
#                collected and decoded);
#   execFileSync N sequential execFileSync('/bin/true') calls;
#   spawnSync    N sequential spawnSync('/bin/echo', ['hi']) calls.
# Runs of devrun-js and node are interleaved so machine noise hits both alike;
# the medians and the ratio devrun-js / node (below 1: devrun-js is faster)
# are printed, with the load average at the start and at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
N=${2:-1000}
DR=${DEVRUN_JS:-build/bin/devrun-js}
[ -x "$DR" ] || { echo "spawn.sh: build first (make build) or set DEVRUN_JS" >&2; exit 1; }
NODE=$(command -v node || true)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat > "$tmp/prog.js" <<'JS'
const cp = require('child_process');
const [, , kind, nArg] = process.argv;
const n = Number(nArg);
const once = (child) => new Promise((resolve, reject) => {
  child.on('error', reject);
  child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
});
const runs = {
  async spawn() { for (let i = 0; i < n; i++) await once(cp.spawn('/bin/true')); },
  async 'spawn-ignore'() { for (let i = 0; i < n; i++) await once(cp.spawn('/bin/true', [], { stdio: 'ignore' })); },
  async 'spawn-par'() {
    let next = 0;
    const lane = async () => { while (next < n) { next++; await once(cp.spawn('/bin/true')); } };
    await Promise.all(Array.from({ length: 8 }, lane));
  },
  async execFile() {
    for (let i = 0; i < n; i++) {
      const out = await new Promise((resolve, reject) =>
        cp.execFile('/bin/echo', ['hi'], (err, stdout) => (err ? reject(err) : resolve(stdout))));
      if (out !== 'hi\n') throw new Error(`bad output ${JSON.stringify(out)}`);
    }
  },
  async execFileSync() { for (let i = 0; i < n; i++) cp.execFileSync('/bin/true'); },
  async spawnSync() {
    for (let i = 0; i < n; i++) {
      const r = cp.spawnSync('/bin/echo', ['hi']);
      if (r.status !== 0 || r.stdout.toString() !== 'hi\n') throw new Error('bad spawnSync result');
    }
  },
};
const start = performance.now();
runs[kind]().then(() => console.log((performance.now() - start).toFixed(3)),
  (err) => { console.error(err); process.exit(1); });
JS

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

for kind in spawn spawn-ignore spawn-par execFile execFileSync spawnSync; do
  : > "$tmp/dr.$kind"; : > "$tmp/node.$kind"
  for _ in $(seq "$RUNS"); do
    "$DR" "$tmp/prog.js" "$kind" "$N" >> "$tmp/dr.$kind"
    [ -n "$NODE" ] && "$NODE" "$tmp/prog.js" "$kind" "$N" >> "$tmp/node.$kind"
  done
  d=$(median < "$tmp/dr.$kind")
  label="$N x $kind"
  if [ -n "$NODE" ]; then
    n=$(median < "$tmp/node.$kind")
    awk -v l="$label" -v d="$d" -v n="$n" -v c="$N" 'BEGIN {
      printf "%-24s devrun-js %8.1f ms (%5.0f/s)   node %8.1f ms (%5.0f/s)   ratio %.2f\n",
        l, d, c / (d / 1000), n, c / (n / 1000), d / n }'
  else
    awk -v l="$label" -v d="$d" -v c="$N" 'BEGIN {
      printf "%-24s devrun-js %8.1f ms (%5.0f/s)   (node not installed)\n", l, d, c / (d / 1000) }'
  fi
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)   (medians over $RUNS processes each)"
