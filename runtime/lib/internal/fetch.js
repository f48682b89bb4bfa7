'use strict';
// internal/fetch — the WHATWG fetch API as Node 20 exposes it (globals fetch,
// Headers, Request, Response, FormData), on the runtime's own http/https
// clients rather than undici.  Bodies are WHATWG ReadableStreams
// (internal/streams/web): a response body streams from the IncomingMessage
// with backpressure (the socket pauses while the stream's queue is full),
// and a request body may be a ReadableStream (with `duplex: 'half'`).
// Redirects are followed (at most 20), gzip/deflate/br bodies are decoded,
// AbortSignal aborts, and a network failure is TypeError('fetch failed')
// with the cause, as undici.  Not done: CORS and `mode`, caches, cookies,
// credentials, HTTP/2, `data:`/`blob:` URLs other than `data:`.

const { ReadableStream } = require('internal/streams/web');

function B() { return require('buffer').Buffer; }
function blobmod() { return require('internal/buffer_blob'); }

const kGuard = Symbol('guard');
const kList = Symbol('list');

const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
function normalizeValue(v) { return `${v}`.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, ''); }

// ---- Headers -------------------------------------------------------------
class Headers {
  constructor(init = undefined) {
    this[kList] = new Map(); // lowercased name -> [name, [values]]
    this[kGuard] = 'none';
    if (init === undefined || init === null) return;
    if (typeof init !== 'object' && typeof init !== 'function') {
      throw new TypeError("Failed to construct 'Headers': The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.");
    }
    if (init instanceof Headers) {
      for (const [k, vs] of init[kList].values()) for (const v of vs) this.append(k, v);
    } else if (typeof init[Symbol.iterator] === 'function') {
      for (const pair of init) {
        const p = [...pair];
        if (p.length !== 2) throw new TypeError('Headers constructor: expected name/value pair to be length 2, found ' + p.length + '.');
        this.append(p[0], p[1]);
      }
    } else {
      for (const k of Object.keys(init)) this.append(k, init[k]);
    }
  }
  _check(fn, name, value) {
    name = `${name}`;
    if (!tokenRe.test(name)) throw new TypeError(`Headers.${fn}: "${name}" is an invalid header name.`);
    if (value !== undefined && /[\0\r\n]/.test(value)) throw new TypeError(`Headers.${fn}: "${value}" is an invalid header value.`);
    if (this[kGuard] === 'immutable' && (fn === 'append' || fn === 'set' || fn === 'delete')) throw new TypeError('immutable');
    return name;
  }
  append(name, value) {
    value = normalizeValue(value);
    name = this._check('append', name, value);
    const key = name.toLowerCase();
    const e = this[kList].get(key);
    if (e) e[1].push(value); else this[kList].set(key, [name, [value]]);
  }
  set(name, value) {
    value = normalizeValue(value);
    name = this._check('set', name, value);
    this[kList].set(name.toLowerCase(), [name, [value]]);
  }
  delete(name) { name = this._check('delete', name); this[kList].delete(name.toLowerCase()); }
  get(name) {
    name = this._check('get', name);
    const e = this[kList].get(name.toLowerCase());
    if (!e) return null;
    return e[1].join(name.toLowerCase() === 'set-cookie' ? ', ' : ', ');
  }
  has(name) { name = this._check('has', name); return this[kList].has(name.toLowerCase()); }
  getSetCookie() { const e = this[kList].get('set-cookie'); return e ? e[1].slice() : []; }
  *entries() {
    const keys = [...this[kList].keys()].sort();
    for (const k of keys) {
      const vs = this[kList].get(k)[1];
      if (k === 'set-cookie') for (const v of vs) yield [k, v];
      else yield [k, vs.join(', ')];
    }
  }
  keys() { return (function* (it) { for (const [k] of it) yield k; })(this.entries()); }
  values() { return (function* (it) { for (const [, v] of it) yield v; })(this.entries()); }
  forEach(cb, thisArg) { for (const [k, v] of this.entries()) cb.call(thisArg, v, k, this); }
  [Symbol.iterator]() { return this.entries(); }
  get [Symbol.toStringTag]() { return 'Headers'; }
  [Symbol.for('nodejs.util.inspect.custom')]() {
    const o = {};
    for (const [k, v] of this) o[k] = v;
    return `HeadersList ${require('util').inspect(o)}`;
  }
}

