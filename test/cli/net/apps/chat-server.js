// The socket.io chat server (test/cli/net/05-socketio.sh): rooms, acks,
// broadcasts, binary payloads, a server-to-client emitWithAck, and an /admin
// namespace behind an auth middleware; WebSocket compression with
// CHAT_DEFLATE=1. Prints "listening <port>" and a log
// of what it saw; exits when an admin asks it to shut down.
'use strict';
const http = require('http');
const { Server } = require('socket.io');

const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('chat server\n');
});
// CHAT_DEFLATE=1: WebSocket messages compressed (permessage-deflate, on zlib)
const deflate = process.env.CHAT_DEFLATE === '1';
const io = new Server(server, { maxHttpBufferSize: 1e6, pingInterval: 10000,
  perMessageDeflate: deflate ? { threshold: 0 } : false });
const names = new Map();

io.on('connection', (socket) => {
  socket.on('join', ({ name, room }, ack) => {
    names.set(socket.id, name);
    socket.data.name = name;
    socket.join(room);
    const t = socket.conn.transport;
    const ext = t.name === 'websocket' && t.socket.extensions ? ` (${t.socket.extensions})` : '';
    console.log(`join ${name} ${room} via ${t.name}${ext}`);
    socket.to(room).emit('joined', name);
    io.in(room).fetchSockets().then((list) => {
      ack({ ok: true, members: list.map((s) => s.data.name).sort() });
    });
  });
  socket.on('chat', (text, ack) => {
    const from = socket.data.name;
    for (const room of socket.rooms) if (room !== socket.id) socket.to(room).emit('chat', { from, text });
    ack({ received: text.length });
  });
  socket.on('file', (meta, data, ack) => {
    let sum = 0;
    for (const b of data) sum = (sum + b) % 65536;
    console.log(`file ${meta.name} ${data.length} bytes from ${socket.data.name}`);
    socket.broadcast.emit('file', { from: socket.data.name, name: meta.name, size: data.length }, data);
    ack({ sum, isBuffer: Buffer.isBuffer(data) });
  });
  socket.on('poll me', async (ack) => {
    const answer = await socket.timeout(5000).emitWithAck('question', 'what is 6*7?');
    console.log(`answer from ${socket.data.name}: ${answer}`);
    ack(answer === 42);
  });
  socket.on('disconnect', (reason) => {
    const name = names.get(socket.id);
    console.log(`disconnect ${name} (${reason})`);
    io.emit('left', name);
  });
});

const admin = io.of('/admin');
admin.use((socket, next) => {
  if (socket.handshake.auth.token === 'secret') return next();
  const err = new Error('not authorized');
  err.data = { hint: 'send auth.token' };
  next(err);
});
admin.on('connection', (socket) => {
  socket.emit('stats', { clients: io.of('/').sockets.size, rooms: [...io.of('/').adapter.rooms.keys()].filter((r) => !io.of('/').sockets.has(r)) });
  socket.on('shutdown', (ack) => {
    ack('shutting down');
    console.log('shutdown');
    io.close(() => console.log('closed'));
  });
});

server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
