// robustness.js — hostile or odd input on the WebSocket must not hurt the
// process: non-JSON, missing method, bad params, non-BMP text, a binary
// frame (closes that session only), a 5 MiB message, and a client that
// vanishes while the program is paused (the program resumes).
// Usage: node robustness.js WS_URL   (ws comes with chrome-remote-interface)
'use strict';
const WebSocket = require('ws');
const assert = require('assert');
const url = process.argv[2];

const conn = () => new Promise((res, rej) => {
  const w = new WebSocket(url, { perMessageDeflate: false });
  w.on('open', () => res(w));
  w.on('error', rej);
});
const call = (w, msg) => new Promise((res) => { w.once('message', (d) => res(JSON.parse(String(d)))); w.send(msg); });

(async () => {
  let w = await conn();
  assert.strictEqual((await call(w, 'not json')).error.code, -32700);
  assert.strictEqual((await call(w, '{"id":1}')).error.code, -32600);
  assert.strictEqual((await call(w, '{"id":2,"method":"Runtime.evaluate","params":{"expression":5}}')).error.code, -32602);
  const u = await call(w, JSON.stringify({ id: 3, method: 'Runtime.evaluate', params: { expression: '"héllo 😀 \u2028"' } }));
  assert.strictEqual(u.result.result.value, 'héllo 😀 \u2028');
  console.log('ok malformed requests get CDP errors; UTF-8 both ways');
  await new Promise((r) => { w.on('close', r); w.send(Buffer.from([1, 2, 3]), { binary: true }); });
  console.log('ok a binary frame closes the session');
  w = await conn();
  const big = 'x'.repeat(5 << 20);
  const r = await call(w, JSON.stringify({ id: 4, method: 'Runtime.evaluate', params: { expression: `"${big}".length` } }));
  assert.strictEqual(r.result.result.value, 5 << 20);
  console.log('ok 5 MiB message');
  await call(w, '{"id":5,"method":"Debugger.enable"}');
  const paused = new Promise((res) => w.on('message', (d) => { if (String(d).includes('"Debugger.paused"')) res(); }));
  w.send('{"id":6,"method":"Debugger.pause"}');
  await paused;
  w.terminate();
  const t0 = await (async () => { const x = await conn(); const v = await call(x, '{"id":7,"method":"Runtime.evaluate","params":{"expression":"globalThis.ticks"}}'); x.close(); return v.result.result.value; })();
  await new Promise((res) => setTimeout(res, 300));
  w = await conn();
  const t1 = (await call(w, '{"id":8,"method":"Runtime.evaluate","params":{"expression":"globalThis.ticks"}}')).result.result.value;
  assert.ok(t1 > t0, `the program resumed after its paused client vanished (${t0} -> ${t1})`);
  console.log('ok a client that vanishes while paused lets the program run on');
  w.close();
  console.log('PASS');
})().catch((e) => { console.error(e); process.exit(1); });
