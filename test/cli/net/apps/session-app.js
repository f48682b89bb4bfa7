// An express@4 app keeping its sessions in Redis (test/cli/net/07-express-redis.sh):
// compression, express-session with connect-redis on the `redis` v4 client,
// a login/cart/logout flow, multer multipart uploads, and an endpoint that
// looks into Redis. Usage: session-app.js REDIS_PORT. Prints
// "listening <port>"; exits after POST /quit.
'use strict';
const crypto = require('crypto');
const express = require('express');
const compression = require('compression');
const session = require('express-session');
const RedisStore = require('connect-redis').default;
const multer = require('multer');
const { createClient } = require('redis');

const redis = createClient({ socket: { host: '127.0.0.1', port: Number(process.argv[2]), reconnectStrategy: false } });
redis.on('error', (err) => console.log('redis error:', err.message));
const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 1 << 20 } });

const app = express();
app.use(compression({ threshold: 1024 }));
app.use(session({
  store: new RedisStore({ client: redis, prefix: 'sess:' }),
  secret: 'not a secret',
  resave: false,
  saveUninitialized: false,
  cookie: { maxAge: 3600 * 1000, sameSite: 'lax' },
}));
app.use(express.json());
app.use(express.urlencoded({ extended: false }));

app.post('/login', (req, res, next) => {
  if (!req.body.user) return res.status(400).json({ error: 'user required' });
  req.session.regenerate((err) => {
    if (err) return next(err);
    req.session.user = req.body.user;
    req.session.cart = [];
    req.session.save((err2) => (err2 ? next(err2) : res.redirect(303, '/me')));
  });
});
const auth = (req, res, next) => (req.session.user ? next() : res.status(401).json({ error: 'log in first' }));
app.get('/me', auth, (req, res) => {
  req.session.views = (req.session.views || 0) + 1;
  res.json({ user: req.session.user, views: req.session.views, cart: req.session.cart });
});
app.post('/cart', auth, (req, res) => {
  req.session.cart.push({ sku: req.body.sku, qty: req.body.qty || 1 });
  res.status(201).json({ items: req.session.cart.length });
});
app.post('/logout', (req, res, next) => {
  req.session.destroy((err) => {
    if (err) return next(err);
    res.clearCookie('connect.sid');
    res.json({ bye: true });
  });
});
app.get('/store', async (req, res) => {
  const keys = await redis.keys('sess:*');
  const sessions = [];
  for (const k of keys) {
    const s = JSON.parse(await redis.get(k));
    sessions.push({ user: s.user || null, cart: (s.cart || []).length, ttlOk: (await redis.ttl(k)) > 3000 });
  }
  res.json(sessions.sort((a, b) => String(a.user).localeCompare(String(b.user))));
});
app.post('/upload', upload.fields([{ name: 'doc' }, { name: 'pics', maxCount: 2 }]), (req, res) => {
  const files = Object.values(req.files || {}).flat().map((f) => ({
    field: f.fieldname, name: f.originalname, type: f.mimetype, size: f.size,
    sha256: crypto.createHash('sha256').update(f.buffer).digest('hex').slice(0, 16),
  }));
  res.json({ fields: req.body, files });
});
app.get('/report', (req, res) => {
  const rows = [];
  for (let i = 0; i < 3000; i++) rows.push(`${i},item-${i % 17},${(i * 7919) % 1000}`);
  res.type('text/csv').send(`${rows.join('\n')}\n`);
});
app.use((err, req, res, next) => {
  res.status(err.status || 500).json({ error: err.code || err.message });
});

let server;
app.post('/quit', (req, res) => {
  res.json({ quit: true });
  server.close(() => redis.quit().then(() => console.log('closed')));
});
redis.connect().then(() => {
  server = app.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
});
