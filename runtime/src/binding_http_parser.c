/* binding_http_parser.c — internalBinding('http_parser'): HTTP/1.1 parsing
 * in C with llhttp; JavaScript receives parsed heads, never raw bytes of the
 * head.
 *
 *   const p = new HTTPParser(type)     0 = requests, 1 = responses
 *   p.maxHeaderSize = 16384            bytes of head before HPE_HEADER_OVERFLOW
 *   p.execute(bytes) -> bytes parsed, or an Error { code: 'HPE_*', reason,
 *                       bytesParsed } (JavaScript exceptions propagate)
 *   p.finish()       -> undefined or an Error (EOF in the middle of a body)
 *   p.reset(type), p.pause(), p.resume(), p.close()
 *
 * During execute the parser calls, on the same object:
 *   onHeadersComplete(major, minor, headers (flat [k, v, ...]), method,
 *                     url, statusCode, statusMessage, upgrade, keepAlive,
 *                     complete, bytesRead)
 *       -> 1 to skip the body (response to HEAD), 2 to stop (upgrade)
 *   onBody(bytes, bytesRead)  a copy of the body bytes
 *   onMessageComplete()
 *
 * A server parser can take over reading a libuv stream handle (TCP or pipe,
 * see stream_wrap.h), as Node's parser.consume(): the bytes go from libuv
 * into llhttp without a JavaScript call per read, a Buffer per read or the
 * socket's Readable machinery.
 *   p.consume(handle) -> true if consuming (false: not a libuv stream)
 *   p.unconsume(), p.readStart(), p.readStop()
 * While consuming, the callbacks (looked up once, at consume()) run as
 * Node's do from its parser: one after the other without nextTicks in
 * between, nextTicks and microtasks once the read is parsed.  Extra:
 *   - onHeadersComplete gets complete = true when the request has no body
 *     (its onMessageComplete would follow at once): it then finishes the
 *     message itself and onMessageComplete is not called (one call per
 *     request instead of two);
 *   - onExecute(ret, bytes, bytesRead) after a read that made no other
 *     call (ret = bytes read; keeps timeouts running), after a parse error
 *     (ret = the Error, bytes = the read), or at an upgrade (ret = bytes of
 *     the head, bytes = what followed it); reading stops after an error or
 *     an upgrade;
 *   - EOF and read errors go to the handle's own reader (readStart's
 *     callback, i.e. net.Socket), so 'end' and errors work as before.
 *   p.timing() -> [ms since the current message began (or since the
 *                  parser was made), -1 between messages; headers done]
 *                 for headersTimeout/requestTimeout
 */
#include <stdlib.h>
#include <string.h>

#include <llhttp.h>

#include "devrun/buf.h"
#include "devrun/util.h"
#include "runtime.h"
#include "stream_wrap.h"

typedef struct {
  llhttp_t p;
  llhttp_settings_t settings;
  dr_buf_t url, status;
  dr_buf_t *fields, *values;
  size_t nheaders, cap;
  size_t ninit;       /* fields/values initialised (kept between messages) */
  bool in_value;
  size_t header_bytes, max_header;
  rt_val self;        /* valid during execute */
  rt_val input;       /* the Uint8Array being parsed */
  const char *base;   /* its data */
  bool js_threw;
  bool executing;     /* inside llhttp_execute/finish: close() must wait */
  bool close_pending;
  /* consume(): */
  rt_ref *obj;        /* the parser object, kept while consuming */
  rt_ref *handle;     /* the stream handle object read from */
  rt_ref *cb[4];      /* callbacks, by enum cb_kind */
  bool consuming, reading;
  bool called_js;     /* a callback ran during this read */
  bool skip_complete; /* onHeadersComplete finished a bodyless message */
  double bytes_read;
  /* timing, loop milliseconds */
  uint64_t msg_start; /* 0 between messages */
  bool headers_done;
} parser;

enum cb_kind { CB_HEADERS, CB_BODY, CB_COMPLETE, CB_EXECUTE };
static const char *const cb_names[] = {"onHeadersComplete", "onBody", "onMessageComplete",
                                       "onExecute"};

