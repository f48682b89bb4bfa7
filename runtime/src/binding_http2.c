/* binding_http2.c — internalBinding('http2'): HTTP/2 sessions (client and
 * server) on libnghttp2, for runtime/lib/http2.js.
 *
 * The binding is a framing engine with no I/O of its own: the JavaScript side
 * (internal/http2/core.js) reads bytes from the session's socket — a
 * net.Socket or a tls.TLSSocket, so h2 over TLS needs nothing here — hands
 * them to receive(), and writes what send() returns back to the socket.  Every
 * call that lets nghttp2 run its callbacks returns the events they produced as
 * a flat list, and JavaScript dispatches them once nghttp2 is out of the way
 * (no user code ever runs inside an nghttp2 callback).
 *
 *   create(type)            a session handle: type 0 server, 1 client; the
 *                           methods below are in SessionMethods (JavaScript
 *                           makes it the handles' prototype)
 *   s.receive(view)         -> events array
 *   s.send()                -> [ArrayBuffer | undefined, events]
 *   s.submitSettings(flat [id, value, ...])                   -> 0 | error
 *   s.submitRequest(headers, endStream)                       -> stream id | error
 *   s.submitResponse(id, headers, endStream)                  -> 0 | error
 *   s.submitHeaders(id, headers, endStream)                   -> 0 | error
 *       (informational headers before the response)
 *   s.write(id, view)        queue body bytes of stream id
 *   s.queued(id)            -> body bytes of stream id not yet framed
 *   s.consume(id, n)        n received body bytes were read: the flow-control
 *                           windows reopen by that much (WINDOW_UPDATE)
 *   s.end(id, trailers | undefined)   the body is complete; trailers (a
 *       headers list) are sent after it, with END_STREAM
 *   s.setLocalWindowSize(n) the connection's receive window -> 0 | error
 *   s.rstStream(id, code), s.ping(view8), s.goaway(code, lastId, view|undefined)
 *   s.terminate(code)       GOAWAY with the last processed stream id
 *   s.state()               -> {effectiveLocalWindowSize, ..., inflateDynamicTableSize}
 *   s.remoteSettings() / s.localSettings() -> flat [id, value, ...]
 *   s.streamState(id)       -> {state, localWindowSize, remoteWindowSize} | undefined
 *   s.destroy()
 * A headers list is a flat array [name, value, flags, ...] (flags 1: never
 * index, for http2.sensitiveHeaders).
 *
 * Events (flat arrays, one per event):
 *   [0, libError, message]        nghttp2 failed (bad preface, protocol
 *                                  error): the session is unusable
 *   [1, id, cat, flags, headers]  HEADERS (cat: nghttp2_headers_category;
 *                                  flags: the frame's flags)
 *   [2, id, ArrayBuffer]          a DATA chunk
 *   [3, id]                       END_STREAM from the peer
 *   [4, id, code]                 the stream closed (code: RST/error code)
 *   [5, ack]                      SETTINGS (ack 1 for an acknowledgement)
 *   [6, ack, ArrayBuffer]         PING
 *   [7, code, lastStreamId, ArrayBuffer | undefined]  GOAWAY
 *   [8, id, code]                 RST_STREAM
 *   [9, id, frameType, libError]  a frame could not be sent
 *
 * Ownership: destroy() ends the nghttp2 session (later calls throw); the C
 * struct itself is freed when the JavaScript handle is collected (a weak
 * reference), so a stale handle never points at freed memory.
 */
#include <stdlib.h>
#include <string.h>

#include <nghttp2/nghttp2.h>

#include "engine.h"
#include "runtime.h"

typedef struct h2_chunk {
  struct h2_chunk *next;
  size_t len, off;
  uint8_t data[];
} h2_chunk;

typedef struct h2_out {
  struct h2_out *next, *prev;
  int32_t id;
  h2_chunk *head, *tail;
  bool eof, deferred;
  nghttp2_nv *trailers; /* with its strings in one allocation */
  size_t ntrailers;
} h2_out;

