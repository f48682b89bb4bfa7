// close() and send() from the client: the argument checks (code 1000 or
// 3000-4999 after [Clamp] conversion, else InvalidAccessError "invalid
// code"; a reason over 123 UTF-8 bytes is a SyntaxError), what goes in the
// close frame (no code, a code alone, code and reason), close() while
// CONNECTING ('error' at once, then the aborted handshake's 'error', never
// 'close'), send() before the open (InvalidStateError) and after close()
// (ignored), the on<event> attributes (replacing, non-functions, order
// with addEventListener).
// the server side: test/js/websocket/_server.js
const { http, crypto, GUID, acceptKey, accept, frame, closeFrame, readFrames } = require('./_server');

const show = (e) => console.log('  ', e.name, e.constructor.name, e.code, JSON.stringify(e.message));
const server = http.createServer();
server.on('upgrade', (req, socket, head) => {
  if (req.url === '/slow') return; // never answers
  accept(req, socket);
  readFrames(socket, head, (f) => {
    if (f.op === 1) { socket.write(frame(1, `echo:${f.payload}`)); return; }
    if (f.op !== 8) return;
    console.log('   server got close', f.payload.length >= 2 ? f.payload.readUInt16BE(0) : '(no code)',
      JSON.stringify(f.payload.subarray(2).toString()));
    socket.end(frame(8, f.payload));
  });
});

function open(path = '/') {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.address().port}${path}`);
    ws.onopen = () => resolve(ws);
  });
}
const closed = (ws) => new Promise((resolve) => ws.addEventListener('close', (e) => {
  console.log('   close', e.code, JSON.stringify(e.reason), e.wasClean);
  resolve();
}));

server.listen(0, '127.0.0.1', async () => {
  console.log('argument checks');
  const ws = await open();
  for (const args of [[999], [1001], [2999], [5000], [65536 + 1000], [-1], ['abc'], [NaN], [null],
    [1000, 'x'.repeat(124)], [1000, 'é'.repeat(62)], [999, 'x'.repeat(200)], [3000, { toString() { return 'r'.repeat(124); } }]]) {
    try { ws.close(...args); console.log('   no error', args); } catch (e) { show(e); }
  }
  console.log('   state still', ws.readyState);

  console.log('send states');
  try { ws.send(); } catch (e) { show(e); }
  ws.send(12345);
  ws.send(null);
  await new Promise((resolve) => {
    let n = 0;
    ws.onmessage = (e) => { console.log('   message', e.data); if (++n === 2) resolve(); };
  });
  ws.onmessage = 'not a function';
  console.log('   onmessage', ws.onmessage);
  const order = [];
  ws.addEventListener('message', () => order.push('listener 1'));
  ws.onmessage = () => order.push('onmessage (replaced)');
  ws.onmessage = () => order.push('onmessage');
  await new Promise((resolve) => {
    ws.addEventListener('message', () => { order.push('listener 2'); resolve(); });
    ws.send('order');
  });
  console.log('  ', order.join(', '));

  for (const [label, args] of [['close()', []], ['close(3000.5)', [3000.5]], ['close(4999, reason)', [4999, 'x'.repeat(123)]],
    ['close(undefined, reason)', [undefined, 'ignored']], ['close(1000, "")', [1000, '']]]) {
    console.log(label);
    const w = await open();
    const p = closed(w);
    w.close(...args);
    console.log('   state', w.readyState);
    w.close(1000, 'second close is a no-op');
    try { w.send('dropped'); console.log('   send after close: no error, buffered', w.bufferedAmount); } catch (e) { show(e); }
    await p;
  }

  console.log('close while connecting');
  const c = new WebSocket(`ws://127.0.0.1:${server.address().port}/slow`);
  try { c.send('x'); } catch (e) { show(e); }
  c.onclose = () => console.log('   unexpected close');
  await new Promise((resolve) => {
    let n = 0;
    c.onerror = (e) => {
      console.log('   error', JSON.stringify(e.message), 'state', c.readyState);
      if (++n === 2) setTimeout(resolve, 50); // no 'close' comes
    };
    c.close(1000);
    console.log('   after close()', c.readyState);
  });
  console.log('   state', c.readyState);
  ws.onclose = () => server.close(() => console.log('done'));
  ws.close();
});
