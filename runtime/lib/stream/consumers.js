'use strict';
// stream/consumers — read a whole stream (Node stream, web ReadableStream or
// any async iterable) as text, JSON, a Buffer, an ArrayBuffer or a Blob.

async function buffer(stream) {
  const { Buffer } = require('buffer');
  const chunks = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer ? chunk : new Uint8Array(chunk)));
  }
  return Buffer.concat(chunks);
}

async function text(stream) {
  const dec = new (require('internal/encoding').TextDecoder)();
  let out = '';
  for await (const chunk of stream) {
    out += typeof chunk === 'string' ? chunk : dec.decode(chunk, { stream: true });
  }
  return out + dec.decode();
}

async function json(stream) { return JSON.parse(await text(stream)); }

async function arrayBuffer(stream) {
  const b = await buffer(stream);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
}

async function blob(stream) {
  const { Blob } = require('buffer');
  return new Blob([await buffer(stream)]);
}

module.exports = { arrayBuffer, blob, buffer, json, text };