typedef struct h2_session {
  nghttp2_session *ng;
  rt_val events;    /* valid inside the native call that set it */
  uint32_t nevents;
  rt_val headers;   /* headers of the HEADERS frame being received */
  uint32_t nheaders;
  h2_out *outs;
  bool destroyed;
} h2_session;

static const int h2_tag = 0x4832; /* address used as the object tag */

/* ---- events ------------------------------------------------------------- */

static void push_event(h2_session *s, int argc, rt_val *argv) {
  if (!s->events) return; /* only receive() and send() run callbacks */
  rt_val e = rt_array(argc);
  for (int i = 0; i < argc; i++) rt_set_i(e, i, argv[i]);
  rt_set_i(s->events, s->nevents++, e);
}

static rt_val ab_copy(const uint8_t *p, size_t len) {
  rt_val ab = rt_array_buffer(len, false);
  if (len) memcpy(rt_array_buffer_data(ab, NULL), p, len);
  return ab;
}

/* ---- outbound bodies ------------------------------------------------------- */

static void out_free(h2_session *s, h2_out *o) {
  if (o->prev) o->prev->next = o->next;
  else s->outs = o->next;
  if (o->next) o->next->prev = o->prev;
  for (h2_chunk *c = o->head, *n; c; c = n) {
    n = c->next;
    free(c);
  }
  free(o->trailers);
  free(o);
}

static h2_out *out_new(h2_session *s) {
  h2_out *o = calloc(1, sizeof *o);
  if (!o) abort();
  o->next = s->outs;
  if (s->outs) s->outs->prev = o;
  s->outs = o;
  return o;
}

/* By id: a request's stream exists in nghttp2 only once its HEADERS are
 * sent, but its body may be queued before that. */
static h2_out *out_of(h2_session *s, int32_t id) {
  for (h2_out *o = s->outs; o; o = o->next)
    if (o->id == id) return o;
  return NULL;
}

static ssize_t read_body(nghttp2_session *ng, int32_t id, uint8_t *buf, size_t length,
                         uint32_t *flags, nghttp2_data_source *src, void *user) {
  h2_session *s = user;
  h2_out *o = src->ptr;
  if (!o) {
    *flags |= NGHTTP2_DATA_FLAG_EOF;
    return 0;
  }
  size_t n = 0;
  while (o->head && n < length) {
    h2_chunk *c = o->head;
    size_t k = c->len - c->off;
    if (k > length - n) k = length - n;
    memcpy(buf + n, c->data + c->off, k);
    n += k;
    c->off += k;
    if (c->off == c->len) {
      o->head = c->next;
      if (!o->head) o->tail = NULL;
      free(c);
    }
  }
  if (!o->head && o->eof) {
    *flags |= NGHTTP2_DATA_FLAG_EOF;
    if (o->trailers) {
      *flags |= NGHTTP2_DATA_FLAG_NO_END_STREAM;
      int rv = nghttp2_submit_trailer(ng, id, o->trailers, o->ntrailers);
      free(o->trailers);
      o->trailers = NULL;
      if (rv != 0) {
        rt_val ev[] = {rt_int(9), rt_int(id), rt_int(NGHTTP2_HEADERS), rt_int(rv)};
        push_event(s, 4, ev);
      }
    }
    return (ssize_t)n;
  }
  if (n == 0) {
    o->deferred = true;
    return NGHTTP2_ERR_DEFERRED;
  }
  return (ssize_t)n;
}

/* ---- nghttp2 callbacks ---------------------------------------------------- */

static int on_begin_headers(nghttp2_session *ng, const nghttp2_frame *f, void *user) {
  (void)ng;
  (void)f;
  h2_session *s = user;
  s->headers = rt_array(0);
  s->nheaders = 0;
  return 0;
}

