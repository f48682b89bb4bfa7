#!/usr/bin/env node
// fixture-app.js — a small program with a known object graph, snapshotted
// by the tests (and by devrun-js once it has v8.writeHeapSnapshot).
//
//   node fixture-app.js OUTDIR
//
// writes OUTDIR/app.heapsnapshot and, for the three-snapshot leak search,
// OUTDIR/s1.heapsnapshot (baseline), s2 (after the "request" handling that
// leaks) and s3 (after the cleanup that forgets to remove the leaked objects).
// What the graph contains, and therefore what the tests expect:
//   - 100 Session objects, each owning a 1000-element number array, kept in
//     a Map `sessions` on globalThis.store;
//   - an EventEmitter `bus` with 50 'tick' listeners and 3 'done' listeners;
//   - a closure `handler` whose context captures a 20000-element array
//     `bigCapture`;
//   - 300 separate copies of one 64-character string built at run time;
//   - the leak: each of 40 requests pushes a LeakedRequest (with a 2000-byte
//     Buffer-free payload array) into globalThis.store.audit and a listener
//     onto bus; cleanup clears `pending` but not `audit`.
'use strict';
const v8 = require('v8');
const path = require('path');
const EventEmitter = require('events');
const dir = process.argv[2] || '.';

class Session { constructor(i) { this.id = i; this.data = new Array(1000).fill(i); } }
class LeakedRequest { constructor(i) { this.n = i; this.payload = new Array(250).fill(i); } }
class Pending { constructor(i) { this.n = i; this.tmp = new Array(100).fill(i); } }

const store = globalThis.store = { sessions: new Map(), audit: [], pending: [] };
for (let i = 0; i < 100; i++) store.sessions.set('s' + i, new Session(i));
const bus = globalThis.bus = new EventEmitter();
bus.setMaxListeners(0);
for (let i = 0; i < 50; i++) bus.on('tick', () => i);
for (let i = 0; i < 3; i++) bus.on('done', () => i);
globalThis.handler = (() => { const bigCapture = new Array(20000).fill(7); return () => bigCapture.length; })();
const base = 'abcdefgh'.repeat(8);
globalThis.dups = [];
for (let i = 0; i < 300; i++) globalThis.dups.push(base.split('').join(''));  // 300 flat copies

function snap(name) { v8.writeHeapSnapshot(path.join(dir, name)); }
if (process.argv.includes('--one')) { snap('app.heapsnapshot'); process.exit(0); }
snap('s1.heapsnapshot');
for (let i = 0; i < 40; i++) {              // the "action"
  store.audit.push(new LeakedRequest(i));   // leak: never removed
  store.pending.push(new Pending(i));       // cleaned up below
}
snap('s2.heapsnapshot');
store.pending.length = 0;                   // the "undo"
snap('s3.heapsnapshot');
snap('app.heapsnapshot');