// ---- FormData ------------------------------------------------------------
class FormData {
  constructor(form) {
    if (form !== undefined) throw new TypeError("Failed to construct 'FormData': parameter 1 is not of type 'HTMLFormElement'.");
    this._entries = [];
  }
  _entry(name, value, filename) {
    const { Blob, File } = blobmod();
    if (value instanceof Blob) {
      if (!(value instanceof File) || filename !== undefined) {
        value = new File([value], filename !== undefined ? `${filename}` : (value instanceof File ? value.name : 'blob'), { type: value.type });
      }
    } else {
      value = `${value}`;
    }
    return [`${name}`, value];
  }
  append(name, value, filename) {
    if (arguments.length < 2) throw new TypeError(`Failed to execute 'append' on 'FormData': 2 arguments required, but only ${arguments.length} present.`);
    this._entries.push(this._entry(name, value, filename));
  }
  set(name, value, filename) {
    const e = this._entry(name, value, filename);
    const i = this._entries.findIndex(([n]) => n === e[0]);
    if (i === -1) { this._entries.push(e); return; }
    this._entries[i] = e;
    this._entries = this._entries.filter(([n], j) => j <= i || n !== e[0]);
  }
  get(name) { const e = this._entries.find(([n]) => n === `${name}`); return e ? e[1] : null; }
  getAll(name) { return this._entries.filter(([n]) => n === `${name}`).map((e) => e[1]); }
  has(name) { return this._entries.some(([n]) => n === `${name}`); }
  delete(name) { this._entries = this._entries.filter(([n]) => n !== `${name}`); }
  *entries() { for (const e of this._entries) yield [e[0], e[1]]; }
  *keys() { for (const e of this._entries) yield e[0]; }
  *values() { for (const e of this._entries) yield e[1]; }
  forEach(cb, thisArg) { for (const [k, v] of this.entries()) cb.call(thisArg, v, k, this); }
  [Symbol.iterator]() { return this.entries(); }
  get [Symbol.toStringTag]() { return 'FormData'; }
}

async function formDataToBytes(fd, boundary) {
  const parts = [];
  const esc = (s) => s.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
  for (const [name, value] of fd) {
    if (typeof value === 'string') {
      parts.push(B().from(`--${boundary}\r\nContent-Disposition: form-data; name="${esc(name)}"\r\n\r\n${value.replace(/\r(?!\n)|(?<!\r)\n/g, '\r\n')}\r\n`));
    } else {
      parts.push(B().from(`--${boundary}\r\nContent-Disposition: form-data; name="${esc(name)}"; filename="${esc(value.name)}"\r\n` +
        `Content-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`));
      parts.push(B().from(await value.arrayBuffer()), B().from('\r\n'));
    }
  }
  parts.push(B().from(`--${boundary}--\r\n`));
  return B().concat(parts);
}

function parseMultipart(buf, boundary) {
  const fd = new FormData();
  const { File } = blobmod();
  const delim = B().from(`--${boundary}`);
  let pos = buf.indexOf(delim);
  if (pos === -1) throw new TypeError('Failed to parse body as FormData.');
  for (;;) {
    pos += delim.length;
    if (buf[pos] === 0x2d && buf[pos + 1] === 0x2d) break;
    pos += 2;
    const headEnd = buf.indexOf('\r\n\r\n', pos);
    if (headEnd === -1) throw new TypeError('Failed to parse body as FormData.');
    const head = buf.subarray(pos, headEnd).toString('utf8');
    const next = buf.indexOf(B().from(`\r\n--${boundary}`), headEnd + 4);
    if (next === -1) throw new TypeError('Failed to parse body as FormData.');
    const body = buf.subarray(headEnd + 4, next);
    const name = /name="([^"]*)"/i.exec(head);
    const filename = /filename="([^"]*)"/i.exec(head);
    const type = /content-type:\s*([^\r\n]*)/i.exec(head);
    if (filename) fd.append(name ? name[1] : '', new File([body], filename[1], { type: type ? type[1] : '' }));
    else fd.append(name ? name[1] : '', body.toString('utf8'));
    pos = next + 2;
  }
  return fd;
}

