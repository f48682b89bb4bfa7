'use strict';
// Randomized comparisons (fixed seed) for path, querystring and deep
// equality against Node's modules.

const util = require('util');
const nodePath = require('path');
const nodeQs = require('querystring');
const nodeAssert = require('assert');
const { load, check, outcome } = require('./harness');
const path = load('path');
const qs = load('querystring');
const { isDeepEqual, isDeepStrictEqual } = load('internal/util/comparisons');

let seed = 424242;
function rand() {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return ((seed >>> 0) % 1000000) / 1000000;
}
const pick = (arr) => arr[Math.floor(rand() * arr.length)];
const int = (n) => Math.floor(rand() * n);

// path
const pieces = ['a', 'bb', '.', '..', '', '...', '.x', 'x.', 'C:', 'c:', 'file.txt', '\\\\', 'srv', 'share', ' ', 'é'];
const seps = ['/', '\\', '//', '\\\\', '/./', ''];
function randomPath() {
  let s = rand() < 0.3 ? pick(['/', '\\', 'C:\\', 'c:/', '\\\\srv\\share\\', '//srv/share/', '']) : '';
  const n = int(5);
  for (let i = 0; i < n; i++) s += pick(pieces) + (i < n - 1 ? pick(seps) : (rand() < 0.2 ? pick(seps) : ''));
  return s;
}
for (let i = 0; i < 2500; i++) {
  const flavour = pick(['posix', 'win32']);
  const p = randomPath();
  const q = randomPath();
  const fn = pick(['normalize', 'dirname', 'basename', 'extname', 'parse', 'isAbsolute', 'join', 'resolve', 'relative', 'toNamespacedPath']);
  const args = ['join', 'resolve', 'relative'].includes(fn) ? [p, q] : [p];
  check(`path.${flavour}.${fn}${JSON.stringify(args)}`, outcome(() => path[flavour][fn](...args)), outcome(() => nodePath[flavour][fn](...args)));
}

// querystring
const qsPieces = ['a', 'b', '=', '&', '+', '%', '%2', '%20', '%zz', '%E2%82%AC', '%e2', 'é', ' ', ';', '==', '&&', '__proto__', 'toString', '[]'];
for (let i = 0; i < 1500; i++) {
  let s = '';
  const n = int(8);
  for (let j = 0; j < n; j++) s += pick(qsPieces);
  const sep = pick([undefined, ';', '&&', '']);
  const eq = pick([undefined, ':', '==', '']);
  check(`qs.parse(${JSON.stringify(s)}, ${JSON.stringify(sep)}, ${JSON.stringify(eq)})`,
    util.inspect(qs.parse(s, sep, eq)), util.inspect(nodeQs.parse(s, sep, eq)));
}

// deep equality
function randomValue(depth) {
  const r = rand();
  if (depth > 3 || r < 0.4) {
    return pick([0, -0, 1, '1', '', 'a', null, undefined, NaN, true, false, 1n, Symbol.for('s')]);
  }
  if (r < 0.55) return Array.from({ length: int(4) }, () => randomValue(depth + 1));
  if (r < 0.7) {
    const o = {};
    for (let i = 0; i < int(4); i++) o[pick(['a', 'b', 'c'])] = randomValue(depth + 1);
    return o;
  }
  if (r < 0.8) return new Map(Array.from({ length: int(3) }, () => [randomValue(depth + 2), randomValue(depth + 1)]));
  if (r < 0.9) return new Set(Array.from({ length: int(3) }, () => randomValue(depth + 2)));
  return pick([new Date(int(3)), /a/g, new Number(int(2)), new String('a'), new Uint8Array(int(2)), Object.create(null)]);
}
// A structural copy (so equal-but-not-identical values are compared).
function clone(v) {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(clone);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [clone(k), clone(x)]));
  if (v instanceof Set) return new Set([...v].map(clone));
  if (v instanceof Date) return new Date(v.getTime());
  if (v instanceof RegExp) return new RegExp(v.source, v.flags);
  if (v instanceof Number || v instanceof String) return Object(v.valueOf());
  if (v instanceof Uint8Array) return new Uint8Array(v);
  const o = Object.create(Object.getPrototypeOf(v));
  for (const k of Object.keys(v)) o[k] = clone(v[k]);
  return o;
}
function loose(a, b) {
  try { nodeAssert.deepEqual(a, b); return true; } catch { return false; }
}
for (let i = 0; i < 3000; i++) {
  const a = randomValue(0);
  // Often compare with a structurally similar value.
  const b = rand() < 0.5 ? randomValue(0) : clone(a);
  check(`isDeepStrictEqual #${i}`, isDeepStrictEqual(a, b), util.isDeepStrictEqual(a, b));
  check(`isDeepEqual #${i}`, isDeepEqual(a, b), loose(a, b));
}
