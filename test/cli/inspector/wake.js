// wake.js — messages must reach the JS thread in each of its states:
// idle in the event loop (uv_async), busy running JavaScript
// (Isolate::RequestInterrupt) — the app spins in a synchronous loop until
// the client sets a flag through Runtime.evaluate — and, for --inspect-wait,
// before the app runs (no output until Runtime.runIfWaitingForDebugger, no
// pause either).  Usage: node wake.js PORT MODE   (MODE: idle|busy|wait)
'use strict';
const CDP = require('chrome-remote-interface');
const assert = require('assert');
const fs = require('fs');
const [port, mode, outFile] = [Number(process.argv[2]), process.argv[3], process.argv[4]];

(async () => {
  const client = await CDP({ port });
  let paused = 0;
  client.on('Debugger.paused', () => { paused++; });
  if (mode === 'wait') {
    await client.Debugger.enable();
    await new Promise((r) => setTimeout(r, 300));
    assert.strictEqual(fs.readFileSync(outFile, 'utf8'), '', 'the app ran before runIfWaitingForDebugger');
    await client.Runtime.runIfWaitingForDebugger();
    const deadline = Date.now() + 10000;
    while (!fs.readFileSync(outFile, 'utf8').includes('started') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    assert.match(fs.readFileSync(outFile, 'utf8'), /started/);
    assert.strictEqual(paused, 0, '--inspect-wait must not pause');
    console.log('ok --inspect-wait waited, then ran without pausing');
  }
  const r = await client.Runtime.evaluate({ expression: 'globalThis.spinning === true ? "busy" : "idle"' });
  assert.strictEqual(r.result.value, mode === 'busy' ? 'busy' : 'idle');
  console.log(`ok evaluated while ${r.result.value}`);
  await client.Runtime.evaluate({ expression: 'globalThis.done = true' });
  await client.close();
  console.log('PASS');
})().catch((e) => { console.error(e); process.exit(1); });