/* Method names as strings, made once per thread. */
static _Thread_local rt_ref *method_names[64];

static void parser_free(parser *ps);

static _Thread_local rt_class *parser_class;

static parser *P(llhttp_t *p) { return (parser *)p; }

static int head_bytes(parser *ps, size_t n) {
  ps->header_bytes += n;
  if (ps->max_header && ps->header_bytes > ps->max_header) return HPE_USER;
  return 0;
}

static int on_message_begin(llhttp_t *p) {
  parser *ps = P(p);
  dr_buf_reset(&ps->url);
  dr_buf_reset(&ps->status);
  /* the buffers are reused by the next message (no malloc per header per
   * request); an unusually big one is given back */
  for (size_t i = 0; i < ps->nheaders; i++) {
    if (ps->fields[i].alloc > 4096) dr_buf_release(&ps->fields[i]);
    else dr_buf_reset(&ps->fields[i]);
    if (ps->values[i].alloc > 4096) dr_buf_release(&ps->values[i]);
    else dr_buf_reset(&ps->values[i]);
  }
  ps->nheaders = 0;
  ps->in_value = false;
  ps->header_bytes = 0;
  ps->msg_start = uv_now(rt_env_current->loop) + 1;
  ps->headers_done = false;
  return 0;
}

/* The callback `which`: cached while consuming, else looked up on the
 * object (NULL if there is none). */
static rt_val callback_fn(parser *ps, enum cb_kind which) {
  rt_val fn = ps->consuming ? rt_ref_get(ps->cb[which]) : rt_get(ps->self, cb_names[which]);
  return fn && rt_is_function(fn) ? fn : NULL;
}

/* Calls a callback: while consuming there is no JavaScript caller to throw
 * to, so an exception is reported as uncaught (as Node's parser does). */
static rt_val callback_call(parser *ps, rt_val fn, int argc, rt_val *argv) {
  ps->called_js = true;
  return ps->consuming ? rt_call_toplevel(fn, ps->self, argc, argv)
                       : rt_call(fn, ps->self, argc, argv);
}

static rt_val method_name(unsigned m) {
  if (m >= sizeof method_names / sizeof *method_names)
    return rt_string(llhttp_method_name((llhttp_method_t)m));
  if (!method_names[m]) method_names[m] = rt_ref_new(rt_string(llhttp_method_name((llhttp_method_t)m)));
  return rt_ref_get(method_names[m]);
}

static int on_url(llhttp_t *p, const char *at, size_t n) {
  dr_buf_add(&P(p)->url, at, n);
  return head_bytes(P(p), n);
}

static int on_status(llhttp_t *p, const char *at, size_t n) {
  dr_buf_add(&P(p)->status, at, n);
  return head_bytes(P(p), n);
}

static int on_header_field(llhttp_t *p, const char *at, size_t n) {
  parser *ps = P(p);
  if (ps->in_value || ps->nheaders == 0) {
    if (ps->nheaders == ps->cap) {
      ps->cap = ps->cap ? ps->cap * 2 : 16;
      ps->fields = dr_realloc(ps->fields, ps->cap * sizeof(dr_buf_t));
      ps->values = dr_realloc(ps->values, ps->cap * sizeof(dr_buf_t));
    }
    if (ps->nheaders == ps->ninit) {
      dr_buf_init(&ps->fields[ps->nheaders], 0);
      dr_buf_init(&ps->values[ps->nheaders], 0);
      ps->ninit++;
    }
    ps->nheaders++;
    ps->in_value = false;
  }
  dr_buf_add(&ps->fields[ps->nheaders - 1], at, n);
  return head_bytes(ps, n);
}

static int on_header_value(llhttp_t *p, const char *at, size_t n) {
  parser *ps = P(p);
  ps->in_value = true;
  if (ps->nheaders) dr_buf_add(&ps->values[ps->nheaders - 1], at, n);
  return head_bytes(ps, n);
}

