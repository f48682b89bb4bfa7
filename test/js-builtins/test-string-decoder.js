'use strict';
// runtime/lib/string_decoder.js against Node's StringDecoder: every way of
// splitting a set of byte sequences into chunks, for every encoding.

const { StringDecoder: NodeSD } = require('string_decoder');
const { load, check, outcome } = require('./harness');
const { StringDecoder } = load('string_decoder');

const samples = [
  Buffer.from('hello'),
  Buffer.from('€uro ✓ 😀 Ω'),
  Buffer.from([0xe2, 0x82]), // truncated €
  Buffer.from([0xf0, 0x9f, 0x98]), // truncated emoji
  Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc]), // invalid
  Buffer.from([0xed, 0xa0, 0x80, 0x41]), // surrogate in UTF-8
  Buffer.from([0xff, 0xfe, 0x80, 0x41, 0xc0, 0xaf]),
  Buffer.from('\ud83d\ude00ab', 'utf16le'),
  Buffer.from([0x3d, 0xd8, 0x00]), // odd utf16 with lead surrogate start
  Buffer.from([1, 2, 3, 4, 5, 6, 7]),
];
const encodings = ['utf8', 'utf16le', 'latin1', 'base64', 'base64url', 'hex', 'ascii'];

for (const enc of encodings) {
  for (const [si, buf] of samples.entries()) {
    // Every split into two chunks, then every split into single bytes.
    for (let cut = 0; cut <= buf.length; cut++) {
      const run = (SD) => {
        const d = new SD(enc);
        const out = [d.write(buf.subarray(0, cut)), d.write(buf.subarray(cut)), d.end()];
        return JSON.stringify(out);
      };
      check(`${enc} sample ${si} cut ${cut}`, run(StringDecoder), run(NodeSD));
    }
    const bytes = (SD) => {
      const d = new SD(enc);
      const parts = [];
      for (const b of buf) parts.push(d.write(Buffer.from([b])));
      parts.push(d.end(Buffer.from([0x41])));
      parts.push(d.write(Buffer.from('ok')));
      return JSON.stringify(parts);
    };
    check(`${enc} sample ${si} bytewise`, bytes(StringDecoder), bytes(NodeSD));
  }
}

for (const enc of [undefined, null, '', 'UTF-8', 'ucs2', 'UCS-2', 'binary', 'Latin1', 'BASE64URL', 'nope', 42]) {
  check(`encoding ${String(enc)}`, outcome(() => new StringDecoder(enc).encoding), outcome(() => new NodeSD(enc).encoding));
}
check('write string', new StringDecoder().write('str'), new NodeSD().write('str'));
check('write typed array', new StringDecoder().write(new Uint16Array([0x6968])), new NodeSD().write(new Uint16Array([0x6968])));
check('write bad', outcome(() => new StringDecoder().write(5)), outcome(() => new NodeSD().write(5)));
{
  const a = new StringDecoder('utf8');
  const b = new NodeSD('utf8');
  a.write(Buffer.from([0xe2]));
  b.write(Buffer.from([0xe2]));
  check('lastNeed/lastTotal', `${a.lastNeed} ${a.lastTotal} ${a.lastChar[0]}`, `${b.lastNeed} ${b.lastTotal} ${b.lastChar[0]}`);
}

// Random byte strings cut into random chunks (fixed seed).
{
  let seed = 31337;
  const rand = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  const interesting = [0x00, 0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0x82, 0xac, 0x9f, 0x98, 0xa0];
  for (let i = 0; i < 600; i++) {
    const len = Math.floor(rand() * 12);
    const bytes = Buffer.from(Array.from({ length: len }, () => (rand() < 0.7 ? interesting[Math.floor(rand() * interesting.length)] : Math.floor(rand() * 256))));
    const enc = encodings[Math.floor(rand() * encodings.length)];
    const cuts = [];
    for (let p = 0; p < len;) {
      const step = 1 + Math.floor(rand() * 3);
      cuts.push(bytes.subarray(p, p + step));
      p += step;
    }
    const run = (SD) => {
      const d = new SD(enc);
      return JSON.stringify([...cuts.map((c) => d.write(c)), d.end()]);
    };
    check(`random ${enc} ${bytes.toString('hex')} in ${cuts.length} chunks`, run(StringDecoder), run(NodeSD));
  }
}
