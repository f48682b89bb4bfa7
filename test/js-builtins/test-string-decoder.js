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
