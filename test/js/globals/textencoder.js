// TextEncoder / TextDecoder (UTF-8).
const enc = new TextEncoder();
console.log(enc.encoding, enc.encode("héllo €"), enc.encode(""));
const dst = new Uint8Array(4);
console.log(enc.encodeInto("a€b", dst), dst);
const dec = new TextDecoder();
console.log(dec.encoding, dec.fatal, dec.ignoreBOM);
console.log(dec.decode(new Uint8Array([0x68, 0xc3, 0xa9, 0xe2, 0x82, 0xac])));
console.log(JSON.stringify(dec.decode(new Uint8Array([0xff, 0x41]))));
console.log(JSON.stringify(new TextDecoder().decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))));
try { new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array([0xff])); }
catch (e) { console.log(e.name, e.code); }
const s = new TextDecoder();
console.log(s.decode(new Uint8Array([0xe2, 0x82]), { stream: true }) + s.decode(new Uint8Array([0xac])));
console.log(new TextDecoder("utf-16le").decode(new Uint8Array([0x68, 0, 0x69, 0])));
