// readable.asIndexedPairs() is deprecated: one DeprecationWarning, however
// many calls.
const { Readable } = require('stream');
process.on('warning', (w) => console.log('warning:', w.name, w.code, w.message));
(async () => {
  console.log(await Readable.from(['a', 'b']).asIndexedPairs().toArray());
  console.log(await Readable.from(['c']).asIndexedPairs().toArray());
})();
