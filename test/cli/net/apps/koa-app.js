// A koa@2 app (test/cli/net/04-koa.sh): middleware around the router
// (a header set after `await next()`), @koa/router with a prefix, params and
// allowedMethods() (405/501), koa-bodyparser for JSON, forms and text,
// ctx.throw/ctx.assert, a stream body, a Buffer body, a redirect, cookies,
// koa's own 404. Prints "listening <port>" and exits after POST /quit.
'use strict';
const fs = require('fs');
const path = require('path');
const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');

const app = new Koa();

// outermost: error handling as a koa app would do it (JSON errors for /api)
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    if (!ctx.path.startsWith('/api')) throw err;
    ctx.status = err.status || 500;
    // co-body passes JSON.parse's message on, V8's wording (differs between
    // devrun-js's V8 10.2 and Node 20's V8 11.3)
    ctx.body = { error: err instanceof SyntaxError ? 'invalid JSON' : err.message,
      expose: Boolean(err.expose) };
  }
});
app.use(async (ctx, next) => {
  await next();
  ctx.set('X-Handled-By', `koa ${ctx.method} ${ctx._matchedRoute || '-'}`);
});
app.use(bodyParser({ enableTypes: ['json', 'form', 'text'], jsonLimit: '50kb' }));

const items = [{ id: 1, name: 'first' }];
const api = new Router({ prefix: '/api' });
api.get('/items', (ctx) => {
  const { q } = ctx.query;
  ctx.body = q ? items.filter((i) => i.name.includes(q)) : items;
});
api.get('/items/:id', (ctx) => {
  const item = items.find((i) => i.id === Number(ctx.params.id));
  ctx.assert(item, 404, `item ${ctx.params.id} not found`);
  ctx.body = item;
});
api.post('/items', (ctx) => {
  const { name } = ctx.request.body;
  if (typeof name !== 'string') ctx.throw(422, 'name is required');
  const item = { id: items.length + 1, name };
  items.push(item);
  ctx.status = 201;
  ctx.set('Location', `/api/items/${item.id}`);
  ctx.body = item;
});
api.del('/items/:id', (ctx) => {
  const i = items.findIndex((x) => x.id === Number(ctx.params.id));
  if (i === -1) ctx.throw(404);
  items.splice(i, 1);
  ctx.status = 204;
});
api.post('/echo-text', (ctx) => {
  ctx.body = { type: ctx.request.type, text: ctx.request.body };
});
api.get('/crash', () => {
  throw new Error('crashed');
});

const site = new Router();
site.get('/', (ctx) => {
  ctx.body = 'Hello Koa';
});
site.get('/page', (ctx) => {
  ctx.type = 'html';
  ctx.body = fs.createReadStream(path.join(__dirname, 'public', 'index.html'));
});
site.get('/bytes', (ctx) => {
  ctx.body = Buffer.from([0, 1, 2, 250, 251, 252]);
});
site.post('/form', (ctx) => {
  ctx.body = `form: ${JSON.stringify(ctx.request.body)}`;
});
site.get('/go', (ctx) => {
  ctx.redirect('/');
});
site.get('/cookie', (ctx) => {
  const visits = Number(ctx.cookies.get('visits') || 0) + 1;
  ctx.cookies.set('visits', String(visits), { httpOnly: true, overwrite: true });
  ctx.body = { visits, accepts: ctx.accepts('json', 'html'), fresh: ctx.fresh };
});
site.get('/boom', () => {
  throw new Error('unexpected');
});
let server;
site.post('/quit', (ctx) => {
  ctx.body = 'bye\n';
  setImmediate(() => server.close());
});

app.use(api.routes()).use(api.allowedMethods());
app.use(site.routes()).use(site.allowedMethods());
app.on('error', (err) => console.log(`app error: ${err.message}`));

server = app.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
server.on('close', () => console.log('closed'));