static int on_header(nghttp2_session *ng, const nghttp2_frame *f, const uint8_t *name, size_t nlen,
                     const uint8_t *value, size_t vlen, uint8_t flags, void *user) {
  (void)ng;
  (void)f;
  h2_session *s = user;
  if (!s->headers) {
    s->headers = rt_array(0);
    s->nheaders = 0;
  }
  rt_set_i(s->headers, s->nheaders++, rt_string_latin1(name, nlen));
  rt_set_i(s->headers, s->nheaders++, rt_string_n((const char *)value, vlen));
  rt_set_i(s->headers, s->nheaders++, rt_int(flags & NGHTTP2_NV_FLAG_NO_INDEX ? 1 : 0));
  return 0;
}

static int on_frame_recv(nghttp2_session *ng, const nghttp2_frame *f, void *user) {
  (void)ng;
  h2_session *s = user;
  int32_t id = f->hd.stream_id;
  switch (f->hd.type) {
  case NGHTTP2_HEADERS: {
    rt_val hs = s->headers ? s->headers : rt_array(0);
    s->headers = NULL;
    rt_val ev[] = {rt_int(1), rt_int(id), rt_int(f->headers.cat), rt_int(f->hd.flags), hs};
    push_event(s, 5, ev);
    if (f->hd.flags & NGHTTP2_FLAG_END_STREAM) {
      rt_val e2[] = {rt_int(3), rt_int(id)};
      push_event(s, 2, e2);
    }
    break;
  }
  case NGHTTP2_DATA:
    if (f->hd.flags & NGHTTP2_FLAG_END_STREAM) {
      rt_val ev[] = {rt_int(3), rt_int(id)};
      push_event(s, 2, ev);
    }
    break;
  case NGHTTP2_SETTINGS: {
    rt_val ev[] = {rt_int(5), rt_int(f->hd.flags & NGHTTP2_FLAG_ACK ? 1 : 0)};
    push_event(s, 2, ev);
    break;
  }
  case NGHTTP2_PING: {
    rt_val ev[] = {rt_int(6), rt_int(f->hd.flags & NGHTTP2_FLAG_ACK ? 1 : 0),
                   ab_copy(f->ping.opaque_data, 8)};
    push_event(s, 3, ev);
    break;
  }
  case NGHTTP2_GOAWAY: {
    rt_val ev[] = {rt_int(7), rt_int(f->goaway.error_code), rt_int(f->goaway.last_stream_id),
                   f->goaway.opaque_data_len
                       ? ab_copy(f->goaway.opaque_data, f->goaway.opaque_data_len)
                       : rt_undefined()};
    push_event(s, 4, ev);
    break;
  }
  case NGHTTP2_RST_STREAM: {
    rt_val ev[] = {rt_int(8), rt_int(id), rt_int(f->rst_stream.error_code)};
    push_event(s, 3, ev);
    break;
  }
  default:
    break;
  }
  return 0;
}

static int on_data_chunk(nghttp2_session *ng, uint8_t flags, int32_t id, const uint8_t *data,
                         size_t len, void *user) {
  (void)ng;
  (void)flags;
  h2_session *s = user;
  rt_val ev[] = {rt_int(2), rt_int(id), ab_copy(data, len)};
  push_event(s, 3, ev);
  return 0;
}

static int on_stream_close(nghttp2_session *ng, int32_t id, uint32_t code, void *user) {
  (void)ng;
  h2_session *s = user;
  h2_out *o = out_of(s, id);
  if (o) out_free(s, o);
  rt_val ev[] = {rt_int(4), rt_int(id), rt_number(code)};
  push_event(s, 3, ev);
  return 0;
}

static int on_frame_not_send(nghttp2_session *ng, const nghttp2_frame *f, int lib_error,
                             void *user) {
  (void)ng;
  h2_session *s = user;
  rt_val ev[] = {rt_int(9), rt_int(f->hd.stream_id), rt_int(f->hd.type), rt_int(lib_error)};
  push_event(s, 4, ev);
  return 0;
}

