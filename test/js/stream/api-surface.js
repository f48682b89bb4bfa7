// The public surface: what the stream, stream/promises, readline and
// readline/promises modules export, and the own methods/getters of each
// stream class's prototype (names only).
const stream = require('stream');
const readline = require('readline');
const names = (o) => Object.getOwnPropertyNames(o).filter((k) => !['length', 'name', 'prototype', 'caller', 'arguments', 'constructor'].includes(k)).sort().join(' ');
const syms = (o) => Object.getOwnPropertySymbols(o).map(String).sort().join(' ');
console.log('stream:', names(stream));
console.log('stream/promises:', names(require('stream/promises')));
console.log('readline:', names(readline));
console.log('readline/promises:', names(require('readline/promises')));
for (const c of ['Readable', 'Writable', 'Duplex', 'Transform', 'PassThrough']) {
  console.log(`${c} static:`, names(stream[c]));
  console.log(`${c}.prototype:`, names(stream[c].prototype), '|', syms(stream[c].prototype));
}
console.log('Readline.prototype:', names(require('readline/promises').Readline.prototype));
const web = require('stream/web');
for (const c of ['ReadableStream', 'WritableStream', 'TransformStream', 'ReadableStreamDefaultReader', 'WritableStreamDefaultWriter', 'TextEncoderStream', 'TextDecoderStream']) {
  console.log(`web ${c}:`, names(web[c].prototype), '| static', names(web[c]));
}
