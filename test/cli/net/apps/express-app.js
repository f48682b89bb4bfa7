// An express@4 app as people write them (test/cli/net/03-express.sh): a
// router mounted under /api with its own middleware, express.json(),
// express.urlencoded() and express.raw() bodies, express.static for
// ./public (ETag, ranges, conditional GET, index.html), a redirect, a
// cookie, a thrown error caught by an error handler, and express's own 404. Prints "listening <port>"
// and exits after POST /quit (server.close()).
'use strict';
const path = require('path');
const express = require('express');

const app = express();
app.set('etag', 'weak');

app.use((req, res, next) => {
  res.set('X-Request-Path', req.path);
  next();
});
app.use(express.static(path.join(__dirname, 'public'), { maxAge: '1h' }));

const api = express.Router();
const items = new Map([[1, { id: 1, name: 'first', tags: ['a'] }]]);
let nextId = 2;
api.use(express.json({ limit: '100kb' }));
api.use((req, res, next) => {
  res.set('X-Api-Version', '1');
  next();
});
api.get('/items', (req, res) => {
  const list = [...items.values()];
  const { tag } = req.query;
  res.json(tag ? list.filter((i) => i.tags.includes(tag)) : list);
});
api.get('/items/:id(\\d+)', (req, res) => {
  const item = items.get(Number(req.params.id));
  if (!item) return res.status(404).json({ error: 'no such item', id: req.params.id });
  res.json(item);
});
api.post('/items', (req, res) => {
  if (typeof req.body.name !== 'string') {
    return res.status(422).json({ error: 'name must be a string', got: req.body });
  }
  const item = { id: nextId++, name: req.body.name, tags: req.body.tags || [] };
  items.set(item.id, item);
  res.status(201).location(`/api/items/${item.id}`).json(item);
});
api.put('/items/:id', (req, res) => {
  const id = Number(req.params.id);
  if (!items.has(id)) return res.sendStatus(404);
  items.set(id, { ...items.get(id), ...req.body, id });
  res.json(items.get(id));
});
api.delete('/items/:id', (req, res) => {
  res.sendStatus(items.delete(Number(req.params.id)) ? 204 : 404);
});
api.get('/boom', () => {
  throw new Error('kaboom');
});
// body-parser passes JSON.parse's message on; it is V8's wording, which
// differs between V8 versions (devrun-js's V8 10.2, Node 20's V8 11.3)
api.use((err, req, res, next) => {
  res.status(err.status || 500).json({
    error: err.type === 'entity.parse.failed' ? 'invalid JSON' : err.message,
    type: err.type || null,
  });
});
app.use('/api', api);

app.post('/form', express.urlencoded({ extended: false }), (req, res) => {
  res.type('text/plain').send(`hello ${req.body.name}, you are ${req.body.age}\n`);
});
app.post('/upload', express.raw({ type: 'application/octet-stream', limit: '5mb' }), (req, res) => {
  const sha = require('crypto').createHash('sha256').update(req.body).digest('hex');
  res.json({ bytes: req.body.length, sha256: sha });
});
app.get('/old', (req, res) => res.redirect(301, '/new'));
app.get('/new', (req, res) => {
  res.cookie('seen', 'yes', { httpOnly: true, path: '/' });
  res.send('<p>new place</p>');
});
app.get('/headers', (req, res) => {
  res.json({ ua: req.get('user-agent'), accept: req.accepts(['json', 'html']), xhr: req.xhr,
    ip: req.ip, protocol: req.protocol, host: req.hostname, fresh: req.fresh });
});
app.get('/stream', (req, res) => {
  res.type('text');
  let n = 0;
  const tick = () => {
    if (n === 5) return res.end('done\n');
    res.write(`chunk ${n++}\n`);
    setImmediate(tick);
  };
  tick();
});

let server;
app.post('/quit', (req, res) => {
  res.send('bye\n');
  server.close();
});
server = app.listen(0, '127.0.0.1', () => {
  console.log(`listening ${server.address().port}`);
});
server.on('close', () => console.log('closed'));