/* ---- handle --------------------------------------------------------------- */

static void sess_end(h2_session *s) {
  while (s->outs) out_free(s, s->outs);
  if (s->ng) nghttp2_session_del(s->ng);
  s->ng = NULL;
  s->destroyed = true;
}

static void sess_weak(void *data) {
  h2_session *s = data;
  sess_end(s);
  free(s);
}

static h2_session *self(rt_args *a) {
  rt_val t = rt_this(a);
  if (!rt_is_object(t) || !rt_object_has_tag(t, &h2_tag)) {
    rt_throw_type_error("Illegal invocation");
    return NULL;
  }
  h2_session *s = rt_object_get_ptr(t);
  if (!s || !s->ng) {
    rt_throw_error("The session has been destroyed");
    return NULL;
  }
  return s;
}

static void begin_events(h2_session *s) {
  s->events = rt_array(0);
  s->nevents = 0;
  s->headers = NULL;
}

/* A JS headers list as an nghttp2_nv array with its strings in the same
 * allocation; NULL with an exception pending on a bad list. */
static nghttp2_nv *nv_from(rt_val list, size_t *count) {
  if (!rt_is_array(list)) {
    rt_throw_type_error("headers must be an array");
    return NULL;
  }
  uint32_t len = rt_array_length(list);
  size_t n = len / 3, bytes = n * sizeof(nghttp2_nv);
  for (uint32_t i = 0; i + 2 < len; i += 3) {
    rt_val k = rt_get_i(list, i), v = rt_get_i(list, i + 1);
    if (!k || !v || !rt_is_string(k) || !rt_is_string(v)) {
      rt_throw_type_error("header names and values must be strings");
      return NULL;
    }
    bytes += rt_string_utf8_length(k) + rt_string_utf8_length(v) + 2;
  }
  nghttp2_nv *nv = malloc(bytes ? bytes : 1);
  if (!nv) abort();
  char *p = (char *)(nv + n);
  for (size_t j = 0; j < n; j++) {
    rt_val k = rt_get_i(list, j * 3), v = rt_get_i(list, j * 3 + 1);
    rt_val fl = rt_get_i(list, j * 3 + 2);
    size_t kl = rt_string_write_utf8(k, p, rt_string_utf8_length(k));
    nv[j].name = (uint8_t *)p;
    nv[j].namelen = kl;
    p += kl;
    *p++ = 0;
    size_t vl = rt_string_write_utf8(v, p, rt_string_utf8_length(v));
    nv[j].value = (uint8_t *)p;
    nv[j].valuelen = vl;
    p += vl;
    *p++ = 0;
    nv[j].flags = (fl && rt_to_int32(fl) == 1) ? NGHTTP2_NV_FLAG_NO_INDEX : NGHTTP2_NV_FLAG_NONE;
  }
  *count = n;
  return nv;
}

static void ctor(rt_args *a) {
  int type = rt_to_int32(rt_arg(a, 0));
  h2_session *s = calloc(1, sizeof *s);
  if (!s) abort();
  nghttp2_session_callbacks *cb;
  if (nghttp2_session_callbacks_new(&cb) != 0) abort();
  nghttp2_session_callbacks_set_on_begin_headers_callback(cb, on_begin_headers);
  nghttp2_session_callbacks_set_on_header_callback(cb, on_header);
  nghttp2_session_callbacks_set_on_frame_recv_callback(cb, on_frame_recv);
  nghttp2_session_callbacks_set_on_data_chunk_recv_callback(cb, on_data_chunk);
  nghttp2_session_callbacks_set_on_stream_close_callback(cb, on_stream_close);
  nghttp2_session_callbacks_set_on_frame_not_send_callback(cb, on_frame_not_send);
  nghttp2_option *opt;
  if (nghttp2_option_new(&opt) != 0) abort();
  /* Received DATA is acknowledged (WINDOW_UPDATE) only once JavaScript has
   * consumed it: consume(). */
  nghttp2_option_set_no_auto_window_update(opt, 1);
  int rv = type == 1 ? nghttp2_session_client_new2(&s->ng, cb, s, opt)
                     : nghttp2_session_server_new2(&s->ng, cb, s, opt);
  nghttp2_option_del(opt);
  nghttp2_session_callbacks_del(cb);
  if (rv != 0) {
    free(s);
    rt_throw_error("nghttp2 session: %s", nghttp2_strerror(rv));
    return;
  }
  rt_val t = rt_object_with_tag(&h2_tag);
  rt_object_set_ptr(t, s);
  rt_ref_set_weak(rt_ref_new(t), sess_weak, s);
  rt_return(a, t);
}