static int on_headers_complete(llhttp_t *p) {
  parser *ps = P(p);
  ps->headers_done = true;
  rt_val fn = callback_fn(ps, CB_HEADERS);
  if (!fn) return 0;
  rt_val headers = rt_array(ps->nheaders * 2);
  for (size_t i = 0; i < ps->nheaders; i++) {
    /* names and values are latin1 in Node (OneByteString) */
    rt_set_i(headers, (uint32_t)(2 * i),
             rt_string_latin1((const uint8_t *)ps->fields[i].buf, ps->fields[i].len));
    rt_set_i(headers, (uint32_t)(2 * i + 1),
             rt_string_latin1((const uint8_t *)ps->values[i].buf, ps->values[i].len));
  }
  bool req = p->type == HTTP_REQUEST;
  /* A request without Content-Length or Transfer-Encoding has no body:
   * llhttp completes it right after this call. */
  bool complete = ps->consuming && req && !p->upgrade &&
                  !(p->flags & (F_CHUNKED | F_TRANSFER_ENCODING)) && p->content_length == 0;
  rt_val argv[11] = {
      rt_int(p->http_major),
      rt_int(p->http_minor),
      headers,
      req ? method_name(p->method) : rt_undefined(),
      req ? rt_string_latin1((const uint8_t *)ps->url.buf, ps->url.len) : rt_undefined(),
      req ? rt_undefined() : rt_int(p->status_code),
      req ? rt_undefined() : rt_string_n(ps->status.buf, ps->status.len),
      rt_bool(p->upgrade),
      rt_bool(llhttp_should_keep_alive(p)),
      rt_bool(complete),
      rt_number(ps->bytes_read),
  };
  rt_val r = callback_call(ps, fn, 11, argv);
  if (!r) {
    ps->js_threw = true;
    return HPE_USER;
  }
  ps->skip_complete = complete;
  int v = rt_to_int32(r);
  return v == 1 ? 1 : v == 2 ? 2 : 0;
}

static int on_body(llhttp_t *p, const char *at, size_t n) {
  parser *ps = P(p);
  rt_val fn = callback_fn(ps, CB_BODY);
  if (!fn) return 0;
  /* a copy: the body may outlive the input buffer */
  void *copy = malloc(n ? n : 1);
  memcpy(copy, at, n);
  rt_val argv[2] = {rt_uint8array(rt_array_buffer_take(copy, n), 0, n), rt_number(ps->bytes_read)};
  rt_val r = callback_call(ps, fn, 2, argv);
  if (!r) {
    ps->js_threw = true;
    return HPE_USER;
  }
  return 0;
}

static int on_message_complete(llhttp_t *p) {
  parser *ps = P(p);
  ps->msg_start = 0;
  if (ps->skip_complete) {
    ps->skip_complete = false;
    return 0;
  }
  rt_val fn = callback_fn(ps, CB_COMPLETE);
  if (!fn) return 0;
  rt_val r = callback_call(ps, fn, 0, NULL);
  if (!r) {
    ps->js_threw = true;
    return HPE_USER;
  }
  return 0;
}

static void parser_init(parser *ps, int type) {
  llhttp_settings_init(&ps->settings);
  ps->settings.on_message_begin = on_message_begin;
  ps->settings.on_url = on_url;
  ps->settings.on_status = on_status;
  ps->settings.on_header_field = on_header_field;
  ps->settings.on_header_value = on_header_value;
  ps->settings.on_headers_complete = on_headers_complete;
  ps->settings.on_body = on_body;
  ps->settings.on_message_complete = on_message_complete;
  llhttp_init(&ps->p, type == 0 ? HTTP_REQUEST : HTTP_RESPONSE, &ps->settings);
}

static void ctor(rt_args *a) {
  parser *ps = dr_calloc(1, sizeof *ps);
  dr_buf_init(&ps->url, 0);
  dr_buf_init(&ps->status, 0);
  ps->max_header = 16384;
  ps->msg_start = uv_now(rt_env_current->loop) + 1;
  parser_init(ps, rt_to_int32(rt_arg(a, 0)));
  rt_object_set_ptr(rt_this(a), ps);
}

static parser *self(rt_args *a) {
  parser *ps = rt_is_object(rt_this(a)) ? rt_object_get_ptr(rt_this(a)) : NULL;
  if (!ps) rt_throw_error("parser is closed");
  return ps;
}

