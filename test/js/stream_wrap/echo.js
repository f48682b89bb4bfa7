// JSStreamSocket over a PassThrough: what is written to the socket comes back
// as its data (an echo), with net.Socket's API on top: strings and
// encodings, writev (cork), setEncoding, pause/resume, bytesRead/Written.
const { PassThrough, Duplex } = require('stream');
const net = require('net');
const JSStreamSocket = require('_stream_wrap');

const pt = new PassThrough();
const s = new JSStreamSocket(pt);
console.log('is net.Socket:', s instanceof net.Socket, 'stream kept:', s.stream === pt);
console.log('addresses:', s.remoteAddress, s.remotePort, s.localAddress);
console.log('pending:', s.pending, 'readyState:', s.readyState);

const got = [];
s.on('data', (d) => got.push(Buffer.isBuffer(d) ? d.toString('hex') : d));
s.write('hello ');
s.write(Buffer.from('world'));
s.write('c3a9', 'hex');
s.cork();
s.write('a');
s.write('b');
s.uncork();
s.write('done', () => {
  setImmediate(() => {
    console.log('echoed:', got.map((h) => Buffer.from(h, 'hex').toString()).join(''));
    console.log('bytesWritten:', s.bytesWritten, 'bytesRead:', s.bytesRead);
    second();
  });
});

// A hand-made Duplex that answers every write with its upper-case form;
// the socket reads it with an encoding and is paused for a while.
function second() {
  const upper = new Duplex({
    read() {},
    write(chunk, enc, cb) { this.push(chunk.toString().toUpperCase()); cb(); },
  });
  const s2 = new JSStreamSocket(upper);
  s2.setEncoding('utf8');
  let text = '';
  s2.on('data', (d) => { text += d; });
  s2.pause();
  s2.write('quiet ');
  s2.write('please', () => {
    setImmediate(() => {
      console.log('while paused:', JSON.stringify(text));
      s2.resume();
      setImmediate(() => {
        console.log('after resume:', JSON.stringify(text));
        third();
      });
    });
  });
}

// A stream in object mode or with an encoding cannot be wrapped: the first
// chunk is an ERR_STREAM_WRAP error.
function third() {
  const pt3 = new PassThrough();
  pt3.setEncoding('utf8');
  const s3 = new JSStreamSocket(pt3);
  s3.on('error', (e) => console.log('error:', e.code, e.message));
  s3.on('data', (d) => console.log('unexpected data', d));
  pt3.write('x');
}
