// bridge-restart.js — a client attached through devrun-inspect sets a
// breakpoint; the app's file changes and the app restarts (this script plays
// the watcher: it waits for the old process to exit before starting the new
// one); the breakpoint hits in the new process, and the client never
// reconnected.  Usage: node bridge-restart.js RUNTIME BRIDGE_PORT TARGET_PORT APP
//   RUNTIME is devrun-js or node (started with --inspect-wait=TARGET_PORT).
'use strict';
const CDP = require('chrome-remote-interface');
const assert = require('assert');
const fs = require('fs');
const { spawn } = require('child_process');
const [runtime, bport, tport, app] = process.argv.slice(2);

let child;
function startApp() {
  child = spawn(runtime, [`--inspect-wait=${tport}`, app], { stdio: ['ignore', 'inherit', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  child.exited = new Promise((r) => child.on('exit', r));
  child.errText = () => err;
  return child;
}

function once(client, event, pred = () => true, ms = 20000) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timeout waiting for ${event}`)), ms);
    const h = (params) => {
      if (!pred(params)) return;
      clearTimeout(t);
      client.removeListener(event, h);
      resolve(params);
    };
    client.on(event, h);
  });
}

async function versionAt(client, paused) {
  const r = await client.Debugger.evaluateOnCallFrame({
    callFrameId: paused.callFrames[0].callFrameId, expression: 'VERSION * 1000 + n' });
  return r.result.value;
}

(async () => {
  startApp();
  // the bridge's list and id are stable; connect through it
  const targets = await CDP.List({ port: bport });
  assert.strictEqual(targets.length, 1);
  const id = targets[0].id;
  const client = await CDP({ port: bport, target: targets[0] });
  let disconnects = 0;
  client.on('disconnect', () => { disconnects++; });
  const destroyed = [];
  client.on('Runtime.executionContextDestroyed', (p) => destroyed.push(p));
  await client.Runtime.enable();
  await client.Debugger.enable();
  await client.Debugger.setPauseOnExceptions({ state: 'none' });
  const bp = await client.Debugger.setBreakpointByUrl({ url: `file://${app}`, lineNumber: 4 });
  let hit = once(client, 'Debugger.paused', (p) => p.hitBreakpoints && p.hitBreakpoints.includes(bp.breakpointId));
  await client.Runtime.runIfWaitingForDebugger();
  let paused = await hit;
  assert.strictEqual(await versionAt(client, paused), 1007);
  console.log('ok breakpoint hit in the first process (VERSION 1)');
  await client.Debugger.removeBreakpoint({ breakpointId: bp.breakpointId });
  const bp2 = await client.Debugger.setBreakpointByUrl({ url: `file://${app}`, lineNumber: 4 });
  await client.Debugger.resume();

  // the file changes; the watcher stops the old process, waits, starts the new one
  fs.writeFileSync(app, fs.readFileSync(app, 'utf8').replace('const VERSION = 1;', 'const VERSION = 2;'));
  const gone = once(client, 'Runtime.executionContextDestroyed');
  const old = child;
  old.kill('SIGTERM');
  await old.exited;
  await gone;
  // (the old process may have paused again before it died: listen only now)
  hit = once(client, 'Debugger.paused', (p) => p.hitBreakpoints && p.hitBreakpoints.includes(bp2.breakpointId), 30000);
  console.log('ok client told the old context is gone');
  const created = once(client, 'Runtime.executionContextCreated');
  startApp();
  const ctx = await created;
  assert.strictEqual(ctx.context.id, 1);
  paused = await hit;
  assert.strictEqual(await versionAt(client, paused), 2007);
  console.log('ok breakpoint set before the restart hit in the new process (VERSION 2)');
  // the bridge kept its id, and the client never reconnected
  const again = await CDP.List({ port: bport });
  assert.strictEqual(again[0].id, id);
  assert.strictEqual(again[0].url, `file://${app}`, 'the bridge shows the app\'s url');
  assert.strictEqual(again[0].title, app);
  assert.strictEqual(disconnects, 0);
  const r = await client.Runtime.evaluate({ expression: 'typeof process.pid', contextId: 1 });
  assert.strictEqual(r.result.value, 'number');
  await client.Debugger.removeBreakpoint({ breakpointId: bp2.breakpointId });
  await client.Debugger.resume();
  // the app ends by itself: the bridge leaves it, so it does not wait for
  // the debugger to disconnect, and the client stays attached to the bridge
  const gone2 = once(client, 'Runtime.executionContextDestroyed');
  await client.Runtime.evaluate({ expression: 'setTimeout(() => process.exit(0), 20), 0' });
  await gone2;
  const code = await Promise.race([child.exited, new Promise((r) => setTimeout(() => r('hung'), 15000).unref())]);
  assert.strictEqual(code, 0, `the app exited (${code})`);
  assert.strictEqual(disconnects, 0);
  console.log('ok the app exited by itself while a client was attached through the bridge');
  await client.close();
  console.log('PASS');
})().catch((e) => {
  console.error(e);
  if (child) { console.error('--- app stderr:\n' + child.errText()); child.kill('SIGKILL'); }
  process.exit(1);
});