// ---- bodies --------------------------------------------------------------
// Extracts a body: { stream | bytes, type } (the fetch spec's "extract").
function extractBody(body, keepalive) {
  const { Blob } = blobmod();
  if (typeof body === 'string') return { bytes: B().from(body), type: 'text/plain;charset=UTF-8' };
  if (body instanceof URLSearchParams) return { bytes: B().from(body.toString()), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  if (body instanceof ArrayBuffer) return { bytes: B().from(body.slice(0)), type: null };
  if (ArrayBuffer.isView(body)) return { bytes: B().from(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength)), type: null };
  if (body instanceof Blob) return { blob: body, type: body.type || null };
  if (body instanceof FormData) {
    const boundary = `----formdata-devrun-${`${Math.random()}`.slice(2)}${`${Math.random()}`.slice(2)}`.slice(0, 50);
    return { formData: body, boundary, type: `multipart/form-data; boundary=${boundary}` };
  }
  if (body instanceof ReadableStream) return { stream: body, type: null };
  if (body && typeof body[Symbol.asyncIterator] === 'function') return { stream: ReadableStream.from ? ReadableStream.from(body) : iterStream(body), type: null };
  return { bytes: B().from(`${body}`), type: 'text/plain;charset=UTF-8' };
}

function iterStream(it) {
  const iter = it[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(c) {
      const { value, done } = await iter.next();
      if (done) c.close(); else c.enqueue(typeof value === 'string' ? B().from(value) : new Uint8Array(value));
    },
  });
}

function bytesStream(bytes) {
  return new ReadableStream({ type: 'bytes', start(c) { if (bytes.length) c.enqueue(new Uint8Array(bytes)); c.close(); } });
}

// The body of a Request or Response.
class Body {
  constructor(init, owner) {
    this.source = init; // what extractBody gave, or null
    this.owner = owner;
    this._stream = null;
  }
  get stream() {
    if (!this._stream && this.source) {
      const s = this.source;
      if (s.stream) this._stream = s.stream;
      else if (s.bytes) this._stream = bytesStream(s.bytes);
      else if (s.blob) this._stream = s.blob.stream();
      else if (s.formData) {
        const p = formDataToBytes(s.formData, s.boundary);
        this._stream = new ReadableStream({ async start(c) { c.enqueue(new Uint8Array(await p)); c.close(); } });
      }
    }
    return this._stream;
  }
  get used() { return !!this._stream && (this._stream.locked || this._disturbed); }
  async bytes(name) {
    if (this._disturbed || (this._stream && this._stream.locked)) throw new TypeError('Body is unusable: Body has already been read');
    this._disturbed = true;
    const s = this.source;
    if (!s) return B().alloc(0);
    if (s.bytes && !this._stream) return s.bytes;
    const reader = this.stream.getReader();
    const chunks = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks.push(B().from(value.buffer, value.byteOffset, value.byteLength));
    }
    return B().concat(chunks);
  }
}

const kBody = Symbol('body');
const kHeaders = Symbol('headers');

const bodyMethods = {
  get body() { return this[kBody].source ? this[kBody].stream : null; },
  get bodyUsed() { return !!this[kBody]._disturbed || (!!this[kBody]._stream && this[kBody]._stream.locked); },
  async arrayBuffer() { const b = await this[kBody].bytes(); return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength); },
  async text() { return (await this[kBody].bytes()).toString('utf8'); },
  async json() { return JSON.parse((await this[kBody].bytes()).toString('utf8')); },
  async blob() {
    const b = await this[kBody].bytes();
    const { Blob } = blobmod();
    return new Blob([b], { type: this[kHeaders].get('content-type') || '' });
  },
  async formData() {
    const type = this[kHeaders].get('content-type') || '';
    const b = await this[kBody].bytes();
    const m = /^multipart\/form-data;\s*boundary=("?)([^";]+)\1/i.exec(type);
    if (m) return parseMultipart(b, m[2]);
    if (/^application\/x-www-form-urlencoded/i.test(type)) {
      const fd = new FormData();
      for (const [k, v] of new URLSearchParams(b.toString('utf8'))) fd.append(k, v);
      return fd;
    }
    throw new TypeError('Response.formData: Could not parse content as FormData.');
  },
};
function mixBody(cls) {
  for (const k of Object.keys(bodyMethods)) Object.defineProperty(cls.prototype, k, Object.getOwnPropertyDescriptor(bodyMethods, k));
}

function setBodyHeaders(headers, extracted) {
  if (extracted && extracted.type && !headers.has('content-type')) headers.append('content-type', extracted.type);
}

// ---- Request ---------------------------------------------------------------
const forbiddenMethods = new Set(['CONNECT', 'TRACE', 'TRACK']);
const normalMethods = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