static void m_receive(rt_args *a) {
  h2_session *s = self(a);
  if (!s) return;
  if (!rt_is_array_buffer_view(rt_arg(a, 0))) {
    rt_throw_type_error("receive() wants bytes");
    return;
  }
  size_t len;
  const uint8_t *p = rt_view_data(rt_arg(a, 0), &len);
  begin_events(s);
  ssize_t rv = nghttp2_session_mem_recv(s->ng, p, len);
  if (rv < 0) {
    rt_val ev[] = {rt_int(0), rt_int(rv), rt_string(nghttp2_strerror((int)rv))};
    push_event(s, 3, ev);
  }
  rt_return(a, s->events);
  s->events = NULL;
}

static void m_send(rt_args *a) {
  h2_session *s = self(a);
  if (!s) return;
  begin_events(s);
  uint8_t *buf = NULL;
  size_t len = 0, cap = 0;
  for (;;) {
    const uint8_t *data;
    ssize_t n = nghttp2_session_mem_send(s->ng, &data);
    if (n < 0) {
      rt_val ev[] = {rt_int(0), rt_int(n), rt_string(nghttp2_strerror((int)n))};
      push_event(s, 3, ev);
      break;
    }
    if (n == 0) break;
    if (len + (size_t)n > cap) {
      cap = (len + (size_t)n) * 2;
      buf = realloc(buf, cap);
      if (!buf) abort();
    }
    memcpy(buf + len, data, (size_t)n);
    len += (size_t)n;
  }
  rt_val r = rt_array(2);
  rt_set_i(r, 0, len ? rt_array_buffer_take(buf, len) : rt_undefined());
  if (!len) free(buf);
  rt_set_i(r, 1, s->events);
  s->events = NULL;
  rt_return(a, r);
}

static void m_submit_settings(rt_args *a) {
  h2_session *s = self(a);
  if (!s) return;
  rt_val list = rt_arg(a, 0);
  uint32_t n = rt_is_array(list) ? rt_array_length(list) / 2 : 0;
  nghttp2_settings_entry iv[16];
  if (n > 16) n = 16;
  for (uint32_t i = 0; i < n; i++) {
    iv[i].settings_id = rt_to_int32(rt_get_i(list, i * 2));
    iv[i].value = (uint32_t)rt_to_int64(rt_get_i(list, i * 2 + 1));
  }
  rt_return_int(a, nghttp2_submit_settings(s->ng, NGHTTP2_FLAG_NONE, iv, n));
}

static nghttp2_data_provider provider(h2_out *o) {
  nghttp2_data_provider d;
  d.source.ptr = o;
  d.read_callback = read_body;
  return d;
}

static void m_submit_request(rt_args *a) {
  h2_session *s = self(a);
  if (!s) return;
  size_t n;
  nghttp2_nv *nv = nv_from(rt_arg(a, 0), &n);
  if (!nv) return;
  bool end = rt_to_bool(rt_arg(a, 1));
  h2_out *o = end ? NULL : out_new(s);
  nghttp2_data_provider d = provider(o);
  int32_t id = nghttp2_submit_request(s->ng, NULL, nv, n, end ? NULL : &d, NULL);
  free(nv);
  if (id < 0) {
    if (o) out_free(s, o);
  } else if (o) {
    o->id = id;
  }
  rt_return_int(a, id);
}

