'use strict';
// internal/websocket — the WHATWG WebSocket client, which Node 20 exposes as
// the global `WebSocket` only with --experimental-websocket (bootstrap/node
// installs it lazily when process.execArgv has the flag).  Written for
// devrun-js on the runtime's own http/https clients: the opening handshake is
// an http(s).request whose 'upgrade' event hands over the socket; frames are
// then read and written here (RFC 6455: masking, fragmentation, ping/pong,
// the close handshake) and permessage-deflate messages from the server are
// inflated with zlib.  Behaviour, events and error messages follow what
// Node 20.20 (undici 6.24) does, including where it departs from the spec: a
// connection that fails before it opens fires 'error' and no 'close', and
// the client never compresses what it sends.

const { EventTarget, Event } = require('internal/event_target');
const { DOMException } = require('internal/domexception');

function B() { return require('buffer').Buffer; }
function crypto() { return require('crypto'); }

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;
// close frame sent: not yet, being written, written
const NOT_SENT = 0;
const PROCESSING = 1;
const SENT = 2;

const OP_CONT = 0x0;
const OP_TEXT = 0x1;
const OP_BINARY = 0x2;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
const OP_PONG = 0xa;
const MAX_INFLATED = 4 * 1024 * 1024;

const isControl = (op) => op === OP_CLOSE || op === OP_PING || op === OP_PONG;
const isData = (op) => op === OP_TEXT || op === OP_BINARY;

// ---- WebIDL-style conversions (the messages undici's webidl gives) --------
function toDOMString(v, prefix, arg) {
  if (typeof v === 'symbol') {
    throw new TypeError(`${prefix}: ${arg} is a symbol, which cannot be converted to a DOMString.`);
  }
  return `${v}`;
}

function toUSVString(v) {
  const s = `${v}`;
  // lone surrogates become U+FFFD
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function isObject(v) { return v !== null && (typeof v === 'object' || typeof v === 'function'); }

function toProtocols(v) {
  if (isObject(v) && Symbol.iterator in v) {
    const out = [];
    let i = 0;
    for (const p of v) out.push(toDOMString(p, undefined, `undefined[${i++}]`));
    return out;
  }
  return toDOMString(v, undefined, undefined);
}

function toOptions(v) {
  if (isObject(v) && !(Symbol.iterator in v)) {
    const protocols = v.protocols === undefined ? [] : toProtocols(v.protocols);
    return { protocols, headers: v.headers == null ? undefined : v.headers };
  }
  return { protocols: toProtocols(v) };
}

// [Clamp] unsigned short: NaN is 0, halves round to even.
function toClampedUint16(v) {
  let x = +v;
  if (Number.isNaN(x)) return 0;
  x = Math.min(Math.max(x, 0), 65535);
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5 || (d === 0.5 && f % 2 !== 0)) return f + 1;
  return f;
}

function isBlobLike(v) {
  if (!isObject(v)) return false;
  const { Blob } = require('buffer');
  if (v instanceof Blob) return true;
  const tag = v[Symbol.toStringTag];
  return (tag === 'Blob' || tag === 'File') && typeof v.stream === 'function' &&
    typeof v.arrayBuffer === 'function';
}

function isValidSubprotocol(p) {
  if (p.length === 0) return false;
  for (let i = 0; i < p.length; i++) {
    const c = p.charCodeAt(i);
    // token characters only (RFC 7230): no CTLs, space, separators, non-ASCII
    if (c < 0x21 || c > 0x7e || '"(),/:;<=>?@[\\]{}'.includes(p[i])) return false;
  }
  return true;
}

function isValidCloseCode(code) {
  if (code >= 1000 && code < 1015) return code !== 1004 && code !== 1005 && code !== 1006;
  return code >= 3000 && code <= 4999;
}

// "name=value; name2" -> Map (the server's Sec-WebSocket-Extensions)
function parseExtensions(s) {
  const m = new Map();
  for (const part of s.split(';')) {
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).replace(/^[\t\n\r ]+/, '');
    const value = eq < 0 ? '' : part.slice(eq + 1).replace(/[\t\n\r ]+$/, '');
    m.set(name, value);
  }
  return m;
}