class Request {
  constructor(input, init = {}) {
    if (arguments.length < 1) throw new TypeError("Failed to construct 'Request': 1 argument required, but only 0 present.");
    init = init || {};
    let base = null;
    if (input instanceof Request) base = input;
    let url;
    if (base) url = base.url;
    else {
      try { url = new URL(`${input}`).href; } catch (e) { throw new TypeError(`Failed to parse URL from ${input}`, { cause: e }); }
      const u = new URL(url);
      if (u.username || u.password) throw new TypeError(`Request cannot be constructed from a URL that includes credentials: ${input}`);
    }
    this._url = url;
    let method = init.method !== undefined ? `${init.method}` : base ? base.method : 'GET';
    if (!tokenRe.test(method)) throw new TypeError(`'${method}' is not a valid HTTP method.`);
    if (forbiddenMethods.has(method.toUpperCase())) throw new TypeError(`'${method}' HTTP method is unsupported.`);
    if (normalMethods.has(method.toUpperCase())) method = method.toUpperCase();
    this._method = method;
    this[kHeaders] = new Headers(init.headers !== undefined ? init.headers : base ? base.headers : undefined);
    this._redirect = init.redirect || (base ? base.redirect : 'follow');
    this._signal = init.signal !== undefined ? init.signal : base ? base.signal : null;
    if (!this._signal) this._signal = new AbortController().signal;
    this._keepalive = !!init.keepalive;
    this._duplex = init.duplex || (base ? base._duplex : undefined);
    let extracted = null;
    if (init.body !== undefined && init.body !== null) {
      if (method === 'GET' || method === 'HEAD') throw new TypeError('Request with GET/HEAD method cannot have body.');
      extracted = extractBody(init.body);
      if (extracted.stream && init.duplex !== 'half') throw new TypeError('RequestInit: duplex option is required when sending a body.');
      setBodyHeaders(this[kHeaders], extracted);
    } else if (base && base[kBody].source) {
      if (base.bodyUsed) throw new TypeError('Cannot construct a Request with a Request object that has already been used.');
      extracted = base[kBody].source;
    }
    this[kBody] = new Body(extracted, this);
  }
  get url() { return this._url; }
  get method() { return this._method; }
  get headers() { return this[kHeaders]; }
  get redirect() { return this._redirect; }
  get signal() { return this._signal; }
  get keepalive() { return this._keepalive; }
  get duplex() { return 'half'; }
  get mode() { return 'cors'; }
  get credentials() { return 'same-origin'; }
  get cache() { return 'default'; }
  get destination() { return ''; }
  get referrer() { return 'about:client'; }
  get referrerPolicy() { return ''; }
  get integrity() { return ''; }
  clone() {
    if (this.bodyUsed) throw new TypeError('Request.clone: Body has already been consumed.');
    const r = new Request(this);
    cloneBodyInto(this, r);
    return r;
  }
  get [Symbol.toStringTag]() { return 'Request'; }
}
mixBody(Request);

function cloneBodyInto(from, to) {
  const b = from[kBody];
  if (!b.source) return;
  if (b.source.bytes && !b._stream) { to[kBody] = new Body(b.source, to); return; }
  const [s1, s2] = b.stream.tee();
  b._stream = s1;
  to[kBody] = new Body({ stream: s2, type: b.source.type }, to);
}

