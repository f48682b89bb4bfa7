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
. bench/runtime/lib.sh
bench_setup spawn.sh
BENCH_ARG=$N

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

bench_load start
for kind in spawn spawn-ignore spawn-par execFile execFileSync spawnSync; do bench_row "$kind" "$N"; done
bench_load end
