// node-inspect.js — Node's own terminal debugger (`node inspect host:port`,
// strict about WebSocket frames) against devrun-js --inspect-brk:
// break on start, setBreakpoint, breakpoints, cont, exec, version, watch.
// Usage: node node-inspect.js PORT
'use strict';
const { Expect } = require('./expect');
const port = process.argv[2];

(async () => {
  const ni = new Expect(process.execPath, ['inspect', `127.0.0.1:${port}`], { env: { ...process.env, NODE_NO_READLINE: '1' } });
  await ni.expect(/Break on start in .*app\.js:8/);
  console.log('ok break on start');
  await ni.expect(/debug> /);
  ni.send('sb(5)');
  await ni.expect(/> 5 +const twice = sum \* 2;/);
  ni.send('breakpoints');
  await ni.expect(/#0 .*app\.js:5/);
  console.log('ok breakpoint listed');
  ni.send('cont');
  await ni.expect(/break in .*app\.js:5/);
  console.log('ok breakpoint hit');
  ni.send('exec [a, b, sum]');
  await ni.expect(/\[ 1, 2, 3 \]/);
  ni.send('exec label.toUpperCase()');
  await ni.expect(/'INSPECTOR-APP'/);
  console.log('ok exec');
  ni.send('version');
  await ni.expect(/\b10\.2\.\d+/);
  console.log('ok version (V8 of devrun-js)');
  ni.send('next');
  await ni.expect(/break in .*app\.js:6/);
  ni.send('exec twice');
  await ni.expect(/\b6\b/);
  console.log('ok next');
  ni.send('clearBreakpoint("app.js", 5)');
  ni.send('exec stop()');
  ni.send('cont');
  await ni.expect(/debug> /);
  ni.send('.exit');
  await ni.exited;
  console.log('PASS');
})().catch((e) => { console.error(e.message); process.exit(1); });