// ---- Response --------------------------------------------------------------
class Response {
  constructor(body = null, init = {}) {
    init = init || {};
    const status = init.status !== undefined ? Number(init.status) : 200;
    if (!Number.isInteger(status) || status < 200 || status > 599) {
      throw new RangeError(`init["status"] must be in the range of 200 to 599, inclusive.`);
    }
    if (init.statusText !== undefined && !/^[\t\x20-\x7e\x80-\xff]*$/.test(`${init.statusText}`)) throw new TypeError('Invalid statusText');
    this._status = status;
    this._statusText = init.statusText !== undefined ? `${init.statusText}` : '';
    this[kHeaders] = new Headers(init.headers);
    this._type = 'default';
    this._url = '';
    this._redirected = false;
    let extracted = null;
    if (body !== null && body !== undefined) {
      if ([101, 204, 205, 304].includes(status)) throw new TypeError('Response constructor: Invalid response status code ' + status);
      extracted = extractBody(body);
      setBodyHeaders(this[kHeaders], extracted);
    }
    this[kBody] = new Body(extracted, this);
  }
  static error() {
    const r = new Response(null, { status: 200 });
    r._status = 0;
    r._type = 'error';
    r[kHeaders][kGuard] = 'immutable';
    return r;
  }
  static json(data, init = {}) {
    const text = JSON.stringify(data);
    if (text === undefined) throw new TypeError('Value is not JSON serializable');
    const headers = new Headers(init.headers);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    return new Response(text, { ...init, headers });
  }
  static redirect(url, status = 302) {
    let parsed;
    try { parsed = new URL(`${url}`); } catch (e) { throw new TypeError(`Failed to parse URL from ${url}`, { cause: e }); }
    if (![301, 302, 303, 307, 308].includes(status)) throw new RangeError(`Invalid status code ${status}`);
    const r = new Response(null, { status, headers: { location: parsed.href } });
    r[kHeaders][kGuard] = 'immutable';
    return r;
  }
  get status() { return this._status; }
  get statusText() { return this._statusText; }
  get ok() { return this._status >= 200 && this._status <= 299; }
  get headers() { return this[kHeaders]; }
  get url() { return this._url; }
  get redirected() { return this._redirected; }
  get type() { return this._type; }
  clone() {
    if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
    const r = new Response(null, { status: this._status === 0 ? 200 : this._status, statusText: this._statusText, headers: this[kHeaders] });
    r._status = this._status;
    r._type = this._type;
    r._url = this._url;
    r._redirected = this._redirected;
    cloneBodyInto(this, r);
    return r;
  }
  get [Symbol.toStringTag]() { return 'Response'; }
}
mixBody(Response);

// ---- fetch -----------------------------------------------------------------
function abortError(signal) {
  if (signal && signal.reason !== undefined) return signal.reason;
  return new DOMException('This operation was aborted', 'AbortError');
}

function fetchFailed(cause) { return new TypeError('fetch failed', { cause }); }

// A ReadableStream fed by an IncomingMessage (after decoding), with
// backpressure: the message pauses while the stream's queue is full.
function streamFromMessage(msg, onCancel) {
  return new ReadableStream({
    start(c) {
      msg.on('data', (chunk) => {
        c.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if (c.desiredSize <= 0) msg.pause();
      });
      msg.on('end', () => { try { c.close(); } catch {} });
      msg.on('error', (e) => { try { c.error(fetchFailedOrAbort(e)); } catch {} });
    },
    pull() { msg.resume(); },
    cancel(reason) { onCancel(reason); },
  }, { highWaterMark: 65536, size: (ch) => ch.byteLength });
}
function fetchFailedOrAbort(e) { return e && e.name === 'AbortError' ? e : fetchFailed(e); }

function decode(res) {
  const enc = (res.headers['content-encoding'] || '').toLowerCase().trim();
  const zlib = require('zlib');
  let d = null;
  if (enc === 'gzip' || enc === 'x-gzip') d = zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  else if (enc === 'deflate') d = zlib.createInflate();
  else if (enc === 'br') d = zlib.createBrotliDecompress();
  if (!d) return res;
  res.on('error', (e) => d.destroy(e));
  return res.pipe(d);
}

