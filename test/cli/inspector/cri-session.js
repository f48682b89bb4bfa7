// cri-session.js — drives devrun-js (or node) through chrome-remote-interface:
// Break on start, breakpoint by URL with call frames and scope variables,
// stepping, evaluation (VS Code's process.pid/version/arch in context 1),
// console messages, a heap snapshot, a CPU profile, Node-only and unknown
// methods, then stops the app.  Usage: node cri-session.js PORT APP_PATH
'use strict';
const CDP = require('chrome-remote-interface');
const assert = require('assert');

const [port, appPath] = [Number(process.argv[2]), process.argv[3]];

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

async function main() {
  const targets = await CDP.List({ host: '127.0.0.1', port });
  assert.strictEqual(targets.length, 1);
  assert.strictEqual(targets[0].type, 'node');
  assert.strictEqual(targets[0].url, `file://${appPath}`);
  const version = await CDP.Version({ host: '127.0.0.1', port });
  assert.match(version.Browser, /^node\.js\/v\d+/);
  assert.strictEqual(version['Protocol-Version'], '1.1');

  const client = await CDP({ host: '127.0.0.1', port, target: targets[0] });
  const { Runtime, Debugger, HeapProfiler, Profiler } = client;
  const logs = [];
  client.on('Runtime.consoleAPICalled', (p) => logs.push(p));
  const contexts = [];
  client.on('Runtime.executionContextCreated', (p) => contexts.push(p.context));

  // js-debug sends this one without waiting for it
  assert.deepStrictEqual(await client.send('NodeWorker.enable', { waitForDebuggerOnStart: false }), {});
  await Runtime.enable();
  assert.ok(contexts.some((c) => c.id === 1 && c.auxData && c.auxData.isDefault === true),
    `default context 1: ${JSON.stringify(contexts)}`);
  const scripts = new Map();
  client.on('Debugger.scriptParsed', (p) => scripts.set(p.scriptId, p.url));
  await Debugger.enable();
  const pausedStart = once(client, 'Debugger.paused');
  await Runtime.runIfWaitingForDebugger();
  const start = await pausedStart;
  assert.strictEqual(start.reason, 'Break on start');
  // V8 10.2 leaves the deprecated CallFrame.url empty: resolve through scriptParsed
  assert.strictEqual(scripts.get(start.callFrames[0].location.scriptId), `file://${appPath}`);
  assert.strictEqual(start.callFrames[0].location.lineNumber, 7); // `let total = 0;`
  console.log('ok break on start at line', start.callFrames[0].location.lineNumber);

  // VS Code's probes, in context 1, while paused
  for (const expr of ['process.pid', 'process.version', 'process.arch']) {
    const r = await Runtime.evaluate({ expression: expr, contextId: 1, returnByValue: true });
    assert.ok(!r.exceptionDetails, `${expr}: ${JSON.stringify(r.exceptionDetails)}`);
    assert.ok(r.result.value !== undefined, expr);
  }

  // breakpoint by URL on `const twice = sum * 2;` (line 4, 0-based)
  const bp = await Debugger.setBreakpointByUrl({ url: `file://${appPath}`, lineNumber: 4 });
  assert.ok(bp.breakpointId);
  const hit = once(client, 'Debugger.paused', (p) => p.hitBreakpoints && p.hitBreakpoints.length);
  await Debugger.resume();
  const paused = await hit;
  const top = paused.callFrames[0];
  assert.strictEqual(top.functionName, 'add');
  assert.strictEqual(top.location.lineNumber, 4);
  assert.deepStrictEqual(paused.hitBreakpoints, [bp.breakpointId]);
  const local = top.scopeChain.find((s) => s.type === 'local');
  const props = await Runtime.getProperties({ objectId: local.object.objectId, ownProperties: true });
  const vars = Object.fromEntries(props.result.map((p) => [p.name, p.value && p.value.value]));
  assert.strictEqual(vars.a, 1);
  assert.strictEqual(vars.b, 2);
  assert.strictEqual(vars.sum, 3);
  console.log('ok breakpoint in add(), locals', JSON.stringify(vars));

  // step over twice: to `return twice;` where twice === 6
  let step = once(client, 'Debugger.paused');
  await Debugger.stepOver();
  let p2 = await step;
  assert.strictEqual(p2.callFrames[0].location.lineNumber, 5);
  const ev = await Debugger.evaluateOnCallFrame({ callFrameId: p2.callFrames[0].callFrameId, expression: 'twice + sum' });
  assert.strictEqual(ev.result.value, 9);
  console.log('ok step over, evaluateOnCallFrame twice + sum =', ev.result.value);
  // step out into the interval callback
  step = once(client, 'Debugger.paused');
  await Debugger.stepOut();
  p2 = await step;
  assert.notStrictEqual(p2.callFrames[0].functionName, 'add');
  await Debugger.removeBreakpoint({ breakpointId: bp.breakpointId });
  const resumed = once(client, 'Debugger.resumed');
  await Debugger.resume();
  await resumed;

  // evaluation while running, and console values reaching the client
  const two = await Runtime.evaluate({ expression: '1+1' });
  assert.strictEqual(two.result.value, 2);
  const deadline = Date.now() + 10000;
  while (!logs.some((l) => l.type === 'log' && l.args[0].value === 'total is') && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  const log = logs.find((l) => l.type === 'log' && l.args[0].value === 'total is');
  assert.ok(log, 'console.log reached Runtime.consoleAPICalled');
  assert.strictEqual(log.args[1].type, 'number');
  assert.strictEqual(log.executionContextId, 1);
  console.log('ok console.log ->', log.args.map((a) => a.value ?? a.description).join(' '));

  // heap snapshot through HeapProfiler
  let chunks = '';
  client.on('HeapProfiler.addHeapSnapshotChunk', (p) => { chunks += p.chunk; });
  await HeapProfiler.enable();
  await HeapProfiler.takeHeapSnapshot({ reportProgress: false });
  const snap = JSON.parse(chunks);
  assert.ok(snap.snapshot.meta.node_fields.includes('name'));
  assert.ok(snap.snapshot.node_count > 1000, `node_count ${snap.snapshot.node_count}`);
  assert.ok(snap.strings.includes('inspector-app'), 'snapshot has the app string');
  console.log('ok heap snapshot,', snap.snapshot.node_count, 'nodes,', chunks.length, 'bytes');

  // CPU profile through Profiler
  await Profiler.enable();
  await Profiler.setSamplingInterval({ interval: 100 });
  await Profiler.start();
  await Runtime.evaluate({ expression: 'function spin(){let x=0;for(let i=0;i<3e6;i++)x+=Math.sqrt(i);return x} for(let k=0;k<5;k++) spin()' });
  const { profile } = await Profiler.stop();
  assert.ok(profile.nodes.length > 2);
  assert.ok(profile.samples.length > 0);
  assert.ok(profile.nodes.some((n) => n.callFrame.functionName === 'spin'), 'spin() sampled');
  console.log('ok cpu profile,', profile.nodes.length, 'nodes,', profile.samples.length, 'samples');

  // unknown methods get a CDP error, not silence
  await assert.rejects(client.send('NoSuch.method', {}), /wasn't found/);
  console.log('ok unknown method rejected');

  // the app ends; with --inspect-brk it waits for us, telling us the context is gone
  const destroyed = once(client, 'Runtime.executionContextDestroyed');
  await Runtime.evaluate({ expression: 'stop()' });
  const d = await destroyed;
  assert.strictEqual(d.executionContextId, 1);
  console.log('ok context destroyed at exit');
  await client.close();
}

main().then(() => console.log('PASS'), (e) => { console.error(e); process.exit(1); });