static rt_val parse_error(parser *ps, llhttp_errno_t err, size_t parsed) {
  const char *reason = llhttp_get_error_reason(&ps->p);
  const char *code = llhttp_errno_name(err);
  if (err == HPE_USER && ps->max_header && ps->header_bytes > ps->max_header) {
    code = "HPE_HEADER_OVERFLOW";
    reason = "Header overflow";
  }
  rt_val e = rt_error("Parse Error");
  rt_set(e, "code", rt_string(code));
  rt_set(e, "reason", rt_string(reason ? reason : code));
  rt_set(e, "bytesParsed", rt_number((double)parsed));
  return e;
}

static void execute(rt_args *a) {
  parser *ps = self(a);
  if (!ps) return;
  size_t len = 0;
  const char *data = rt_view_data(rt_arg(a, 0), &len);
  if (!data) {
    rt_return_int(a, 0);
    return;
  }
  ps->self = rt_this(a);
  ps->input = rt_arg(a, 0);
  ps->base = data;
  ps->js_threw = false;
  ps->executing = true;
  llhttp_errno_t err = llhttp_execute(&ps->p, data, len);
  ps->executing = false;
  size_t parsed = len;
  if (err != HPE_OK) {
    const char *pos = llhttp_get_error_pos(&ps->p);
    parsed = pos && pos >= data && pos <= data + len ? (size_t)(pos - data) : 0;
  }
  ps->self = NULL;
  ps->input = NULL;
  if (ps->close_pending) {
    /* closed by a callback: what was parsed no longer matters */
    rt_object_set_ptr(rt_this(a), NULL);
    parser_free(ps);
    rt_return_int(a, (int64_t)parsed);
    return;
  }
  if (ps->js_threw) return; /* the JavaScript exception propagates */
  if (err == HPE_PAUSED_UPGRADE) {
    llhttp_resume_after_upgrade(&ps->p);
    rt_return_int(a, (int64_t)parsed);
    return;
  }
  if (err == HPE_PAUSED) {
    rt_return_int(a, (int64_t)parsed);
    return;
  }
  if (err != HPE_OK) {
    rt_return(a, parse_error(ps, err, parsed));
    return;
  }
  rt_return_int(a, (int64_t)len);
}

/* ---- consume(): reading a stream handle directly ---- */

/* The open stream being consumed, or NULL once its handle closed. */
static rt_stream *consumed_stream(parser *ps) {
  if (!ps->handle) return NULL;
  rt_stream *s = rt_stream_from(rt_ref_get(ps->handle));
  return s && !s->closing && s->consumer == ps ? s : NULL;
}

static void consume_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
  /* llhttp keeps nothing of its input: one buffer per thread serves every
   * connection (read callbacks never nest) */
  static _Thread_local void *area;
  (void)h;
  (void)suggested;
  buf->base = rt_thread_alloc(&area, 65536);
  buf->len = 65536;
}

static void consume_read(uv_stream_t *st, ssize_t n, const uv_buf_t *buf);

static int consume_read_start(parser *ps) {
  rt_stream *s = consumed_stream(ps);
  if (!s || ps->reading) return 0;
  ps->reading = true;
  return uv_read_start(&s->u.stream, consume_alloc, consume_read);
}

static void consume_read_stop(parser *ps) {
  rt_stream *s = consumed_stream(ps);
  if (s && ps->reading) uv_read_stop(&s->u.stream);
  ps->reading = false;
}

/* Gives reading back (the handle is left stopped) and drops the refs. */
static void unconsume(parser *ps) {
  if (!ps->consuming) return;
  consume_read_stop(ps);
  rt_stream *s = consumed_stream(ps);
  if (s) s->consumer = NULL;
  ps->consuming = false;
  rt_ref_free(ps->handle);
  ps->handle = NULL;
  for (int i = 0; i < 4; i++) {
    rt_ref_free(ps->cb[i]);
    ps->cb[i] = NULL;
  }
  rt_ref_free(ps->obj); /* last: may let the parser object go */
  ps->obj = NULL;
}