let fatalDecoder;
function utf8Decode(buf) {
  if (!fatalDecoder) {
    const { TextDecoder } = require('internal/encoding');
    fatalDecoder = new TextDecoder('utf-8', { fatal: true });
  }
  return fatalDecoder.decode(buf);
}

function illegal() { return new TypeError('Illegal invocation'); }

// ---- events ---------------------------------------------------------------
class CloseEvent extends Event {
  #wasClean;
  #code;
  #reason;
  constructor(type, init = {}) {
    if (arguments.length === 0) throw new TypeError('CloseEvent constructor: 1 argument required, but 0 found.');
    super(type, init);
    init = init == null ? {} : init;
    this.#wasClean = !!init.wasClean;
    this.#code = init.code === undefined ? 0 : (+init.code >>> 0) & 0xffff;
    this.#reason = init.reason === undefined ? '' : toUSVString(init.reason);
  }
  get wasClean() { if (!(#code in this)) throw illegal(); return this.#wasClean; }
  get code() { if (!(#code in this)) throw illegal(); return this.#code; }
  get reason() { if (!(#code in this)) throw illegal(); return this.#reason; }
}

class ErrorEvent extends Event {
  #message;
  #error;
  constructor(type, init = undefined) {
    if (arguments.length === 0) throw new TypeError('ErrorEvent constructor: 1 argument required, but 0 found.');
    super(type, init);
    init = init == null ? {} : init;
    this.#message = init.message === undefined ? '' : `${init.message}`;
    this.#error = init.error;
  }
  get message() { if (!(#message in this)) throw illegal(); return this.#message; }
  get filename() { if (!(#message in this)) throw illegal(); return ''; }
  get lineno() { if (!(#message in this)) throw illegal(); return 0; }
  get colno() { if (!(#message in this)) throw illegal(); return 0; }
  get error() { if (!(#message in this)) throw illegal(); return this.#error; }
}

for (const [C, tag, keys] of [[CloseEvent, 'CloseEvent', ['wasClean', 'code', 'reason']],
  [ErrorEvent, 'ErrorEvent', ['message', 'filename', 'lineno', 'colno', 'error']]]) {
  Object.defineProperty(C.prototype, Symbol.toStringTag, { value: tag, configurable: true });
  for (const k of keys) Object.defineProperty(C.prototype, k, { enumerable: true });
}

function messageEvent(data, origin) {
  const { MessageEvent } = require('internal/worker/io');
  return new MessageEvent('message', { data, origin });
}

// ---- frames ---------------------------------------------------------------
// One masked frame with FIN set (the client never fragments what it sends).
function makeFrame(opcode, payload) {
  const Buffer = B();
  const len = payload.length;
  const hlen = len < 126 ? 6 : len < 65536 ? 8 : 14;
  const frame = Buffer.allocUnsafe(hlen + len);
  frame[0] = 0x80 | opcode;
  if (len < 126) {
    frame[1] = 0x80 | len;
  } else if (len < 65536) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(len, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeUInt32BE(Math.floor(len / 0x100000000), 2);
    frame.writeUInt32BE(len >>> 0, 6);
  }
  const mask = frame.subarray(hlen - 4, hlen);
  crypto().randomFillSync(mask);
  for (let i = 0; i < len; i++) frame[hlen + i] = payload[i] ^ mask[i & 3];
  return frame;
}

// ---- the WebSocket --------------------------------------------------------
class _WebSocket extends EventTarget {
  #url;
  #readyState = CONNECTING;
  #binaryType = 'blob';
  #bufferedAmount = 0;
  #protocol = '';
  #extensions = '';
  #handlers = { open: null, error: null, close: null, message: null };
  #req = null;
  #socket = null;
  #failed = false;           // the connection was failed (no more events from the handshake)
  #sentClose = NOT_SENT;
  #receivedClose = false;
  #closeInfo = undefined;    // { code, reason, error } of the close frame received
  // frame parser
  #chunks = [];
  #buffered = 0;
  #parsing = true;           // false once a close frame or a failure stops it
  #inflating = false;        // waiting for zlib: more data is queued, not parsed
  #frame = null;             // { fin, opcode, rsv1, len, state }
  #fragments = [];
  #msgOpcode = 0;
  #msgCompressed = false;
  #deflate = null;           // { windowBits, inflate } when permessage-deflate was agreed
  // outgoing frames wait here while a Blob is being read
  #queue = [];
  #queueRunning = false;

  constructor(url, protocols = []) {
    super();
    if (arguments.length === 0) {
      throw new TypeError('WebSocket constructor: 1 argument required, but 0 found.');
    }
    const options = toOptions(protocols);
    url = toUSVString(url);
    protocols = options.protocols;
    let rec;
    try {
      rec = new URL(url);
    } catch (e) {
      throw new DOMException(e, 'SyntaxError');
    }
    if (rec.protocol === 'http:') rec.protocol = 'ws:';
    else if (rec.protocol === 'https:') rec.protocol = 'wss:';
    if (rec.protocol !== 'ws:' && rec.protocol !== 'wss:') {
      throw new DOMException(`Expected a ws: or wss: protocol, got ${rec.protocol}`, 'SyntaxError');
    }
    if (rec.hash || rec.href.endsWith('#')) throw new DOMException('Got fragment', 'SyntaxError');
    if (typeof protocols === 'string') protocols = [protocols];
    if (protocols.length !== new Set(protocols.map((p) => p.toLowerCase())).size ||
        (protocols.length > 0 && !protocols.every(isValidSubprotocol))) {
      throw new DOMException('Invalid Sec-WebSocket-Protocol value', 'SyntaxError');
    }
    this.#url = new URL(rec.href);
    this.#connect(protocols, options.headers);
  }

  #connect(protocols, userHeaders) {
    const url = this.#url;
    const secure = url.protocol === 'wss:';
    const key = crypto().randomBytes(16).toString('base64');
    const headers = [];
    if (userHeaders !== undefined) {
      const { Headers } = require('internal/fetch');
      for (const [k, v] of new Headers(userHeaders)) headers.push(k, v);
    }
    headers.push('connection', 'upgrade', 'upgrade', 'websocket', 'sec-websocket-key', key,
      'sec-websocket-version', '13');
    if (protocols.length) headers.push('sec-websocket-protocol', protocols.join(', '));
    headers.push('sec-websocket-extensions', 'permessage-deflate; client_max_window_bits',
      'accept', '*/*', 'accept-language', '*', 'sec-fetch-mode', 'websocket', 'user-agent', 'node',
      'pragma', 'no-cache', 'cache-control', 'no-cache', 'accept-encoding', 'gzip, deflate');
    const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    const opts = {
      method: 'GET',
      host: hostname,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      headers,
      agent: false,
      setHost: true,
    };
    const req = (secure ? require('https') : require('http')).request(opts);
    this.#req = req;
    const networkError = () => this.#failConnecting('Received network error or non-101 status code.');
    req.on('error', networkError);
    req.on('close', networkError);
    req.on('response', (res) => {
      res.resume();
      res.socket && res.socket.destroy();
      networkError();
    });
    req.on('upgrade', (res, socket, head) => this.#onUpgrade(res, socket, head, key, protocols));
    req.end();
  }

  // A failure before the connection opened: 'error' once, and no 'close'
  // (as undici, whose aborted fetch never gets a socket to watch).
  #failConnecting(reason) {
    if (this.#failed || this.#socket) return;
    this.#failed = true;
    if (this.#req) this.#req.destroy();
    this.#fireError(reason);
  }

  #fireError(reason) {
    this.dispatchEvent(new ErrorEvent('error', { error: new Error(reason), message: reason }));
  }

  #onUpgrade(res, socket, head, key, protocols) {
    if (this.#failed) { socket.destroy(); return; }
    const h = res.headers;
    const get = (name) => {
      const v = h[name];
      return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
    };
    let why = null;
    let ext = null;
    const secExt = get('sec-websocket-extensions');
    const secProto = get('sec-websocket-protocol');
    if (res.statusCode !== 101) {
      why = 'Received network error or non-101 status code.';
    } else if (protocols.length !== 0 && !secProto) {
      why = 'Server did not respond with sent protocols.';
    } else if ((get('upgrade') || '').toLowerCase() !== 'websocket') {
      why = 'Server did not set Upgrade header to "websocket".';
    } else if ((get('connection') || '').toLowerCase() !== 'upgrade') {
      why = 'Server did not set Connection header to "upgrade".';
    } else if (get('sec-websocket-accept') !== crypto().createHash('sha1').update(key + GUID).digest('base64')) {
      why = 'Incorrect hash received in Sec-WebSocket-Accept header.';
    } else if (secExt !== null && !(ext = parseExtensions(secExt)).has('permessage-deflate')) {
      why = 'Sec-WebSocket-Extensions header does not match.';
    } else if (secProto !== null && !protocols.includes(secProto)) {
      why = 'Protocol was not set in the opening handshake.';
    }
    if (why) {
      socket.destroy();
      this.#failConnecting(why);
      return;
    }
    if (ext) this.#deflate = { windowBits: ext.get('server_max_window_bits'), inflate: null };
    this.#socket = socket;
    this.#req = null;
    socket.setNoDelay && socket.setNoDelay(true);
    socket.setTimeout && socket.setTimeout(0);
    socket.on('data', (d) => this.#onData(d));
    socket.on('close', () => this.#onSocketClose());
    socket.on('error', () => {
      this.#readyState = CLOSING;
      socket.destroy();
    });
    this.#readyState = OPEN;
    if (secExt !== null) this.#extensions = secExt;
    if (secProto !== null) this.#protocol = secProto;
    this.dispatchEvent(new Event('open'));
    if (head && head.length) this.#onData(head);
  }

  // A failure once open: the socket is destroyed, 'error' now and 'close'
  // (1006) when the socket has closed.
  #fail(reason, stopParsing = true) {
    if (stopParsing) this.#parsing = false;
    if (this.#socket && !this.#socket.destroyed) this.#socket.destroy();
    if (reason) this.#fireError(reason);
  }

  #onSocketClose() {
    const info = this.#closeInfo;
    let code = 1005;
    let reason = '';
    if (info && !info.error) {
      code = info.code === undefined ? 1005 : info.code;
      reason = info.reason;
    } else if (!this.#receivedClose) {
      code = 1006;
    }
    const wasClean = this.#sentClose === SENT && this.#receivedClose;
    this.#readyState = CLOSED;
    if (this.#deflate && this.#deflate.inflate) {
      this.#deflate.inflate.removeAllListeners('data');
      this.#deflate.inflate.close();
    }
    this.dispatchEvent(new CloseEvent('close', { wasClean, code, reason }));
  }

  // ---- reading frames ----
  #onData(chunk) {
    if (!this.#parsing) return;
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
    if (!this.#inflating) this.#parse();
  }

  #take(n) {
    const Buffer = B();
    this.#buffered -= n;
    if (n === 0) return Buffer.alloc(0);
    const first = this.#chunks[0];
    if (first.length === n) return this.#chunks.shift();
    if (first.length > n) {
      this.#chunks[0] = first.subarray(n);
      return first.subarray(0, n);
    }
    const out = Buffer.allocUnsafe(n);
    let off = 0;
    while (off < n) {
      const c = this.#chunks[0];
      const k = Math.min(c.length, n - off);
      out.set(k === c.length ? c : c.subarray(0, k), off);
      off += k;
      if (k === c.length) this.#chunks.shift();
      else this.#chunks[0] = c.subarray(k);
    }
    return out;
  }

  #parse() {
    while (this.#parsing && !this.#inflating) {
      let f = this.#frame;
      if (f === null) {
        if (this.#buffered < 2) return;
        const h = this.#take(2);
        const fin = (h[0] & 0x80) !== 0;
        const opcode = h[0] & 0x0f;
        const masked = (h[1] & 0x80) !== 0;
        const len = h[1] & 0x7f;
        const rsv1 = (h[0] & 0x40) !== 0;
        const fragmented = !fin && opcode !== OP_CONT;
        if (!isData(opcode) && opcode !== OP_CONT && !isControl(opcode)) return this.#fail('Invalid opcode received');
        if (masked) return this.#fail('Frame cannot be masked');
        if (rsv1 && !this.#deflate) return this.#fail('Expected RSV1 to be clear.');
        if (h[0] & 0x30) return this.#fail('RSV1, RSV2, RSV3 must be clear');
        if (fragmented && !isData(opcode)) return this.#fail('Invalid frame type was fragmented.');
        if (isData(opcode) && this.#fragments.length > 0) return this.#fail('Expected continuation frame');
        if (isControl(opcode) && (len > 125 || fragmented)) return this.#fail('Control frame either too large or fragmented');
        if (opcode === OP_CONT && this.#fragments.length === 0 && !this.#msgCompressed) return this.#fail('Unexpected continuation frame');
        if (isData(opcode)) {
          this.#msgOpcode = opcode;
          this.#msgCompressed = rsv1;
        }
        f = this.#frame = { fin, opcode, len, state: len === 126 ? 1 : len === 127 ? 2 : 3 };
      }
      if (f.state === 1) {
        if (this.#buffered < 2) return;
        f.len = this.#take(2).readUInt16BE(0);
        f.state = 3;
      } else if (f.state === 2) {
        if (this.#buffered < 8) return;
        const b = this.#take(8);
        const hi = b.readUInt32BE(0);
        const lo = b.readUInt32BE(4);
        if (hi !== 0 || lo > 2 ** 31 - 1) return this.#fail('Received payload length > 2^31 bytes.');
        f.len = lo;
        f.state = 3;
      }
      if (this.#buffered < f.len) return;
      const body = this.#take(f.len);
      this.#frame = null;
      if (isControl(f.opcode)) {
        this.#onControl(f.opcode, body);
      } else if (!this.#msgCompressed) {
        this.#fragments.push(body);
        if (f.fin) this.#message(B().concat(this.#fragments));
      } else {
        this.#inflate(body, f.fin);
      }
    }
  }

  #message(data) {
    this.#fragments = [];
    this.#msgCompressed = false;
    if (this.#readyState !== OPEN) return;
    let value;
    if (this.#msgOpcode === OP_TEXT) {
      try {
        value = utf8Decode(data);
      } catch {
        // as undici: frames already received are still parsed (and messages
        // delivered) until the socket's 'close'
        this.#fail('Received invalid UTF-8 in text frame.', false);
        return;
      }
    } else if (this.#binaryType === 'blob') {
      const { Blob } = require('buffer');
      value = new Blob([data]);
    } else {
      value = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
    }
    this.dispatchEvent(messageEvent(value, this.#url.origin));
  }

  // permessage-deflate: one raw inflate stream for the connection (the server
  // may keep its context), flushed after each frame; parsing waits for it.
  #inflate(body, fin) {
    const d = this.#deflate;
    if (!d.inflate) {
      let windowBits = 15;
      if (d.windowBits) {
        const n = /^[0-9]+$/.test(d.windowBits) ? parseInt(d.windowBits, 10) : NaN;
        if (!(n >= 8 && n <= 15)) return this.#fail('Invalid server_max_window_bits');
        windowBits = n;
      }
      try {
        d.inflate = require('zlib').createInflateRaw({ windowBits });
      } catch (e) {
        return this.#fail(e.message);
      }
      d.out = [];
      d.size = 0;
      d.inflate.on('data', (c) => {
        d.size += c.length;
        if (d.size <= MAX_INFLATED) { d.out.push(c); return; }
        // a compression bomb: stop inflating at once, as undici
        const inflate = d.inflate;
        d.inflate = null;
        inflate.removeAllListeners('data');
        inflate.close();
        this.#inflating = false;
        this.#fail('Max decompressed message size exceeded');
      });
      d.inflate.on('error', (e) => { d.inflate = null; this.#inflating = false; this.#fail(e.message); });
    }
    this.#inflating = true;
    const inflate = d.inflate;
    inflate.write(body);
    if (fin) inflate.write(B().from([0, 0, 0xff, 0xff]));
    inflate.flush(() => {
      if (d.inflate !== inflate || !this.#parsing) return;
      this.#inflating = false;
      const out = B().concat(d.out, d.size);
      d.out = [];
      d.size = 0;
      this.#fragments.push(out);
      if (fin) this.#message(B().concat(this.#fragments));
      this.#parse();
    });
  }

  #onControl(opcode, body) {
    if (opcode === OP_CLOSE) {
      if (body.length === 1) return this.#fail('Received close frame with a 1-byte body.');
      this.#closeInfo = this.#parseClose(body);
      if (this.#closeInfo.error) {
        const { code, reason } = this.#closeInfo;
        this.#closeConnection(code, reason, B().byteLength(reason));
        return this.#fail(reason);
      }
      if (this.#sentClose !== SENT) {
        // echo the code (not the reason), as undici
        let payload = B().alloc(0);
        if (this.#closeInfo.code) {
          payload = B().allocUnsafe(2);
          payload.writeUInt16BE(this.#closeInfo.code, 0);
        }
        this.#socket.write(makeFrame(OP_CLOSE, payload), (err) => { if (!err) this.#sentClose = SENT; });
      }
      this.#readyState = CLOSING;
      this.#receivedClose = true;
      this.#parsing = false;
    } else if (opcode === OP_PING) {
      if (!this.#receivedClose) this.#socket.write(makeFrame(OP_PONG, body));
    }
  }

  #parseClose(body) {
    let code;
    if (body.length >= 2) code = body.readUInt16BE(0);
    if (code !== undefined && !isValidCloseCode(code)) return { code: 1002, reason: 'Invalid status code', error: true };
    let r = body.subarray(2);
    if (r[0] === 0xef && r[1] === 0xbb && r[2] === 0xbf) r = r.subarray(3);
    try {
      return { code, reason: utf8Decode(r), error: false };
    } catch {
      return { code: 1007, reason: 'Invalid UTF-8', error: true };
    }
  }

  #closeConnection(code, reason, reasonLength) {
    const state = this.#readyState;
    if (state === CLOSING || state === CLOSED) return;
    if (state === CONNECTING) {
      // fails the connection: 'error' now, and the aborted handshake's own
      // 'error' later (as undici); never a 'close'
      this.#fireError('Connection was closed before it was established.');
      this.#readyState = CLOSING;
      if (this.#req) this.#req.destroy();
      return;
    }
    if (this.#sentClose === NOT_SENT) {
      this.#sentClose = PROCESSING;
      const Buffer = B();
      let payload;
      if (code !== undefined) {
        payload = Buffer.allocUnsafe(2 + (reason !== undefined ? reasonLength : 0));
        payload.writeUInt16BE(code, 0);
        if (reason !== undefined) payload.write(reason, 2, 'utf8');
      } else {
        payload = Buffer.alloc(0);
      }
      this.#socket.write(makeFrame(OP_CLOSE, payload));
      this.#sentClose = SENT;
    }
    this.#readyState = CLOSING;
  }

  // ---- the API ----
  close(code = undefined, reason = undefined) {
    if (!(#url in this)) throw illegal();
    if (code !== undefined) code = toClampedUint16(code);
    if (reason !== undefined) reason = toUSVString(reason);
    if (code !== undefined && code !== 1000 && (code < 3000 || code > 4999)) {
      throw new DOMException('invalid code', 'InvalidAccessError');
    }
    let reasonLength = 0;
    if (reason !== undefined) {
      reasonLength = B().byteLength(reason);
      if (reasonLength > 123) {
        throw new DOMException(`Reason must be less than 123 bytes; received ${reasonLength}`, 'SyntaxError');
      }
    }
    this.#closeConnection(code, reason, reasonLength);
  }

  send(data) {
    if (!(#url in this)) throw illegal();
    if (arguments.length === 0) throw new TypeError('WebSocket.send: 1 argument required, but 0 found.');
    let kind;
    if (isObject(data) && isBlobLike(data)) {
      kind = 'blob';
    } else if (isObject(data) && (ArrayBuffer.isView(data) || data instanceof ArrayBuffer ||
      Object.prototype.toString.call(data) === '[object ArrayBuffer]')) {
      kind = 'bytes';
    } else {
      data = toUSVString(typeof data === 'symbol' ? toDOMString(data, 'WebSocket.send', 'data') : data);
      kind = 'string';
    }
    if (this.#readyState === CONNECTING) throw new DOMException('Sent before connected.', 'InvalidStateError');
    if (this.#readyState !== OPEN) return;
    const Buffer = B();
    let bytes;
    let length;
    if (kind === 'string') {
      bytes = Buffer.from(data, 'utf8');
      length = bytes.length;
    } else if (kind === 'bytes') {
      bytes = ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);
      length = bytes.length;
    } else {
      length = data.size;
    }
    this.#bufferedAmount += length;
    const done = () => { this.#bufferedAmount -= length; };
    const op = kind === 'string' ? OP_TEXT : OP_BINARY;
    if (kind !== 'blob') {
      const frame = makeFrame(op, bytes);
      if (!this.#queueRunning) this.#socket.write(frame, done);
      else this.#queue.push({ promise: null, frame, done });
      return;
    }
    const item = { promise: null, frame: null, done };
    item.promise = data.arrayBuffer().then((ab) => {
      item.promise = null;
      item.frame = makeFrame(OP_BINARY, Buffer.from(ab));
    });
    this.#queue.push(item);
    if (!this.#queueRunning) this.#runQueue();
  }

  async #runQueue() {
    this.#queueRunning = true;
    while (this.#queue.length) {
      const item = this.#queue.shift();
      if (item.promise !== null) await item.promise;
      if (this.#socket && !this.#socket.destroyed) this.#socket.write(item.frame, item.done);
    }
    this.#queueRunning = false;
  }

  get readyState() { if (!(#url in this)) throw illegal(); return this.#readyState; }
  get bufferedAmount() { if (!(#url in this)) throw illegal(); return this.#bufferedAmount; }
  get url() { if (!(#url in this)) throw illegal(); return this.#url.href; }
  get extensions() { if (!(#url in this)) throw illegal(); return this.#extensions; }
  get protocol() { if (!(#url in this)) throw illegal(); return this.#protocol; }

  static #getHandler(ws, type) {
    if (!(#url in ws)) throw illegal();
    return ws.#handlers[type];
  }

  static #setHandler(ws, type, fn) {
    if (!(#url in ws)) throw illegal();
    ws.#doSetHandler(type, fn);
  }

  #doSetHandler(type, fn) {
    if (this.#handlers[type]) this.removeEventListener(type, this.#handlers[type]);
    if (typeof fn === 'function') {
      this.#handlers[type] = fn;
      this.addEventListener(type, fn);
    } else {
      this.#handlers[type] = null;
    }
  }

  get onopen() { return _WebSocket.#getHandler(this, 'open'); }
  set onopen(fn) { _WebSocket.#setHandler(this, 'open', fn); }
  get onerror() { return _WebSocket.#getHandler(this, 'error'); }
  set onerror(fn) { _WebSocket.#setHandler(this, 'error', fn); }
  get onclose() { return _WebSocket.#getHandler(this, 'close'); }
  set onclose(fn) { _WebSocket.#setHandler(this, 'close', fn); }
  get onmessage() { return _WebSocket.#getHandler(this, 'message'); }
  set onmessage(fn) { _WebSocket.#setHandler(this, 'message', fn); }
  get binaryType() { if (!(#url in this)) throw illegal(); return this.#binaryType; }
  set binaryType(type) {
    if (!(#url in this)) throw illegal();
    this.#binaryType = type === 'arraybuffer' ? 'arraybuffer' : 'blob';
  }
}

const WebSocket = _WebSocket;
Object.defineProperty(WebSocket, 'name', { value: 'WebSocket', configurable: true });
const constant = { enumerable: true, writable: false, configurable: false };
for (const [k, v] of [['CONNECTING', CONNECTING], ['OPEN', OPEN], ['CLOSING', CLOSING], ['CLOSED', CLOSED]]) {
  Object.defineProperty(WebSocket, k, { ...constant, value: v });
  Object.defineProperty(WebSocket.prototype, k, { ...constant, value: v });
}
for (const k of ['url', 'readyState', 'bufferedAmount', 'onopen', 'onerror', 'onclose', 'close',
  'onmessage', 'binaryType', 'send', 'extensions', 'protocol']) {
  Object.defineProperty(WebSocket.prototype, k, { enumerable: true });
}
Object.defineProperty(WebSocket.prototype, Symbol.toStringTag, {
  value: 'WebSocket', writable: false, enumerable: false, configurable: true,
});

module.exports = { WebSocket, CloseEvent, ErrorEvent };
