'use strict';
// string_decoder over the runtime's Buffer: random bytes in random chunks,
// every encoding; the decoded strings must be Node's.
const { StringDecoder } = require('string_decoder');

let seed = 2024;
const rand = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
};
const interesting = [0x00, 0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0x82, 0xac, 0x9f, 0x98, 0xa0, 0xd8, 0xdc];
const encodings = ['utf8', 'utf16le', 'latin1', 'base64', 'base64url', 'hex', 'ascii'];
for (let i = 0; i < 400; i++) {
  const len = Math.floor(rand() * 12);
  const bytes = Buffer.from(Array.from({ length: len }, () => (rand() < 0.7 ? interesting[Math.floor(rand() * interesting.length)] : Math.floor(rand() * 256))));
  const enc = encodings[Math.floor(rand() * encodings.length)];
  const d = new StringDecoder(enc);
  const out = [];
  for (let p = 0; p < len;) {
    const step = 1 + Math.floor(rand() * 3);
    out.push(d.write(bytes.subarray(p, p + step)));
    p += step;
  }
  out.push(d.end());
  console.log(enc, bytes.toString('hex'), JSON.stringify(out), d.lastNeed, d.lastTotal);
}
