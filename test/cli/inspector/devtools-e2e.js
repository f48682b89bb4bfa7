// devtools-e2e.js — Chromium's bundled DevTools frontend against devrun-js:
// one headless Chromium serves its frontend at /devtools/inspector.html on
// its remote-debugging port; we open inspector.html?ws=127.0.0.1:PORT/ID
// &panel=console in a new tab of that Chromium (over CDP) and read the
// rendered console from the frontend's DOM (through its shadow roots)
// until it shows the values the app logged.
// Usage: node devtools-e2e.js CHROMIUM_PORT APP_WS_URL
'use strict';
const CDP = require('chrome-remote-interface');
const [rport, appWs] = [Number(process.argv[2]), process.argv[3]];

const deepText = `(function deep(n) {
  let t = '';
  if (n.shadowRoot) t += deep(n.shadowRoot);
  for (const c of n.childNodes) {
    if (c.nodeName === 'STYLE' || c.nodeName === 'SCRIPT') continue;
    t += c.nodeType === 3 ? c.textContent : deep(c);
  }
  return t + ' ';
})(document.body || document.documentElement)`;

(async () => {
  const hostPath = appWs.replace(/^ws:\/\//, '');
  const url = `http://127.0.0.1:${rport}/devtools/inspector.html?ws=${hostPath}&panel=console`;
  const browser = await CDP({ port: rport });
  const { targetId } = await browser.Target.createTarget({ url });
  const targets = await CDP.List({ port: rport });
  const page = await CDP({ port: rport, target: targets.find((t) => t.id === targetId) });
  await page.Runtime.enable();
  const deadline = Date.now() + 60000;
  let text = '';
  while (Date.now() < deadline) {
    const r = await page.Runtime.evaluate({ expression: deepText, returnByValue: true });
    text = (r.result && r.result.value) || '';
    if (/devrun-e2e-marker\s*42/.test(text) && /devrun-e2e-object/.test(text)) {
      console.log('ok DevTools console shows: devrun-e2e-marker 42, devrun-e2e-object Object');
      await page.close();
      await browser.close();
      console.log('PASS');
      return;
    }
    await new Promise((res) => setTimeout(res, 250));
  }
  console.error(`the DevTools console never showed the app's values; page text:\n${text.replace(/\s+/g, ' ').slice(0, 3000)}`);
  process.exit(1);
})().catch((e) => { console.error(e); process.exit(1); });
