// require('_stream_wrap') warns once with DEP0125 (the stderr line Node
// prints, its pid replaced) and returns JSStreamSocket, a net.Socket class.
const { spawnSync } = require('child_process');

if (process.argv[2] === 'child') {
  process.on('warning', (w) => console.log('warning event:', w.name, w.code, w.message));
  const JSStreamSocket = require('_stream_wrap');
  const again = require('_stream_wrap');
  const net = require('net');
  console.log('same module:', again === JSStreamSocket);
  console.log('node: prefix:', require('node:_stream_wrap') === JSStreamSocket);
  console.log('function:', typeof JSStreamSocket, JSStreamSocket.name);
  console.log('extends net.Socket:', JSStreamSocket.prototype instanceof net.Socket);
  return;
}

const r = spawnSync(process.execPath, [__filename, 'child'], { encoding: 'utf8' });
console.log('status', r.status);
process.stdout.write(r.stdout);
const lines = r.stderr.split('\n').filter((l) => l !== '');
const pidShape = /^\((node|devrun-js):\d+\) /;
console.log('stderr lines:', lines.length);
console.log('first line has a pid prefix:', pidShape.test(lines[0] || ''));
for (const l of lines) console.log('stderr:', l.replace(/^\(node:\d+\)/, '(node:PID)'));

// --no-deprecation silences it (no 'warning' event either)
const q = spawnSync(process.execPath, ['--no-deprecation', __filename, 'child'], { encoding: 'utf8' });
console.log('--no-deprecation: status', q.status, 'stderr', JSON.stringify(q.stderr));
console.log('--no-deprecation: warning events', q.stdout.split('\n').filter((l) => l.startsWith('warning event')).length);
