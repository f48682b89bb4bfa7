// pino with a transport: the log lines are written by a worker thread
// (thread-stream: SharedArrayBuffer ring buffer + Atomics) to a file.
const fs = require('fs');
const os = require('os');
const path = require('path');
const pino = require('pino');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pino-'));
const file = path.join(dir, 'out.log');
const transport = pino.transport({ target: 'pino/file', options: { destination: file } });
const logger = pino({ base: { svc: 'demo' }, timestamp: false }, transport);
for (let i = 0; i < 3; i++) logger.info({ i }, 'line %d', i);
logger.warn('done');
const keepAlive = setInterval(() => {}, 1000); // thread-stream unrefs its worker
transport.on('close', () => {
  clearInterval(keepAlive);
  console.log(fs.readFileSync(file, 'utf8'));
  fs.rmSync(dir, { recursive: true });
});
transport.end();