static void call_execute(parser *ps, rt_val ret, rt_val bytes) {
  rt_val fn = callback_fn(ps, CB_EXECUTE);
  if (!fn) return;
  rt_val argv[3] = {ret, bytes, rt_number(ps->bytes_read)};
  rt_call_toplevel(fn, ps->self, 3, argv);
}

static rt_val bytes_copy(const char *p, size_t n) {
  void *copy = malloc(n ? n : 1);
  memcpy(copy, p, n);
  return rt_uint8array(rt_array_buffer_take(copy, n), 0, n);
}

static void consume_read(uv_stream_t *st, ssize_t n, const uv_buf_t *buf) {
  rt_stream *s = st->data;
  parser *ps = s->consumer;
  if (n == 0 || !ps) return;
  rt_scope *sc = rt_scope_open();
  if (n < 0) {
    /* EOF or an error: the socket's own reader handles them */
    rt_val arg = n == UV_EOF ? rt_null() : rt_errno_error((int)n, "read", NULL, NULL);
    if (s->on_read) rt_make_callback(rt_ref_get(s->on_read), rt_ref_get(s->obj), 1, &arg);
    rt_scope_close(sc);
    return;
  }
  rt_val self = rt_ref_get(ps->obj);
  ps->bytes_read += (double)n;
  ps->self = self;
  ps->input = NULL;
  ps->base = buf->base;
  ps->js_threw = false;
  ps->called_js = false;
  /* executing until every callback of this read returned: a close() from
   * one of them (onExecute closes the parser at an upgrade) waits */
  ps->executing = true;
  llhttp_errno_t err = llhttp_execute(&ps->p, buf->base, (size_t)n);
  size_t parsed = (size_t)n;
  if (err != HPE_OK) {
    const char *pos = llhttp_get_error_pos(&ps->p);
    parsed = pos && pos >= buf->base && pos <= buf->base + n ? (size_t)(pos - buf->base) : 0;
  }
  if (ps->close_pending) {
    /* closed by a callback: nothing more to say */
  } else if (err == HPE_PAUSED_UPGRADE) {
    llhttp_resume_after_upgrade(&ps->p);
    consume_read_stop(ps);
    call_execute(ps, rt_int((int64_t)parsed), bytes_copy(buf->base + parsed, (size_t)n - parsed));
  } else if (err != HPE_OK && err != HPE_PAUSED && !ps->js_threw) {
    consume_read_stop(ps);
    call_execute(ps, parse_error(ps, err, parsed), bytes_copy(buf->base, (size_t)n));
  } else if (!ps->called_js) {
    call_execute(ps, rt_int(n), rt_undefined());
  }
  ps->executing = false;
  ps->self = NULL;
  if (ps->close_pending) {
    rt_object_set_ptr(self, NULL);
    parser_free(ps);
  }
  rt_scope_close(sc);
  rt_tick();
}

static void consume_(rt_args *a) {
  parser *ps = self(a);
  if (!ps) return;
  rt_val h = rt_arg(a, 0);
  rt_stream *s = rt_is_object(h) ? rt_stream_from(h) : NULL;
  if (ps->consuming || !s || s->closing || s->consumer ||
      (s->u.handle.type != UV_TCP && s->u.handle.type != UV_NAMED_PIPE)) {
    rt_return_bool(a, false);
    return;
  }
  ps->obj = rt_ref_new(rt_this(a));
  ps->handle = rt_ref_new(h);
  ps->consuming = true;
  s->consumer = ps;
  for (int i = 0; i < 4; i++) {
    rt_val fn = rt_get(rt_this(a), cb_names[i]);
    if (!fn) {
      unconsume(ps);
      return;
    }
    ps->cb[i] = rt_ref_new(fn);
  }
  uv_read_stop(&s->u.stream); /* the socket's own reading, if started */
  int r = consume_read_start(ps);
  if (r < 0) {
    unconsume(ps);
    rt_return_bool(a, false);
    return;
  }
  rt_return_bool(a, true);
}

static void unconsume_(rt_args *a) {
  parser *ps = self(a);
  if (ps) unconsume(ps);
}

