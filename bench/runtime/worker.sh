#!/usr/bin/env bash
# bench/runtime/worker.sh — worker_threads against Node 20 (the issue's
# "worker round-trip messages per second").
#
#   bench/runtime/worker.sh [RUNS] [N]     (default 5 runs of each, N = 100000)
#   DEVRUN_JS=build-foo/bin/devrun-js bench/runtime/worker.sh 7 100000
#
# Each program runs in a fresh process and times its own work with
# performance.now() (process start-up is not counted):
#   roundtrip   N sequential round trips: the parent posts {i, s: 'ping'}, the
#               worker answers {i} through parentPort, the parent waits for the
#               answer before the next post (latency-bound);
#   stream      N messages posted at once to the worker, which answers each;
#               the run ends with the N-th answer (throughput-bound);
#   channel     N sequential round trips over a MessageChannel on the main
#               thread (no thread hop: the cost of clone + queue + dispatch);
#   startup     N/1000 workers started one after the other, each waiting for
#               'exit' (a worker that does nothing: the cost of a new isolate,
#               loop and bootstrap).
# Runs of devrun-js and node are interleaved so machine noise hits both alike;
# the medians and the ratio of times devrun-js / node (below 1: devrun-js is
# faster) are printed, with the load average at the start and at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
N=${2:-100000}
. bench/runtime/lib.sh
bench_setup worker.sh
BENCH_ARG=$N

cat > "$tmp/prog.js" <<'JS'
const { Worker, MessageChannel } = require('worker_threads');
const [, , kind, nArg] = process.argv;
const n = Number(nArg);
const echo = `
const { parentPort } = require('worker_threads');
parentPort.on('message', (m) => { if (m === 'end') parentPort.close(); else parentPort.postMessage({ i: m.i }); });`;
const runs = {
  roundtrip() {
    return new Promise((resolve) => {
      const w = new Worker(echo, { eval: true });
      let i = 0;
      w.on('message', (m) => {
        if (m.i !== i) throw new Error('out of order');
        if (++i === n) { w.postMessage('end'); resolve(); } else w.postMessage({ i, s: 'ping' });
      });
      w.postMessage({ i, s: 'ping' });
    });
  },
  stream() {
    return new Promise((resolve) => {
      const w = new Worker(echo, { eval: true });
      let got = 0;
      w.on('message', () => { if (++got === n) { w.postMessage('end'); resolve(); } });
      for (let i = 0; i < n; i++) w.postMessage({ i, s: 'ping' });
    });
  },
  channel() {
    return new Promise((resolve) => {
      const { port1, port2 } = new MessageChannel();
      port2.on('message', (m) => port2.postMessage({ i: m.i }));
      let i = 0;
      port1.on('message', (m) => {
        if (++i === n) { port1.close(); resolve(); } else port1.postMessage({ i, s: 'ping' });
      });
      port1.postMessage({ i, s: 'ping' });
    });
  },
  async startup() {
    for (let i = 0; i < Math.max(1, n / 1000); i++) {
      await new Promise((resolve) => new Worker('', { eval: true }).on('exit', resolve));
    }
  },
};
const start = performance.now();
runs[kind]().then(() => console.log((performance.now() - start).toFixed(3)));
JS

bench_load start
for kind in roundtrip stream channel; do bench_row "$kind" "$N"; done
bench_row startup $(( N / 1000 > 0 ? N / 1000 : 1 ))
bench_load end
