// Typed arrays, ArrayBuffer, DataView, Buffer.
console.log(new Uint8Array([1, 2, 3]), new Float64Array(2), new Int16Array([-1, 300]), new BigInt64Array([1n]));
console.log(new ArrayBuffer(4), new DataView(new ArrayBuffer(2)));
console.log(Buffer.from("abc"), Buffer.alloc(60));
console.log(new Uint8Array(120));
console.log(new SharedArrayBuffer(2));