function fetch(input, init = undefined) {
  return new Promise((resolve, reject) => {
    let request;
    try { request = new Request(input, init); } catch (e) { reject(e); return; }
    const signal = request.signal;
    if (signal.aborted) { reject(abortError(signal)); return; }
    let redirects = 0;
    let current = request;
    let bodySource = request[kBody].source;
    let done = false;
    let activeReq = null;
    let activeRes = null;
    const onAbort = () => {
      const err = abortError(signal);
      if (!done) { done = true; reject(err); }
      if (activeReq) activeReq.destroy();
      if (activeRes) activeRes.destroy(err);
    };
    signal.addEventListener('abort', onAbort, { once: true });

    const go = (url, method) => {
      const u = new URL(url);
      if (u.protocol === 'data:') { resolve(dataResponse(u)); return; }
      if (u.protocol !== 'http:' && u.protocol !== 'https:') {
        done = true;
        reject(fetchFailed(new Error(u.protocol === 'blob:' ? 'blob: URLs are not supported by devrun-js fetch' : 'unknown scheme')));
        return;
      }
      const mod = require(u.protocol === 'https:' ? 'https' : 'http');
      const headers = {};
      for (const [k, v] of current.headers) {
        if (headers[k] !== undefined) headers[k] = [].concat(headers[k], v); else headers[k] = v;
      }
      if (!('accept' in headers)) headers.accept = '*/*';
      if (!('accept-language' in headers)) headers['accept-language'] = '*';
      if (!('sec-fetch-mode' in headers)) headers['sec-fetch-mode'] = 'cors';
      if (!('user-agent' in headers)) headers['user-agent'] = 'node';
      if (!('accept-encoding' in headers)) headers['accept-encoding'] = 'gzip, deflate';
      const req = mod.request(u, { method, headers, agent: fetchAgent(u.protocol) });
      activeReq = req;
      req.on('error', (e) => {
        if (done) return;
        done = true;
        signal.removeEventListener('abort', onAbort);
        reject(fetchFailed(e));
      });
      req.on('response', (res) => {
        activeRes = res;
        const status = res.statusCode;
        const location = res.headers.location;
        if ([301, 302, 303, 307, 308].includes(status) && location !== undefined && current.redirect !== 'manual') {
          res.resume();
          if (current.redirect === 'error') {
            done = true;
            reject(fetchFailed(new Error('unexpected redirect')));
            return;
          }
          if (++redirects > 20) { done = true; reject(fetchFailed(new Error('redirect count exceeded'))); return; }
          let next;
          try { next = new URL(location, url).href; } catch (e) { done = true; reject(fetchFailed(e)); return; }
          let nextMethod = method;
          if (status === 303 && method !== 'GET' && method !== 'HEAD') nextMethod = 'GET';
          if ((status === 301 || status === 302) && method === 'POST') nextMethod = 'GET';
          if (nextMethod !== method) {
            bodySource = null;
            for (const h of ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']) current.headers.delete(h);
          } else if (bodySource && bodySource.stream) {
            done = true;
            reject(fetchFailed(new Error('Cannot follow a redirect with a streamed request body')));
            return;
          }
          if (new URL(next).origin !== u.origin) current.headers.delete('authorization');
          go(next, nextMethod);
          return;
        }
        const body = [101, 204, 205, 304].includes(status) || method === 'HEAD' ? null : decode(res);
        const response = new Response(null, { status: 200 });
        response._status = status;
        response._statusText = res.statusMessage || '';
        response._url = url;
        response._redirected = redirects > 0;
        response._type = 'basic';
        const h = response[kHeaders];
        for (let i = 0; i < res.rawHeaders.length; i += 2) h.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
        if (body) {
          response[kBody] = new Body({ stream: streamFromMessage(body, () => res.destroy()), type: null }, response);
          body.on('end', () => signal.removeEventListener('abort', onAbort));
        } else {
          res.resume();
          signal.removeEventListener('abort', onAbort);
        }
        done = true;
        resolve(response);
      });
      sendBody(req, bodySource, (e) => { if (!done) { done = true; reject(fetchFailed(e)); } req.destroy(); });
    };
    go(request.url, request.method);
  });
}

async function sendBody(req, source, onError) {
  try {
    if (!source) { req.end(); return; }
    if (source.bytes) { req.setHeader('content-length', source.bytes.length); req.end(source.bytes); return; }
    if (source.blob) { const b = B().from(await source.blob.arrayBuffer()); req.setHeader('content-length', b.length); req.end(b); return; }
    if (source.formData) {
      const b = await formDataToBytes(source.formData, source.boundary);
      req.setHeader('content-length', b.length);
      req.end(b);
      return;
    }
    const reader = source.stream.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (!req.write(typeof value === 'string' ? value : B().from(value.buffer, value.byteOffset, value.byteLength))) {
        await new Promise((r) => req.once('drain', r));
      }
    }
    req.end();
  } catch (e) {
    onError(e);
  }
}

function dataResponse(u) {
  const m = /^([^,]*),(.*)$/s.exec(u.href.slice(5));
  if (!m) throw fetchFailed(new Error('invalid data: URL'));
  let type = m[1];
  let bytes;
  if (/;base64$/i.test(type)) { type = type.slice(0, -7); bytes = B().from(decodeURIComponent(m[2]), 'base64'); } else bytes = B().from(decodeURIComponent(m[2]), 'latin1');
  const r = new Response(bytes, { headers: { 'content-type': type || 'text/plain;charset=US-ASCII' } });
  r._url = u.href;
  r._type = 'basic';
  r._statusText = 'OK';
  return r;
}

const agents = {};
function fetchAgent(protocol) {
  if (!agents[protocol]) {
    const mod = require(protocol === 'https:' ? 'https' : 'http');
    agents[protocol] = new mod.Agent({ keepAlive: true, timeout: 4000 });
  }
  return agents[protocol];
}

module.exports = { fetch, Headers, Request, Response, FormData };
