'use strict';
// Regenerates runtime/lib/internal/idna_disallowed.js: the code points
// that Node 20's URL host parser (Ada's UTS #46 processing) rejects in a
// domain label, as ranges.  It asks Node itself, one code point at a time:
//
//   node test/js-builtins/tools/gen-idna-table.js > runtime/lib/internal/idna_disallowed.js
//
// A code point counts as allowed when "a<cp>" or "<cp>" alone is a valid
// host (the first form covers combining marks and ignored code points, the
// second right-to-left letters, which the bidi rule rejects after "a").

const { domainToASCII } = require('url');

function allowed(cp) {
  const ch = String.fromCodePoint(cp);
  return domainToASCII(`a${ch}`) !== '' || domainToASCII(ch) !== '';
}

const ranges = [];
let start = -1;
for (let cp = 0x80; cp <= 0x10FFFF; cp++) {
  if (cp >= 0xD800 && cp <= 0xDFFF) continue;
  const bad = !allowed(cp);
  if (bad && start === -1) start = cp;
  if (!bad && start !== -1) {
    ranges.push([start, cp - 1]);
    start = -1;
  }
}
if (start !== -1) ranges.push([start, 0x10FFFF]);

// Merge ranges separated only by surrogates.
const merged = [];
for (const r of ranges) {
  const last = merged[merged.length - 1];
  if (last && last[1] === 0xD7FF && r[0] === 0xE000) last[1] = r[1];
  else merged.push(r);
}

// Encoded as base-36 deltas: start offset from the previous end, length.
let prev = 0;
const parts = [];
for (const [a, b] of merged) {
  parts.push((a - prev).toString(36), (b - a).toString(36));
  prev = b;
}
const data = parts.join(',');
const lines = [];
for (let i = 0; i < data.length; i += 76) lines.push(`  '${data.slice(i, i + 76)}'`);

process.stdout.write(`'use strict';
// internal/idna_disallowed: code points (>= U+0080) that cannot appear in a
// URL host label — those UTS #46 disallows plus the ones Node 20's URL
// parser (Ada) rejects.  ${merged.length} ranges, written as base-36 pairs
// "gap from the previous range's end, length - 1".  Generated from Node's
// own behaviour by test/js-builtins/tools/gen-idna-table.js; do not edit.

const data =
${lines.join(' +\n')};

let ranges;
function table() {
  if (ranges === undefined) {
    const nums = data.split(',').map((x) => parseInt(x, 36));
    ranges = new Uint32Array(nums.length);
    let prev = 0;
    for (let i = 0; i < nums.length; i += 2) {
      const start = prev + nums[i];
      const end = start + nums[i + 1];
      ranges[i] = start;
      ranges[i + 1] = end;
      prev = end;
    }
  }
  return ranges;
}

// Whether code point cp is disallowed (binary search over the ranges).
function isDisallowed(cp) {
  const r = table();
  let lo = 0;
  let hi = r.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < r[mid * 2]) hi = mid - 1;
    else if (cp > r[mid * 2 + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

module.exports = { isDisallowed };
`);
