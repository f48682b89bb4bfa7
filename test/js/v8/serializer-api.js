// v8.Serializer/Deserializer with Node's delegate hooks, and the exact
// bytes of v8.serialize (Node's DefaultSerializer writes typed arrays and
// Buffers as host objects).
const v8 = require('v8');
for (const v of [1, 'x', { a: [1, 2] }, Buffer.from('hi'), new Uint16Array([1, 2]), new DataView(new ArrayBuffer(2)), [Buffer.from([1]), new Float64Array([0.5])], new Map([[1, new Uint8Array([9])]])]) {
  const b = v8.serialize(v);
  const r = v8.deserialize(b);
  console.log(b.toString('hex'), r, Buffer.isBuffer(r));
}
const pooled = Buffer.from('pooled');
console.log(v8.serialize(pooled).length, pooled.buffer.byteLength > 100);
const s = new v8.Serializer();
s._setTreatArrayBufferViewsAsHostObjects(true);
s._writeHostObject = function (o) { this.writeUint32(7); this.writeUint64(1, 2); this.writeDouble(1.5); this.writeRawBytes(Buffer.from('raw')); };
s.writeHeader();
console.log(s.writeValue({ view: new Uint8Array(2) }));
const buf = s.releaseBuffer();
console.log(Buffer.isBuffer(buf), buf.toString('hex'));
const d = new v8.Deserializer(buf);
d._readHostObject = function () { return { n: this.readUint32(), big: this.readUint64(), dbl: this.readDouble(), raw: this.readRawBytes(3).toString() }; };
console.log(d.readHeader(), d.getWireFormatVersion(), d.readValue(), d.buffer === buf);
const e = new v8.Serializer();
e._getDataCloneError = function (msg) { return new RangeError(`custom: ${msg}`); };
try { e.writeValue(() => {}); } catch (err) { console.log(err.name, err.message); }
try { new v8.Serializer().writeValue(new Uint8Array(1).buffer.constructor); } catch (err) { console.log(err.name, err.message); }
const t = new v8.Serializer();
t.writeHeader();
const ab = new ArrayBuffer(4);
t.transferArrayBuffer(0, ab);
t.writeValue(ab);
const tb = t.releaseBuffer();
const td = new v8.Deserializer(tb);
td.readHeader();
const other = new ArrayBuffer(8);
td.transferArrayBuffer(0, other);
console.log(tb.toString('hex'), td.readValue() === other);
for (const f of [() => v8.Serializer(), () => new v8.Deserializer('x'), () => new v8.Serializer().writeRawBytes('x'), () => new v8.Deserializer(Buffer.from([0xff, 0x0f])).readUint32(), () => v8.deserialize(Buffer.from([1, 2, 3]))]) {
  try { console.log(f()); } catch (err) { console.log(err.name, err.code, err.message); }
}
