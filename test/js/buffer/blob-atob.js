// Blob/File and atob/btoa (WHATWG forgiving base64), including errors.
const { Blob, File, atob, btoa } = require('buffer');
console.log(globalThis.Blob === Blob, globalThis.atob === atob, globalThis.btoa === btoa);
const b = new Blob(['ab', new Uint8Array([99, 100]), new Blob(['ef'])], { type: 'Text/Plain;charset=UTF-8' });
console.log(b, b.size, b.type, Object.prototype.toString.call(b));
const s = b.slice(1, -1, 'x/y');
console.log(s.size, s.type, b.slice(-2).size, b.slice(10).size, new Blob().size, new Blob([], { type: '\u00e9' }).type);
(async () => {
  console.log(await b.text(), await s.text(), new Uint8Array(await b.arrayBuffer()));
  const f = new File(['hello'], 'h.txt', { type: 'text/plain', lastModified: 42 });
  console.log(f.name, f.size, f.type, f.lastModified, f instanceof Blob, await f.text());
  for (const t of [() => new Blob('abc'), () => new Blob([], 1), () => new File(['x'])]) {
    try { t(); } catch (e) { console.log(e.name, e.code, e.message); }
  }
  console.log(btoa(''), btoa('a'), btoa('ab'), btoa('abc'), btoa('\u00ff\u00fe'), btoa(123), btoa(null));
  console.log(atob(''), atob('YQ'), atob('YWI='), atob(' YW Jj\n'), atob('YWJj'), JSON.stringify(atob('//79')), atob(undefined === 1 ? '' : 'dW5kZWZpbmVk'));
  for (const t of [() => btoa('\u0100'), () => atob('a'), () => atob('Y==='), () => atob('YQ=a'), () => atob('Y!Q'), () => atob('YQ-_'), () => atob('abc=d'), () => atob(), () => btoa()]) {
    try { console.log(t()); } catch (e) { console.log(e.name, e.code, e.message); }
  }
})();
