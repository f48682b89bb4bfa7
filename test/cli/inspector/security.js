// security.js — the inspector's HTTP/WebSocket gate, checked with raw
// sockets: Host header guard (DNS rebinding) on HTTP and on upgrades, wrong
// or missing target id, unknown paths, discovery fields, a good upgrade.
// Usage: node security.js PORT ID
'use strict';
const net = require('net');
const assert = require('assert');
const crypto = require('crypto');
const [port, id] = [Number(process.argv[2]), process.argv[3]];

function raw(request) {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1');
    let data = '';
    s.on('data', (d) => {
      data += d;
      if (/^HTTP\/1\.1 101/.test(data) && data.includes('\r\n\r\n')) { s.destroy(); resolve(data); }
    });
    s.on('end', () => resolve(data));
    s.on('close', () => resolve(data));
    s.on('error', reject);
    s.write(request);
    const t = setTimeout(() => { s.destroy(); resolve(data); }, 5000);
    s.on('close', () => clearTimeout(t));
  });
}
const status = (r) => Number((r.match(/^HTTP\/1\.[01] (\d+)/) || [])[1] || 0);
const get = (path, host = `127.0.0.1:${port}`) =>
  raw(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
const upgrade = (path, host = `127.0.0.1:${port}`) =>
  raw(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`);

(async () => {
  // discovery works for loopback hosts and "localhost"
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
    const r = await get('/json/list', host);
    assert.strictEqual(status(r), 200, `Host ${host}: ${r}`);
    assert.match(r, /content-type: application\/json; charset=UTF-8/i);
    assert.match(r, /cache-control: no-cache/i);
    const list = JSON.parse(r.slice(r.indexOf('\r\n\r\n') + 4));
    assert.strictEqual(list[0].id, id);
    assert.strictEqual(list[0].webSocketDebuggerUrl, `ws://${host}/${id}`);
  }
  console.log('ok discovery for 127.0.0.1, localhost, [::1]');
  // DNS rebinding: a name that is not localhost or an IP literal gets 400
  for (const host of ['evil.example', `evil.example:${port}`, 'localhost.evil.example', '0.0.0.0', '[::]']) {
    const r = await get('/json/list', host);
    assert.strictEqual(status(r), 400, `Host ${host} must be refused: ${r}`);
    assert.ok(!r.includes(id), 'no target id leaked');
    const u = await upgrade(`/${id}`, host);
    assert.notStrictEqual(status(u), 101, `upgrade with Host ${host} must be refused`);
  }
  console.log('ok Host: evil.example refused (HTTP and WebSocket)');
  // wrong / missing id, unknown paths
  for (const path of ['/', '/00000000-0000-4000-8000-000000000000', `/${id}x`, '/json/list']) {
    const u = await upgrade(path);
    assert.notStrictEqual(status(u), 101, `upgrade to ${path} must be refused`);
  }
  const bad = await get('/nope');
  assert.strictEqual(status(bad), 400);
  assert.match(bad, /WebSockets request was expected/);
  console.log('ok wrong id and unknown paths refused');
  // the right id upgrades
  const ok = await upgrade(`/${id}`);
  assert.strictEqual(status(ok), 101, ok);
  assert.ok(!/sec-websocket-extensions/i.test(ok), 'no permessage-deflate');
  // /json/version and /json/protocol
  const v = await get('/json/version');
  const ver = JSON.parse(v.slice(v.indexOf('\r\n\r\n') + 4));
  assert.deepStrictEqual(Object.keys(ver).sort(), ['Browser', 'Protocol-Version']);
  const p = await get('/json/protocol');
  const proto = JSON.parse(p.slice(p.indexOf('\r\n\r\n') + 4));
  const domains = proto.domains.map((d) => d.domain);
  for (const d of ['Runtime', 'Debugger', 'Profiler', 'HeapProfiler', 'NodeWorker', 'NodeRuntime'])
    assert.ok(domains.includes(d), `protocol has ${d}`);
  console.log('ok /json/version and /json/protocol (' + domains.length + ' domains)');
  console.log('PASS');
})().catch((e) => { console.error(e); process.exit(1); });
