#!/usr/bin/env node
// gen-snapshot.js — makes the large synthetic heap snapshots of the
// devrun-heap benchmark: a linked list of class instances (each with a name
// string, a small array and a nested object), a Map of closures, EventEmitter
// listeners and Buffers — the kinds of objects a leaking server piles up.
//
//   node --max-old-space-size=16384 gen-snapshot.js OUT.heapsnapshot ITEMS
//   node --max-old-space-size=16384 gen-snapshot.js --triple DIR ITEMS
//
// ITEMS ≈ 1,000,000 gives a ~300 MB snapshot with Node 20.  --triple writes
// DIR/s1 (baseline), s2 (after an action that leaks ITEMS/20 records and
// allocates as many temporary ones) and s3 (after the temporaries are
// dropped) for the three-snapshot leak search.
'use strict';
const v8 = require('v8');
const path = require('path');
const EventEmitter = require('events');

class Item {
  constructor(i, next) {
    this.id = i;
    this.name = 'item-' + i;
    this.next = next;
    this.tags = [i, i + 1, i + 2];
    this.meta = { created: i, kind: i % 7 };
  }
}
class LeakyRecord { constructor(i) { this.i = i; this.body = { at: i, text: 'request ' + i }; } }
class Temp { constructor(i) { this.i = i; this.scratch = [i, i]; } }

function build(items) {
  let head = null;
  for (let i = 0; i < items; i++) head = new Item(i, head);
  const handlers = new Map();
  for (let i = 0; i < items / 10; i++) { const captured = { i }; handlers.set('h' + i, () => captured.i); }
  const emitters = [];
  for (let e = 0; e < 100; e++) {
    const em = new EventEmitter(); em.setMaxListeners(0);
    for (let i = 0; i < items / 10000; i++) em.on('data', () => e + i);
    emitters.push(em);
  }
  const buffers = [];
  for (let i = 0; i < items / 1000; i++) buffers.push(Buffer.alloc(1024, i & 255));
  return { head, handlers, emitters, buffers };
}

const args = process.argv.slice(2);
if (args[0] === '--triple') {
  const dir = args[1], items = +args[2];
  globalThis.app = build(items);
  v8.writeHeapSnapshot(path.join(dir, 's1.heapsnapshot'));
  globalThis.leak = []; globalThis.temp = [];
  for (let i = 0; i < items / 20; i++) { globalThis.leak.push(new LeakyRecord(i)); globalThis.temp.push(new Temp(i)); }
  v8.writeHeapSnapshot(path.join(dir, 's2.heapsnapshot'));
  globalThis.temp = null;
  v8.writeHeapSnapshot(path.join(dir, 's3.heapsnapshot'));
} else {
  const [out, items] = [args[0], +args[1]];
  if (!out || !items) { console.error('usage: gen-snapshot.js OUT ITEMS | --triple DIR ITEMS'); process.exit(2); }
  globalThis.app = build(items);
  v8.writeHeapSnapshot(out);
}
