// emitKeypressEvents: the key objects for printable keys, control keys,
// arrows with modifiers, function keys, meta (ESC prefix) and a lone ESC
// completed by the escape timeout.
const readline = require('readline');
const { PassThrough } = require('stream');
const input = new PassThrough();
readline.emitKeypressEvents(input, { escapeCodeTimeout: 10 });
const keys = [];
input.on('keypress', (s, k) => keys.push(JSON.stringify([s, k])));
input.write('aZ1 \t\r\n\x7f\x03');
input.write('\x1b[A\x1b[1;5C\x1b[3~\x1bOP\x1b[15~\x1b[Z\x1bb\x1b\x1b[D');
input.write('é😀');
input.write('\x1b');
setTimeout(() => {
  console.log(keys.join('\n'));
  readline.emitKeypressEvents(input);
  console.log('second call is a no-op', input.listenerCount('data'));
}, 50);
