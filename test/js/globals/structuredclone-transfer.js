// transfer detaches the source ArrayBuffer.
const buf = new ArrayBuffer(8);
new Uint8Array(buf)[0] = 7;
const moved = structuredClone(buf, { transfer: [buf] });
console.log(buf.byteLength, moved.byteLength, new Uint8Array(moved)[0]);
