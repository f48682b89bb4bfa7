#!/usr/bin/env node
// gc-app.js — a program whose GC traces are recorded as fixtures.
//
//   node --trace-gc gc-app.js leak|steady SECONDS > trace.log
//   node --trace-gc-nvp gc-app.js leak|steady SECONDS > nvp.log
//   node gc-app.js leak|steady SECONDS --jsonl trace.jsonl
//
// `leak` keeps 1/10 of what it allocates in a growing array (the heap after
// every full GC grows); `steady` keeps a fixed-size window.  Full GCs are
// forced every 200 ms with --expose-gc when available so the trend has points.
// --jsonl writes the --gc-trace=FILE format (docs/heap.md) from Node's
// PerformanceObserver: type, start_ms, duration_ms and the heap after the GC
// (Node cannot see "before"), which is what devrun-js --gc-trace also writes.
'use strict';
const fs = require('fs');
const v8 = require('v8');
const mode = process.argv[2] || 'leak';
const seconds = +(process.argv[3] || 3);
const ji = process.argv.indexOf('--jsonl');
let out = null;
if (ji > 0) {
  const { PerformanceObserver, constants } = require('perf_hooks');
  const kinds = { [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge', [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
                  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental-marking', [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak-callbacks' };
  out = fs.openSync(process.argv[ji + 1], 'w');
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) {
      const h = v8.getHeapStatistics(), spaces = {};
      for (const s of v8.getHeapSpaceStatistics()) spaces[s.space_name] = { used: s.space_used_size, committed: s.space_size };
      fs.writeSync(out, JSON.stringify({ type: kinds[e.detail.kind] || 'gc-' + e.detail.kind, start_ms: +e.startTime.toFixed(3),
        duration_ms: +e.duration.toFixed(3), after: { used: h.used_heap_size, committed: h.total_heap_size, spaces },
        external: h.external_memory }) + '\n');
    }
  }).observe({ entryTypes: ['gc'] });
}
const keep = [];
let window = [];
const t0 = Date.now();
let lastFull = 0;
function tick() {
  for (let i = 0; i < 2000; i++) {
    const o = { i, s: 'x' + i, a: new Array(20).fill(i) };
    if (mode === 'leak' && i % 10 === 0) keep.push(o);
    window.push(o);
  }
  if (window.length > 20000) window = window.slice(-10000);
  if (global.gc && Date.now() - lastFull > 200) { global.gc(); lastFull = Date.now(); }
  if (Date.now() - t0 < seconds * 1000) setImmediate(tick);
  else setTimeout(() => process.exit(0), 50);
}
tick();
