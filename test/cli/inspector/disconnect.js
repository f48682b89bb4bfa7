// disconnect.js — VS Code's way to leave an --inspect-brk app at its end:
// NodeRuntime.notifyWhenWaitingForDisconnect {enabled:true}, then at exit
// the app sends NodeRuntime.waitingForDisconnect (not the context's
// destruction) and waits until the client closes.  Usage: node disconnect.js PORT
'use strict';
const CDP = require('chrome-remote-interface');
const assert = require('assert');
(async () => {
  const client = await CDP({ port: Number(process.argv[2]) });
  let destroyed = false;
  client.on('Runtime.executionContextDestroyed', () => { destroyed = true; });
  const waiting = new Promise((res) => client.on('NodeRuntime.waitingForDisconnect', res));
  await client.send('NodeRuntime.enable');
  await client.send('NodeRuntime.notifyWhenWaitingForDisconnect', { enabled: true });
  await client.Runtime.enable();
  await client.Runtime.runIfWaitingForDebugger();
  await waiting;
  assert.strictEqual(destroyed, false);
  console.log('ok NodeRuntime.waitingForDisconnect');
  await client.close();
  console.log('PASS');
})().catch((e) => { console.error(e); process.exit(1); });
