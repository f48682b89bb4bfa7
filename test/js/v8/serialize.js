// v8.serialize/deserialize round trips (structured clone types) and errors.
const v8 = require('v8');
const values = [1, -0, 2 ** 53, 1.5, 'str', 'é€😀', '', true, null, undefined, 10n, -(2n ** 70n), [1, [2, [3]]], { a: 1, b: { c: 'd' } },
  new Map([[1, { x: 1 }], ['k', [2]]]), new Set([1, 'a']), new Date(0), /ab+c/gi, [1, , 3], Object.assign([1], { extra: 'p' }),
  new Uint16Array([1, 2, 65535]), new Float64Array([0.5]), new ArrayBuffer(3), new Error('boom'), new RangeError('r'), new Boolean(false), new String('s'), new Number(3)];
for (const v of values) {
  const b = v8.serialize(v);
  const r = v8.deserialize(b);
  const shown = r instanceof Error ? `${r.name}: ${r.message} ${r.constructor.name}` : require('util').inspect(r, { depth: 4 }).replace(/\n\s*/g, ' ');
  console.log(Buffer.isBuffer(b), b[0], typeof r, shown);
}
const cyc = { name: 'c' };
cyc.self = cyc;
const rc = v8.deserialize(v8.serialize(cyc));
console.log(rc.self === rc, rc.name);
for (const t of [() => v8.serialize(() => 1), () => v8.serialize(Symbol('s')), () => v8.serialize({ f() {} }), () => v8.deserialize('x'), () => v8.deserialize(1), () => new v8.Deserializer({})]) {
  try { console.log(t()); } catch (e) { console.log(e.name, e.code, e.message); }
}
const s = new v8.DefaultSerializer();
s.writeHeader();
s.writeValue({ k: [1, 2] });
const d = new v8.DefaultDeserializer(s.releaseBuffer());
console.log(d.readHeader(), d.readValue());
