// readable.wrap() over an old-style stream (EventEmitter with data/end and
// pause/resume), and the legacy Stream.prototype.pipe.
const { Readable, Stream, Writable } = require('stream');
const EventEmitter = require('events');
const old = new EventEmitter();
old.pause = () => console.log('old paused');
old.resume = () => console.log('old resumed');
const r = new Readable({ highWaterMark: 2 }).wrap(old);
old.emit('data', Buffer.from('abc'));
old.emit('data', Buffer.from('def'));
old.emit('end');
const got = [];
r.on('data', (d) => got.push(String(d)));
r.on('end', () => console.log('wrapped', got.join(',')));

const legacy = new Stream();
legacy.readable = true;
const sink = new Writable({ write(c, e, cb) { console.log('legacy wrote', String(c)); cb(); } });
sink.on('finish', () => console.log('legacy dest finished'));
legacy.pipe(sink);
legacy.emit('data', 'L1');
legacy.emit('end');
console.log(Stream === require('stream'), Stream.Stream === Stream, new Readable() instanceof Stream, new Readable() instanceof EventEmitter);
