// Workers of a primary that uses the inspector each get an inspector port of
// their own: --inspect-port=<debugPort + n>, or settings.inspectPort (a
// number or a function); inspectPort: null is an error.  (Only
// --inspect-port is passed here, which sets the port without starting the
// inspector.)
const cluster = require('cluster');

if (cluster.isWorker) {
  process.send(process.execArgv.join(' '));
} else {
  const runs = [
    { execArgv: ['--inspect-port=9400'] },
    { execArgv: ['--inspect-port=9400'] },
    { execArgv: ['--inspect-port=9400'], inspectPort: 9555 },
    { execArgv: ['--inspect-port=9400'], inspectPort: () => 9600 },
    { execArgv: [] },
  ];
  console.log('primary debugPort', process.debugPort);
  const next = () => {
    const r = runs.shift();
    if (!r) {
      cluster.setupPrimary({ execArgv: ['--inspect-port=9400'], inspectPort: null });
      try { cluster.fork(); } catch (e) { console.log('inspectPort null:', e.code, e.message); }
      return;
    }
    cluster.setupPrimary(r);
    const w = cluster.fork();
    w.on('message', (m) => { console.log(`worker ${w.id} execArgv: ${m}`); w.kill(); });
    w.on('exit', next);
  };
  next();
}
