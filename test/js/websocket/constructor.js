// The constructor: argument checks and URL/protocol validation throw at once
// (DOMException SyntaxError with undici's messages); a valid URL is
// normalised (http: -> ws:, https: -> wss:) and starts connecting.  A
// connection that cannot be made fires 'error' ("Received network error or
// non-101 status code.") and, as in Node 20, no 'close': readyState stays
// CONNECTING.
const net = require('net');
const show = (e) => console.log(e.name, e.constructor.name, e.code, JSON.stringify(e.message));
for (const args of [[], ['foo'], ['ftp://127.0.0.1/'], ['file:///tmp/x'], ['ws://127.0.0.1/#frag'],
  ['ws://127.0.0.1/#'], ['ws://127.0.0.1/', ['a', 'a']], ['ws://127.0.0.1/', ['chat', 'CHAT']],
  ['ws://127.0.0.1/', 'a b'], ['ws://127.0.0.1/', ''], ['ws://127.0.0.1/', 'é'],
  ['ws://127.0.0.1/', ['ok', 'x,y']], ['ws://127.0.0.1/', { protocols: ['a', 'a'] }],
  ['ws://127.0.0.1/', 'a:b'], ['ws://127.0.0.1/', [Symbol('s')]], [Symbol('u')]]) {
  try {
    new WebSocket(...args);
    console.log('no error', args);
  } catch (e) { show(e); }
}

// a port nothing listens on
const probe = net.createServer().listen(0, '127.0.0.1', () => {
  const port = probe.address().port;
  probe.close(() => {
    const urls = [`ws://127.0.0.1:${port}/`, `http://127.0.0.1:${port}/a/../b?c=d`,
      `HTTP://127.0.0.1:${port}`, new URL(`ws://127.0.0.1:${port}/x y`)];
    // refused connections may fail in any order: the lines are printed in
    // the order of the sockets once all have failed
    const lines = [];
    let pending = urls.length + 4;
    const done = () => {
      if (--pending) return;
      setTimeout(() => {
        for (const l of lines) console.log(l);
        console.log('no close events; states', sockets.map((w) => w.readyState));
      }, 50);
    };
    const sockets = [];
    for (const u of urls) {
      const w = new WebSocket(u);
      sockets.push(w);
      console.log('url', w.url.replace(port, 'PORT'), 'state', w.readyState, 'protocol', JSON.stringify(w.protocol),
        'extensions', JSON.stringify(w.extensions), 'binaryType', w.binaryType, 'buffered', w.bufferedAmount);
      const i = sockets.length - 1;
      w.onerror = (e) => { lines[i] = ['error', w.url.replace(port, 'PORT'), e.constructor.name, e.message, e.error instanceof Error, e.error.message, w.readyState].join(' '); done(); };
      w.onclose = () => console.log('unexpected close');
    }
    // protocol lists, the options object
    for (const p of ['chat', ['a', 'b'], { protocols: 'x' }, new Set(['p1', 'p2'])]) {
      const w = new WebSocket(`ws://127.0.0.1:${port}/`, p);
      sockets.push(w);
      const i = sockets.length - 1;
      w.onerror = (e) => { lines[i] = `error with protocols ${JSON.stringify(p instanceof Set ? [...p] : p)} ${e.message}`; done(); };
    }
  });
});
