// FileHandle.readableWebStream: the whole file as a web ReadableStream; the
// handle stays locked; errors when locked or closed.
const fsp = require('fs/promises');
(async () => {
  const fh = await fsp.open(__filename);
  const rs = fh.readableWebStream();
  let n = 0;
  for await (const c of rs) n += c.byteLength;
  console.log(n === require('fs').statSync(__filename).size);
  try { fh.readableWebStream(); } catch (e) { console.log(e.code, e.message); }
  await fh.close();
  try { fh.readableWebStream(); } catch (e) { console.log(e.code, e.message); }
})();