static void m_submit_response(rt_args *a) {
  h2_session *s = self(a);
  if (!s) return;
  int32_t id = rt_to_int32(rt_arg(a, 0));
  size_t n;
  nghttp2_nv *nv = nv_from(rt_arg(a, 1), &n);
  if (!nv) return;
  bool end = rt_to_bool(rt_arg(a, 2));
  h2_out *o = NULL;
  if (!end) {
    o = out_new(s);
    o->id = id;
  }
  nghttp2_data_provider d = provider(o);
  int rv = nghttp2_submit_response(s->ng, id, nv, n, end ? NULL : &d);
  free(nv);
  if (rv != 0 && o) out_free(s, o);
  rt_return_int(a, rv);
}

static void m_submit_headers(rt_args *a) {
  h2_session *s = self(a);
  if (!s) return;
  int32_t id = rt_to_int32(rt_arg(a, 0));
  size_t n;
  nghttp2_nv *nv = nv_from(rt_arg(a, 1), &n);
  if (!nv) return;
  uint8_t flags = rt_to_bool(rt_arg(a, 2)) ? NGHTTP2_FLAG_END_STREAM : NGHTTP2_FLAG_NONE;
  int rv = nghttp2_submit_headers(s->ng, flags, id, NULL, nv, n, NULL);
  free(nv);
  rt_return_int(a, rv < 0 ? rv : 0);
}

static void m_write(rt_args *a) {
  h2_session *s = self(a);
  if (!s) return;
  int32_t id = rt_to_int32(rt_arg(a, 0));
  h2_out *o = out_of(s, id);
  if (!o || o->eof) {
    rt_return_int(a, NGHTTP2_ERR_STREAM_CLOSED);
    return;
  }
  if (!rt_is_array_buffer_view(rt_arg(a, 1))) {
    rt_throw_type_error("write() wants bytes");
    return;
  }
  size_t len;
  const uint8_t *p = rt_view_data(rt_arg(a, 1), &len);
  if (len) {
    h2_chunk *c = malloc(sizeof *c + len);
    if (!c) abort();
    c->next = NULL;
    c->len = len;
    c->off = 0;
    memcpy(c->data, p, len);
    if (o->tail) o->tail->next = c;
    else o->head = c;
    o->tail = c;
  }
  if (o->deferred) {
    o->deferred = false;
    nghttp2_session_resume_data(s->ng, id);
  }
  rt_return_int(a, 0);
}

static void m_end(rt_args *a) {
  h2_session *s = self(a);
  if (!s) return;
  int32_t id = rt_to_int32(rt_arg(a, 0));
  h2_out *o = out_of(s, id);
  if (!o || o->eof) {
    rt_return_int(a, NGHTTP2_ERR_STREAM_CLOSED);
    return;
  }
  rt_val tr = rt_arg(a, 1);
  if (rt_is_array(tr) && rt_array_length(tr) >= 3) {
    o->trailers = nv_from(tr, &o->ntrailers);
    if (!o->trailers) return;
  }
  o->eof = true;
  if (o->deferred) {
    o->deferred = false;
    nghttp2_session_resume_data(s->ng, id);
  }
  rt_return_int(a, 0);
}

static void m_consume(rt_args *a) {
  h2_session *s = self(a);
  if (!s) return;
  int32_t id = rt_to_int32(rt_arg(a, 0));
  double n = rt_to_number(rt_arg(a, 1));
  if (n > 0) rt_return_int(a, nghttp2_session_consume(s->ng, id, (size_t)n));
}

static void m_set_local_window_size(rt_args *a) {
  h2_session *s = self(a);
  if (!s) return;
  rt_return_int(a, nghttp2_session_set_local_window_size(s->ng, NGHTTP2_FLAG_NONE, 0,
                                                         rt_to_int32(rt_arg(a, 0))));
}

