'use strict';
// Random nested values (fixed seed) through our util.inspect and Node's,
// with random options: exercises line breaking, grouping of long arrays,
// compact levels and indentation far beyond the hand-written corpus.

const util = require('util');
const { load, check } = require('./harness');
const ours = load('internal/util/inspect');

let seed = 12345;
function rand() {
  // xorshift32
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return ((seed >>> 0) % 1000000) / 1000000;
}
const pick = (arr) => arr[Math.floor(rand() * arr.length)];
const int = (n) => Math.floor(rand() * n);

const words = ['a', 'bb', 'ccc', 'dddd', 'hello world', 'x'.repeat(20), "it's", 'multi\nline', '', 'ünï', 'k-e-y', '日本語', '😀', 'ｆｕｌｌ', 'e\u0301', '한국'];
function randomValue(depth) {
  const r = rand();
  if (depth > 4 || r < 0.35) {
    return pick([
      () => int(1000) - 500, () => rand() * 1e6, () => pick(words), () => null, () => undefined,
      () => true, () => BigInt(int(1e9)), () => Symbol(pick(words)), () => -0, () => NaN, () => 1e21,
    ])();
  }
  if (r < 0.55) {
    const n = pick([0, 1, 3, 7, 8, 12, 27, 101]);
    const kind = rand();
    return Array.from({ length: n }, () => (kind < 0.5 ? int(kind < 0.25 ? 100 : 100000) : randomValue(depth + 1)));
  }
  if (r < 0.8) {
    const o = {};
    const n = int(8);
    for (let i = 0; i < n; i++) o[pick(words) + (rand() < 0.3 ? i : '')] = randomValue(depth + 1);
    return o;
  }
  if (r < 0.88) return new Map(Array.from({ length: int(5) }, () => [randomValue(depth + 1), randomValue(depth + 1)]));
  if (r < 0.94) return new Set(Array.from({ length: int(6) }, () => randomValue(depth + 1)));
  return new Uint8Array(int(40));
}

const optionChoices = [
  {}, { depth: 1 }, { depth: 5 }, { breakLength: 40 }, { breakLength: 120 }, { compact: 1 }, { compact: 5 },
  { compact: false }, { compact: true }, { colors: true }, { sorted: true }, { maxArrayLength: 5 }, { numericSeparator: true },
];
for (let i = 0; i < 1500; i++) {
  const v = randomValue(0);
  const opts = Object.assign({}, pick(optionChoices), pick(optionChoices));
  check(`random #${i} ${JSON.stringify(opts)}`, ours.inspect(v, opts), util.inspect(v, opts));
}
