// check-profile.js — validates a .cpuprofile / .heapprofile written by
// devrun-js: the shape DevTools loads, and the named function sampled.
// Usage: node check-profile.js FILE cpu|heap FUNCTION
'use strict';
const assert = require('assert');
const fs = require('fs');
const [file, kind, fn] = process.argv.slice(2);
const p = JSON.parse(fs.readFileSync(file, 'utf8'));
if (kind === 'cpu') {
  for (const k of ['nodes', 'startTime', 'endTime', 'samples', 'timeDeltas']) assert.ok(k in p, k);
  assert.strictEqual(p.samples.length, p.timeDeltas.length);
  assert.ok(p.endTime > p.startTime);
  assert.ok(p.nodes.some((n) => n.callFrame.functionName === fn && n.hitCount > 0), `${fn} sampled`);
} else {
  assert.ok(p.head && Array.isArray(p.head.children), 'head');
  assert.ok(Array.isArray(p.samples), 'samples');
  const names = [];
  (function walk(n) { names.push(n.callFrame.functionName); n.children.forEach(walk); })(p.head);
  assert.ok(names.includes(fn), `${fn} allocated`);
}
console.log(`ok ${kind} profile ${file.replace(/.*\//, '')}`);