static void read_start_(rt_args *a) {
  parser *ps = self(a);
  if (ps) rt_return_int(a, consume_read_start(ps));
}

static void read_stop_(rt_args *a) {
  parser *ps = self(a);
  if (ps) consume_read_stop(ps);
}

/* [ms since the message (or the parser) began, or -1; headers done] */
static void timing_(rt_args *a) {
  parser *ps = self(a);
  if (!ps) return;
  rt_val r = rt_array(2);
  uint64_t now = uv_now(rt_env_current->loop) + 1;
  rt_set_i(r, 0, ps->msg_start ? rt_number((double)(now - ps->msg_start)) : rt_int(-1));
  rt_set_i(r, 1, rt_bool(ps->headers_done));
  rt_return(a, r);
}

static void finish(rt_args *a) {
  parser *ps = self(a);
  if (!ps) return;
  ps->self = rt_this(a);
  ps->js_threw = false;
  ps->executing = true;
  llhttp_errno_t err = llhttp_finish(&ps->p);
  ps->executing = false;
  ps->self = NULL;
  if (ps->close_pending) {
    rt_object_set_ptr(rt_this(a), NULL);
    parser_free(ps);
    return;
  }
  if (ps->js_threw) return;
  if (err != HPE_OK) rt_return(a, parse_error(ps, err, 0));
}

static void reset(rt_args *a) {
  parser *ps = self(a);
  if (!ps) return;
  on_message_begin(&ps->p);
  parser_init(ps, rt_to_int32(rt_arg(a, 0)));
}

static void pause_(rt_args *a) {
  parser *ps = self(a);
  if (ps) llhttp_pause(&ps->p);
}
static void resume_(rt_args *a) {
  parser *ps = self(a);
  if (ps) llhttp_resume(&ps->p);
}

static void set_max_header(rt_args *a) {
  parser *ps = self(a);
  if (ps) ps->max_header = (size_t)rt_to_number(rt_arg(a, 0));
}

static void parser_free(parser *ps) {
  unconsume(ps);
  for (size_t i = 0; i < ps->ninit; i++) {
    dr_buf_release(&ps->fields[i]);
    dr_buf_release(&ps->values[i]);
  }
  free(ps->fields);
  free(ps->values);
  dr_buf_release(&ps->url);
  dr_buf_release(&ps->status);
  free(ps);
}

static void close_(rt_args *a) {
  parser *ps = rt_is_object(rt_this(a)) ? rt_object_get_ptr(rt_this(a)) : NULL;
  if (!ps) return;
  if (ps->executing) {
    ps->close_pending = true; /* freed when execute() returns */
    return;
  }
  parser_free(ps);
  rt_object_set_ptr(rt_this(a), NULL);
}

void rt_binding_init_http_parser(rt_val e) {
  parser_class = rt_class_new("HTTPParser", ctor, 1);
  rt_class_method(parser_class, "execute", execute);
  rt_class_method(parser_class, "finish", finish);
  rt_class_method(parser_class, "reset", reset);
  rt_class_method(parser_class, "pause", pause_);
  rt_class_method(parser_class, "resume", resume_);
  rt_class_method(parser_class, "setMaxHeaderSize", set_max_header);
  rt_class_method(parser_class, "close", close_);
  rt_class_method(parser_class, "consume", consume_);
  rt_class_method(parser_class, "unconsume", unconsume_);
  rt_class_method(parser_class, "readStart", read_start_);
  rt_class_method(parser_class, "readStop", read_stop_);
  rt_class_method(parser_class, "timing", timing_);
  rt_set(e, "HTTPParser", rt_class_function(parser_class));
  rt_val methods = rt_array(0);
  uint32_t k = 0;
  /* HTTP's methods (llhttp's HTTP_METHOD_MAP; the rest of llhttp_method_t
   * is RTSP and PRI).  Debian's llhttp 8.1 predates QUERY. */
#define XX(num, name, string) rt_set_i(methods, k++, rt_string(#string));
  HTTP_METHOD_MAP(XX)
#undef XX
  rt_set(e, "methods", methods);
}