static void m_queued(rt_args *a) {
  h2_session *s = self(a);
  if (!s) return;
  h2_out *o = out_of(s, rt_to_int32(rt_arg(a, 0)));
  size_t n = 0;
  for (h2_chunk *c = o ? o->head : NULL; c; c = c->next) n += c->len - c->off;
  rt_return_number(a, (double)n);
}

static void m_rst_stream(rt_args *a) {
  h2_session *s = self(a);
  if (!s) return;
  rt_return_int(a, nghttp2_submit_rst_stream(s->ng, NGHTTP2_FLAG_NONE, rt_to_int32(rt_arg(a, 0)),
                                             (uint32_t)rt_to_int64(rt_arg(a, 1))));
}

static void m_ping(rt_args *a) {
  h2_session *s = self(a);
  if (!s) return;
  size_t len = 0;
  const uint8_t *p = rt_is_array_buffer_view(rt_arg(a, 0)) ? rt_view_data(rt_arg(a, 0), &len) : NULL;
  uint8_t payload[8] = {0};
  if (p) memcpy(payload, p, len < 8 ? len : 8);
  rt_return_int(a, nghttp2_submit_ping(s->ng, NGHTTP2_FLAG_NONE, payload));
}

static void m_goaway(rt_args *a) {
  h2_session *s = self(a);
  if (!s) return;
  uint32_t code = (uint32_t)rt_to_int64(rt_arg(a, 0));
  int32_t last = rt_is_undefined(rt_arg(a, 1))
                     ? nghttp2_session_get_last_proc_stream_id(s->ng)
                     : rt_to_int32(rt_arg(a, 1));
  size_t len = 0;
  const uint8_t *p = rt_is_array_buffer_view(rt_arg(a, 2)) ? rt_view_data(rt_arg(a, 2), &len) : NULL;
  rt_return_int(a, nghttp2_submit_goaway(s->ng, NGHTTP2_FLAG_NONE, last, code, p, len));
}

static void m_terminate(rt_args *a) {
  h2_session *s = self(a);
  if (!s) return;
  rt_return_int(a, nghttp2_session_terminate_session(s->ng, (uint32_t)rt_to_int64(rt_arg(a, 0))));
}

static void m_state(rt_args *a) {
  h2_session *s = self(a);
  if (!s) return;
  nghttp2_session *ng = s->ng;
  rt_val o = rt_object();
  rt_set(o, "effectiveLocalWindowSize",
         rt_int(nghttp2_session_get_effective_local_window_size(ng)));
  rt_set(o, "effectiveRecvDataLength", rt_int(nghttp2_session_get_effective_recv_data_length(ng)));
  rt_set(o, "nextStreamID", rt_int(nghttp2_session_get_next_stream_id(ng)));
  rt_set(o, "localWindowSize", rt_int(nghttp2_session_get_local_window_size(ng)));
  rt_set(o, "lastProcStreamID", rt_int(nghttp2_session_get_last_proc_stream_id(ng)));
  rt_set(o, "remoteWindowSize", rt_int(nghttp2_session_get_remote_window_size(ng)));
  rt_set(o, "outboundQueueSize", rt_int((int64_t)nghttp2_session_get_outbound_queue_size(ng)));
  rt_set(o, "deflateDynamicTableSize",
         rt_int((int64_t)nghttp2_session_get_hd_deflate_dynamic_table_size(ng)));
  rt_set(o, "inflateDynamicTableSize",
         rt_int((int64_t)nghttp2_session_get_hd_inflate_dynamic_table_size(ng)));
  rt_return(a, o);
}

