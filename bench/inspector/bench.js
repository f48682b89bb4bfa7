// bench.js — devrun-js --inspect against node --inspect, in one run:
//   1. round trip of Runtime.evaluate("1+1") over the WebSocket (sequential
//      requests on one session; per-request latency, median and p95);
//   2. time from process start to "Debugger listening on ws://" on stderr.
// Runs interleave the two runtimes; figures are medians over the runs.
// Usage: node bench.js DEVRUN_JS [runs] [requests]
'use strict';
const { spawn } = require('child_process');
const WebSocket = require('ws');

const devrun = process.argv[2];
const RUNS = Number(process.argv[3] || 7);
const REQS = Number(process.argv[4] || 2000);
const runtimes = [['devrun-js', devrun], ['node', process.execPath]];
const idle = 'setInterval(() => {}, 1000)';

function startListening(bin) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const p = spawn(bin, ['--inspect=127.0.0.1:0', '-e', idle], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => {
      err += d;
      const m = err.match(/Debugger listening on (ws:\/\/\S+)/);
      if (m && !p.url) {
        p.url = m[1];
        p.startMs = Number(process.hrtime.bigint() - t0) / 1e6;
        resolve(p);
      }
    });
    p.on('exit', (c) => { if (!p.url) reject(new Error(`${bin} exited ${c}: ${err}`)); });
  });
}

function roundTrips(url) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const lat = [];
    let id = 0, t0;
    const send = () => { t0 = process.hrtime.bigint(); ws.send(JSON.stringify({ id: ++id, method: 'Runtime.evaluate', params: { expression: '1+1' } })); };
    ws.on('open', send);
    ws.on('message', (data) => {
      const m = JSON.parse(data);
      if (m.id !== id) return;
      if (m.result.result.value !== 2) return reject(new Error('bad reply'));
      if (id > 200) lat.push(Number(process.hrtime.bigint() - t0) / 1e3); // µs, after warm-up
      if (id < REQS + 200) send(); else { ws.close(); resolve(lat); }
    });
    ws.on('error', reject);
  });
}

const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const pct = (a, q) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(s.length * q))]; };

(async () => {
  const res = Object.fromEntries(runtimes.map(([n]) => [n, { start: [], rtt: [], p95: [] }]));
  for (let r = 0; r < RUNS; r++) {
    for (const [name, bin] of runtimes) {
      const p = await startListening(bin);
      const lat = await roundTrips(p.url);
      p.kill('SIGKILL');
      res[name].start.push(p.startMs);
      res[name].rtt.push(median(lat));
      res[name].p95.push(pct(lat, 0.95));
    }
  }
  console.log(`runs=${RUNS} requests/run=${REQS} (medians over runs)`);
  console.log('runtime     start->listening ms   evaluate RTT median µs   RTT p95 µs');
  for (const [name] of runtimes) {
    const x = res[name];
    console.log(`${name.padEnd(10)}  ${median(x.start).toFixed(1).padStart(18)}   ${median(x.rtt).toFixed(1).padStart(22)}   ${median(x.p95).toFixed(1).padStart(10)}`);
  }
  const d = res['devrun-js'], n = res.node;
  console.log(`ratio devrun-js/node: start ${(median(d.start) / median(n.start)).toFixed(2)}, RTT ${(median(d.rtt) / median(n.rtt)).toFixed(2)}`);
})().catch((e) => { console.error(e); process.exit(1); });
