// Hash, Hmac and Cipheriv are streams: write/end/read, pipe, and 'data'.
const crypto = require('crypto');
const { Readable, pipeline } = require('stream');
const h = crypto.createHash('sha256');
h.on('readable', () => {
  const d = h.read();
  if (d) console.log('readable', d.toString('hex'));
});
h.write('hello ');
h.end('world');
const m = crypto.createHmac('sha1', 'k');
m.setEncoding('hex');
m.on('data', (d) => console.log('hmac data', d));
m.end('abc');
pipeline(Readable.from(['a', 'b', 'c']), crypto.createHash('md5'), async function* (src) {
  for await (const chunk of src) console.log('pipeline', chunk.toString('hex'));
}, (err) => console.log('pipeline done', err));
const key = Buffer.alloc(16, 7), iv = Buffer.alloc(16, 9);
const c = crypto.createCipheriv('aes-128-cbc', key, iv);
const parts = [];
c.on('data', (d) => parts.push(d));
c.on('end', () => {
  const ct = Buffer.concat(parts);
  console.log('cipher stream', ct.toString('hex'));
  const d = crypto.createDecipheriv('aes-128-cbc', key, iv);
  console.log('round trip', Buffer.concat([d.update(ct), d.final()]).toString());
});
c.write('stream ');
c.end('of text that spans blocks');
