// v8.serialize keeps Buffers as Buffers (Node's DefaultSerializer writes
// them as host objects).
const v8 = require('v8');
const r = v8.deserialize(v8.serialize({ b: Buffer.from('hi'), u: new Uint8Array([1]) }));
console.log(Buffer.isBuffer(r.b), r.b, r.u);
