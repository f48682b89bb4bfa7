// Buffer.from / toString for every encoding, including Node's lenient
// base64 and hex decoding rules and odd-length UTF-16.
const samples = ['', 'hello', 'héllo wörld', '€ 😀 \u0000 end', '\u00ff\u0100\u07ff\uffff', 'a'.repeat(100)];
const encs = ['utf8', 'utf-8', 'UTF8', 'utf16le', 'ucs2', 'ucs-2', 'latin1', 'binary', 'ascii', 'base64', 'base64url', 'hex'];
for (const s of samples) {
  for (const e of encs) {
    const b = Buffer.from(s, e);
    console.log(JSON.stringify(s.slice(0, 12)), e, b.length, b.toString('hex').slice(0, 48), JSON.stringify(b.toString(e)).slice(0, 40));
  }
}
// base64: whitespace, missing padding, url alphabet, garbage, early '='
for (const s of ['aGVsbG8=', 'aGVsbG8', ' aG Vs\nbG8= ', 'aGVs-_8', 'aGVs+/8', '@@aGVs', 'aG=VsbG8', 'a', 'ab', 'abc', '====', 'YQ==YQ==']) {
  console.log('base64', JSON.stringify(s), Buffer.from(s, 'base64'), Buffer.byteLength(s, 'base64'), Buffer.from(s, 'base64url'));
}
// hex: odd length, invalid pair in the middle, upper case
for (const s of ['abc', '0g12', 'ABCDEF', '', 'zz', '12 34', 'f']) {
  console.log('hex', JSON.stringify(s), Buffer.from(s, 'hex'), Buffer.byteLength(s, 'hex'));
}
// decoding odd bytes
console.log(Buffer.from([0x61, 0x00, 0x62]).toString('utf16le'), Buffer.from([0xff, 0xfe, 0x80, 0x41]).toString('ascii'), Buffer.from([0xe9, 0x80]).toString('latin1'));
console.log(Buffer.from([0xe2, 0x82]).toString(), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xf0, 0x9f, 0x98]).toString(), Buffer.from([0xed, 0xa0, 0x80]).toString());
// lone surrogates encode as U+FFFD
console.log(Buffer.from('a\ud800b'), Buffer.from('\udc00'), Buffer.from('\ud83d\ude00'), Buffer.byteLength('a\ud800b'));
// toString ranges
const b = Buffer.from('0123456789');
console.log(b.toString('utf8', 2, 5), b.toString('utf8', -3, 100), b.toString('utf8', 5, 2), b.toString(undefined, 7), b.toString('hex', 8), b.toString('latin1', '2', '4'));
console.log(Buffer.isEncoding('utf8'), Buffer.isEncoding('UCS-2'), Buffer.isEncoding('base64url'), Buffer.isEncoding(''), Buffer.isEncoding('utf32'), Buffer.isEncoding(null));
console.log(Buffer.byteLength('€'), Buffer.byteLength('€', 'ucs2'), Buffer.byteLength('abcd', 'hex'), Buffer.byteLength(new Uint16Array(3)), Buffer.byteLength(new ArrayBuffer(7)), Buffer.byteLength('x', 'bogus'));
