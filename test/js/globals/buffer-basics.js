// Buffer, a Node global every package touches.
const b = Buffer.from("héllo");
console.log(b, b.length, b.toString("hex"), b.toString("base64"));
console.log(Buffer.alloc(3), Buffer.from([1, 2, 3]).equals(Buffer.from("010203", "hex")));
console.log(Buffer.concat([Buffer.from("a"), Buffer.from("b")]).toString(), Buffer.isBuffer(b), b instanceof Uint8Array);
console.log(Buffer.byteLength("€"), b.slice(1, 3), JSON.stringify(Buffer.from("hi")));