static void settings_list(rt_args *a, bool remote) {
  h2_session *s = self(a);
  if (!s) return;
  static const int ids[] = {NGHTTP2_SETTINGS_HEADER_TABLE_SIZE,
                            NGHTTP2_SETTINGS_ENABLE_PUSH,
                            NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS,
                            NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE,
                            NGHTTP2_SETTINGS_MAX_FRAME_SIZE,
                            NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE,
                            NGHTTP2_SETTINGS_ENABLE_CONNECT_PROTOCOL};
  rt_val r = rt_array(0);
  uint32_t k = 0;
  for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
    uint32_t v = remote ? nghttp2_session_get_remote_settings(s->ng, ids[i])
                        : nghttp2_session_get_local_settings(s->ng, ids[i]);
    rt_set_i(r, k++, rt_int(ids[i]));
    rt_set_i(r, k++, rt_number(v));
  }
  rt_return(a, r);
}

static void m_remote_settings(rt_args *a) { settings_list(a, true); }
static void m_local_settings(rt_args *a) { settings_list(a, false); }

static void m_stream_state(rt_args *a) {
  h2_session *s = self(a);
  if (!s) return;
  int32_t id = rt_to_int32(rt_arg(a, 0));
  nghttp2_stream *st = nghttp2_session_find_stream(s->ng, id);
  if (!st) return;
  rt_val o = rt_object();
  rt_set(o, "state", rt_int(nghttp2_stream_get_state(st)));
  rt_set(o, "weight", rt_int(nghttp2_stream_get_weight(st)));
  rt_set(o, "sumDependencyWeight", rt_int(nghttp2_stream_get_sum_dependency_weight(st)));
  rt_set(o, "localWindowSize",
         rt_int(nghttp2_session_get_stream_effective_local_window_size(s->ng, id)));
  rt_set(o, "remoteWindowSize", rt_int(nghttp2_session_get_stream_remote_window_size(s->ng, id)));
  rt_set(o, "localClose", rt_int(nghttp2_session_get_stream_local_close(s->ng, id)));
  rt_set(o, "remoteClose", rt_int(nghttp2_session_get_stream_remote_close(s->ng, id)));
  rt_return(a, o);
}

static void m_destroy(rt_args *a) {
  rt_val t = rt_this(a);
  if (!rt_is_object(t) || !rt_object_has_tag(t, &h2_tag)) return;
  h2_session *s = rt_object_get_ptr(t);
  if (s) sess_end(s);
}

static void strerror_(rt_args *a) {
  rt_return_string(a, nghttp2_strerror(rt_to_int32(rt_arg(a, 0))));
}

static void http2_strerror_(rt_args *a) {
  rt_return_string(a, nghttp2_http2_strerror((uint32_t)rt_to_int64(rt_arg(a, 0))));
}

void rt_binding_init_http2(rt_val e) {
  rt_set_method(e, "create", ctor);
  rt_val c = rt_object();
  rt_set_method(c, "receive", m_receive);
  rt_set_method(c, "send", m_send);
  rt_set_method(c, "submitSettings", m_submit_settings);
  rt_set_method(c, "submitRequest", m_submit_request);
  rt_set_method(c, "submitResponse", m_submit_response);
  rt_set_method(c, "submitHeaders", m_submit_headers);
  rt_set_method(c, "write", m_write);
  rt_set_method(c, "end", m_end);
  rt_set_method(c, "queued", m_queued);
  rt_set_method(c, "consume", m_consume);
  rt_set_method(c, "setLocalWindowSize", m_set_local_window_size);
  rt_set_method(c, "rstStream", m_rst_stream);
  rt_set_method(c, "ping", m_ping);
  rt_set_method(c, "goaway", m_goaway);
  rt_set_method(c, "terminate", m_terminate);
  rt_set_method(c, "state", m_state);
  rt_set_method(c, "remoteSettings", m_remote_settings);
  rt_set_method(c, "localSettings", m_local_settings);
  rt_set_method(c, "streamState", m_stream_state);
  rt_set_method(c, "destroy", m_destroy);
  rt_set(e, "SessionMethods", c);
  rt_set_method(e, "strerror", strerror_);
  rt_set_method(e, "http2Strerror", http2_strerror_);
  rt_set(e, "nghttp2Version", rt_string(nghttp2_version(0)->version_str));
}
