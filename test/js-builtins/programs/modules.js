'use strict';
// Exercises util, events, path, querystring, punycode, url, string_decoder,
// assert and the web EventTarget/AbortController; run under Node and
// devrun-js, the output must be identical.
const util = require('util');
const EventEmitter = require('events');
const path = require('path');
const qs = require('querystring');
const url = require('url');
const { StringDecoder } = require('string_decoder');
const assert = require('assert');

function show(label, fn) {
  let out;
  try {
    out = util.inspect(fn(), { depth: 4 });
  } catch (e) {
    out = `threw ${e.name} ${e.code} ${e.message}`;
  }
  console.log(`${label}: ${out}`);
}

// errors with codes
show('invalid arg', () => path.join(1));
show('error inspect', () => { try { path.join(null); } catch (e) { return e.stack.split('\n')[0]; } });
show('err toString', () => { try { new URL('nope'); } catch (e) { return `${e} ${e.input}`; } });

// util
show('types', () => [util.types.isPromise(Promise.resolve()), util.types.isMap(new Map()), util.types.isUint8Array(new Uint8Array())]);
show('deepStrictEqual', () => [util.isDeepStrictEqual({ a: [1] }, { a: [1] }), util.isDeepStrictEqual([1], ['1'])]);
show('inherits', () => { function A() {} function B() {} util.inherits(B, A); return B.super_ === A; });
show('parseArgs', () => util.parseArgs({ args: ['-v', '--name=x', 'pos'], options: { v: { type: 'boolean' }, name: { type: 'string' } }, allowPositionals: true }));
show('styleText', () => util.styleText('red', 'txt', { validateStream: false }));
show('stripVT', () => util.stripVTControlCharacters('\u001b[1mbold\u001b[22m'));
show('toUSVString', () => util.toUSVString('a\ud800b'));

// events
{
  const e = new EventEmitter();
  e.on('data', (a, b) => console.log('data', a, b));
  e.once('data', () => console.log('once'));
  e.prependListener('data', () => console.log('first'));
  e.emit('data', 1, 2);
  e.emit('data', 3, 4);
  show('listenerCount', () => [e.listenerCount('data'), e.eventNames()]);
  show('emitter', () => e);
  show('unhandled error', () => e.emit('error', 'bad thing'));
  show('unhandled Error', () => e.emit('error', new TypeError('typed')));
  for (let i = 0; i < 11; i++) e.on('leak', () => {});
}

// path
show('path', () => [path.resolve('/a/b', '../c'), path.relative('/a/b/c', '/a/d'), path.parse('/x/y.tar.gz'),
  path.win32.join('C:\\a', '..\\b'), path.win32.parse('\\\\server\\share\\f.txt'), path.basename('/a/b.js', '.js')]);

// querystring, punycode, url
show('qs', () => [qs.parse('a=1&a=2&b=%20c+d'), qs.stringify({ x: [1, 2], y: 'a b' })]);
show('punycode', () => [require('punycode').toASCII('mañana.com'), require('punycode').toUnicode('xn--bcher-kva.de')]);
show('url.parse', () => url.parse('http://user:pw@Host.com:81/p?q=1#h', true));
show('url.resolve', () => [url.resolve('http://a/b/c/d', '../e'), url.resolve('http://a/b', '//x/y')]);
show('URL', () => new URL('https://例え.jp/a b?x=1&y=ü#frag'));
show('URLSearchParams', () => { const p = new URLSearchParams('b=2&a=1'); p.append('c', 'x y'); p.sort(); return [p.toString(), p]; });
show('fileURL', () => [url.pathToFileURL('/tmp/a b#c').href, url.fileURLToPath('file:///tmp/%C3%BC')]);
show('bad url', () => new URL('http://[::1'));

// string_decoder
{
  const d = new StringDecoder('utf8');
  const euro = Buffer.from('€');
  show('decoder', () => [d.write(euro.subarray(0, 1)), d.write(euro.subarray(1)), d.end(Buffer.from([0xe2]))]);
}

// assert
show('assert.strictEqual', () => assert.strictEqual(1, 2));
show('assert.deepStrictEqual', () => assert.deepStrictEqual({ a: [1, 2, 3], b: 'x' }, { a: [1, 2, 4], b: 'x' }));
show('assert.throws', () => assert.throws(() => {}, TypeError));
show('assert.ok', () => assert.ok(typeof 1 === 'string'));
show('assert.match', () => assert.match('abc', /x/));

// EventTarget & AbortController
{
  const t = new EventTarget();
  t.addEventListener('ping', (ev) => console.log('ping', ev.type, ev instanceof Event));
  t.dispatchEvent(new Event('ping'));
  const ac = new AbortController();
  ac.signal.addEventListener('abort', () => console.log('aborted', ac.signal.reason.name));
  ac.abort();
  show('abort', () => [ac, AbortSignal.abort('why').reason]);
  show('CustomEvent', () => new CustomEvent('c', { detail: 1 }).detail);
}

(async () => {
  const e = new EventEmitter();
  setTimeout(() => e.emit('ready', 'ok'), 1);
  console.log('once', await EventEmitter.once(e, 'ready'));
  await assert.rejects(Promise.reject(new Error('x')), /x/);
  console.log('rejects ok');
  const p = util.promisify((v, cb) => setTimeout(() => cb(null, v * 2), 1));
  console.log('promisify', await p(21));
})();
