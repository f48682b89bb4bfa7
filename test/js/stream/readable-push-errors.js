// push after EOF, push of an invalid chunk, _read not implemented.
const { Readable } = require('stream');
const a = new Readable({ read() {} });
a.on('error', (e) => console.log('a error', e.code, e.message));
a.on('close', () => console.log('a close', a.destroyed, a.errored && a.errored.code));
a.push('x');
a.push(null);
a.push('y');

const b = new Readable({ read() {} });
b.on('error', (e) => console.log('b error', e.name, e.code, e.message));
b.push(42);

const c = new Readable();
c.on('error', (e) => console.log('c error', e.code, e.message));
c.resume();

const d = new Readable({ read() {}, autoDestroy: false });
d.on('error', (e) => console.log('d error', e.code, d.destroyed));
d.push(null);
d.push('again');
setTimeout(() => console.log('d destroyed', d.destroyed), 10);
