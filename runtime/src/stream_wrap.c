/* stream_wrap.c — the methods every libuv stream handle has in JavaScript
 * (see stream_wrap.h): reading, writing, half-close, close, ref counting and
 * accepting connections. */
#include <stdlib.h>
#include <string.h>

#include "devrun/util.h"
#include "runtime.h"
#include "stream_wrap.h"

rt_stream *rt_stream_from(rt_val obj) {
  if (!rt_is_object(obj)) return NULL;
  return rt_object_get_ptr(obj);
}

void rt_stream_attach(rt_stream *s, rt_val obj, rt_class *cls) {
  s->u.handle.data = s;
  s->obj = rt_ref_new(obj);
  s->cls = cls;
  rt_object_set_ptr(obj, s);
}

rt_stream *rt_stream_self(rt_args *a) {
  rt_stream *s = rt_stream_from(rt_this(a));
  if (!s || s->closing) {
    rt_throw_error("handle is closed");
    return NULL;
  }
  return s;
}


typedef struct {
  uv_connect_t req;
  rt_ref *cb;
  rt_stream *s;
} connect_req;

uv_connect_t *rt_stream_connect_req(rt_stream *s, rt_val cb) {
  connect_req *c = dr_calloc(1, sizeof *c);
  c->s = s;
  c->cb = rt_ref_new(cb);
  return &c->req;
}

void rt_stream_connect_req_free(uv_connect_t *req) {
  connect_req *c = (connect_req *)req;
  rt_ref_free(c->cb);
  free(c);
}

void rt_stream_connect_cb(uv_connect_t *req, int status) {
  connect_req *c = (connect_req *)req;
  rt_scope *sc = rt_scope_open();
  rt_val arg = rt_int(status);
  rt_make_callback(rt_ref_get(c->cb), rt_ref_get(c->s->obj), 1, &arg);
  rt_scope_close(sc);
  rt_stream_connect_req_free(req);
}

static void alloc_cb(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
  buf->base = malloc(65536);
  buf->len = buf->base ? 65536 : 0;
}

static void read_cb(uv_stream_t *st, ssize_t n, const uv_buf_t *buf) {
  rt_stream *s = st->data;
  if (n == 0) {
    free(buf->base);
    return;
  }
  rt_scope *sc = rt_scope_open();
  rt_val arg;
  if (n < 0) {
    free(buf->base);
    arg = n == UV_EOF ? rt_null() : rt_errno_error((int)n, "read", NULL, NULL);
  } else {
    void *data = realloc(buf->base, (size_t)n);
    rt_val ab = rt_array_buffer_take(data ? data : buf->base, (size_t)n);
    arg = rt_uint8array(ab, 0, (size_t)n);
  }
  if (s->on_read) rt_make_callback(rt_ref_get(s->on_read), rt_ref_get(s->obj), 1, &arg);
  rt_scope_close(sc);
}

static void read_start(rt_args *a) {
  rt_stream *s = rt_stream_self(a);
  if (!s) return;
  rt_ref_free(s->on_read);
  s->on_read = rt_ref_new(rt_arg(a, 0));
  rt_return_int(a, uv_read_start(&s->u.stream, alloc_cb, read_cb));
}

static void read_stop(rt_args *a) {
  rt_stream *s = rt_stream_self(a);
  if (!s) return;
  rt_return_int(a, uv_read_stop(&s->u.stream));
}

typedef struct {
  uv_write_t req;
  rt_ref *cb, *keep;
  rt_stream *s;
} write_req;

static void write_cb(uv_write_t *req, int status) {
  write_req *w = (write_req *)req;
  rt_scope *sc = rt_scope_open();
  if (w->cb) {
    rt_val arg = status < 0 ? rt_errno_error(status, "write", NULL, NULL) : rt_null();
    rt_make_callback(rt_ref_get(w->cb), rt_ref_get(w->s->obj), 1, &arg);
  }
  rt_scope_close(sc);
  rt_ref_free(w->cb);
  rt_ref_free(w->keep);
  free(w);
}

/* write(bytes | [bytes...], cb) -> 1 when everything was written at once
 * (cb is not called), 0 when queued (cb(err) follows), or a negative errno.
 *
 * Writing first with uv_try_write, as Node does, spares the write request
 * and libuv's drain step, which re-arms epoll (one epoll_ctl per response
 * on a keep-alive HTTP connection otherwise). */
static void write_(rt_args *a) {
  rt_stream *s = rt_stream_self(a);
  if (!s) return;
  rt_val data = rt_arg(a, 0);
  uv_buf_t stackbufs[16], *bufs = stackbufs;
  unsigned n = 1;
  size_t total = 0;
  if (rt_is_array(data)) {
    n = rt_array_length(data);
    if (n > 16) bufs = dr_calloc(n, sizeof *bufs);
    for (unsigned i = 0; i < n; i++) {
      size_t len = 0;
      char *p = rt_view_data(rt_get_i(data, i), &len);
      bufs[i] = uv_buf_init(p ? p : "", (unsigned)len);
      total += len;
    }
  } else {
    size_t len = 0;
    char *p = rt_view_data(data, &len);
    bufs[0] = uv_buf_init(p ? p : "", (unsigned)len);
    total = len;
  }
  int r = uv_try_write(&s->u.stream, bufs, n);
  if (r >= 0 && (size_t)r == total) {
    if (bufs != stackbufs) free(bufs);
    rt_return_int(a, 1);
    return;
  }
  if (r < 0 && r != UV_EAGAIN && r != UV_ENOSYS) {
    if (bufs != stackbufs) free(bufs);
    rt_return_int(a, r);
    return;
  }
  /* queue what is left */
  uv_buf_t *rest = bufs;
  unsigned nrest = n;
  size_t skip = r > 0 ? (size_t)r : 0;
  while (nrest && skip >= rest->len) {
    skip -= rest->len;
    rest++;
    nrest--;
  }
  if (nrest && skip) {
    rest->base += skip;
    rest->len -= (unsigned)skip;
  }
  write_req *w = dr_calloc(1, sizeof *w);
  w->s = s;
  w->keep = rt_ref_new(data);
  if (rt_is_function(rt_arg(a, 1))) w->cb = rt_ref_new(rt_arg(a, 1));
  r = uv_write(&w->req, &s->u.stream, rest, nrest, write_cb);
  if (bufs != stackbufs) free(bufs);
  if (r < 0) {
    rt_ref_free(w->cb);
    rt_ref_free(w->keep);
    free(w);
  }
  rt_return_int(a, r);
}

/* writeUtf8String(str, cb[, bytes]) / writeLatin1String(str, cb[, bytes]):
 * write() of a string's bytes (then of `bytes`, a Uint8Array, if given),
 * without a Buffer made for the string in JavaScript (Node's StreamBase has
 * the string methods).  -> the number of bytes when all were written at
 * once (cb is not called), 0 when queued (cb(err) follows), or a negative
 * errno.  Nothing to write returns 0 without calling cb: callers pass a
 * non-empty string. */
static void write_string(rt_args *a, bool latin1) {
  enum { AREA = 16384 };
  static _Thread_local void *area_slot; /* heap, not TLS: see rt_thread_alloc */
  char *area = rt_thread_alloc(&area_slot, AREA);
  rt_stream *s = rt_stream_self(a);
  if (!s) return;
  rt_val str = rt_arg(a, 0);
  if (!rt_is_string(str)) {
    rt_throw_type_error("the data to write must be a string");
    return;
  }
  size_t n16 = rt_string_length(str);
  size_t cap = latin1 ? n16 : n16 * 3 <= AREA ? n16 * 3 : rt_string_utf8_length(str);
  char *p = cap <= AREA ? area : dr_malloc(cap ? cap : 1);
  size_t len = latin1 ? rt_string_write_latin1(str, (uint8_t *)p, 0, n16)
                      : rt_string_write_utf8(str, p, cap);
  uv_buf_t b[2];
  unsigned nb = 1;
  b[0] = uv_buf_init(p, (unsigned)len);
  size_t extra = 0;
  if (rt_is_array_buffer_view(rt_arg(a, 2))) {
    char *q = rt_view_data(rt_arg(a, 2), &extra);
    if (q && extra) b[nb++] = uv_buf_init(q, (unsigned)extra);
  }
  size_t total = len + (nb > 1 ? extra : 0);
  if (total == 0) {
    if (p != area) free(p);
    rt_return_int(a, 0);
    return;
  }
  int r = uv_try_write(&s->u.stream, b, nb);
  if ((r >= 0 && (size_t)r == total) || (r < 0 && r != UV_EAGAIN && r != UV_ENOSYS)) {
    if (p != area) free(p);
    rt_return_number(a, r < 0 ? r : (double)total);
    return;
  }
  /* queue what is left, in memory the request owns */
  size_t done = r > 0 ? (size_t)r : 0;
  char *rest = dr_malloc(total - done);
  size_t k = 0;
  for (unsigned i = 0; i < nb; i++) {
    size_t skip = done > b[i].len ? b[i].len : done;
    done -= skip;
    memcpy(rest + k, b[i].base + skip, b[i].len - skip);
    k += b[i].len - skip;
  }
  if (p != area) free(p);
  rt_val ab = rt_array_buffer_take(rest, k);
  write_req *w = dr_calloc(1, sizeof *w);
  w->s = s;
  w->keep = rt_ref_new(ab);
  if (rt_is_function(rt_arg(a, 1))) w->cb = rt_ref_new(rt_arg(a, 1));
  b[0] = uv_buf_init(rest, (unsigned)k);
  r = uv_write(&w->req, &s->u.stream, b, 1, write_cb);
  if (r < 0) {
    rt_ref_free(w->cb);
    rt_ref_free(w->keep);
    free(w);
  }
  rt_return_int(a, r < 0 ? r : 0);
}

static void write_utf8_string(rt_args *a) { write_string(a, false); }
static void write_latin1_string(rt_args *a) { write_string(a, true); }

typedef struct {
  uv_shutdown_t req;
  rt_ref *cb;
  rt_stream *s;
} shutdown_req;

static void shutdown_cb(uv_shutdown_t *req, int status) {
  shutdown_req *q = (shutdown_req *)req;
  rt_scope *sc = rt_scope_open();
  if (q->cb) {
    rt_val arg = status < 0 ? rt_errno_error(status, "shutdown", NULL, NULL) : rt_null();
    rt_make_callback(rt_ref_get(q->cb), rt_ref_get(q->s->obj), 1, &arg);
  }
  rt_scope_close(sc);
  rt_ref_free(q->cb);
  free(q);
}

static void shutdown_(rt_args *a) {
  rt_stream *s = rt_stream_self(a);
  if (!s) return;
  shutdown_req *q = dr_calloc(1, sizeof *q);
  q->s = s;
  if (rt_is_function(rt_arg(a, 0))) q->cb = rt_ref_new(rt_arg(a, 0));
  int r = uv_shutdown(&q->req, &s->u.stream, shutdown_cb);
  if (r < 0) {
    rt_ref_free(q->cb);
    free(q);
  }
  rt_return_int(a, r);
}

static void close_cb(uv_handle_t *h) {
  rt_stream *s = h->data;
  rt_scope *sc = rt_scope_open();
  rt_val obj = rt_ref_get(s->obj);
  rt_object_set_ptr(obj, NULL);
  if (s->on_close) rt_make_callback(rt_ref_get(s->on_close), obj, 0, NULL);
  rt_scope_close(sc);
  rt_ref_free(s->on_close);
  rt_ref_free(s->on_read);
  rt_ref_free(s->on_connection);
  rt_ref_free(s->obj);
  free(s);
}

void rt_stream_close(rt_stream *s) {
  if (s->closing) return;
  s->closing = true;
  uv_close(&s->u.handle, close_cb);
}

static void close_(rt_args *a) {
  rt_stream *s = rt_stream_from(rt_this(a));
  if (!s || s->closing) return;
  if (rt_is_function(rt_arg(a, 0))) s->on_close = rt_ref_new(rt_arg(a, 0));
  rt_stream_close(s);
}

static void ref_(rt_args *a) {
  rt_stream *s = rt_stream_from(rt_this(a));
  if (s && !s->closing) uv_ref(&s->u.handle);
}
static void unref_(rt_args *a) {
  rt_stream *s = rt_stream_from(rt_this(a));
  if (s && !s->closing) uv_unref(&s->u.handle);
}
static void has_ref(rt_args *a) {
  rt_stream *s = rt_stream_from(rt_this(a));
  rt_return_bool(a, s && !s->closing && uv_has_ref(&s->u.handle));
}
static void get_fd(rt_args *a) {
  rt_stream *s = rt_stream_from(rt_this(a));
  uv_os_fd_t fd = -1;
  if (s && !s->closing) uv_fileno(&s->u.handle, &fd);
  rt_return_int(a, fd);
}
static void write_queue_size(rt_args *a) {
  rt_stream *s = rt_stream_from(rt_this(a));
  rt_return_number(a, s && !s->closing ? (double)s->u.stream.write_queue_size : 0);
}

rt_val rt_stream_new_instance(rt_class *cls, rt_stream **out) {
  rt_val obj = rt_new(rt_class_function(cls), 0, NULL);
  *out = obj ? rt_stream_from(obj) : NULL;
  return obj;
}

static void connection_cb(uv_stream_t *server, int status) {
  rt_stream *s = server->data;
  rt_scope *sc = rt_scope_open();
  rt_val argv[2];
  if (status < 0) {
    argv[0] = rt_errno_error(status, "listen", NULL, NULL);
    argv[1] = rt_undefined();
  } else {
    rt_stream *c = NULL;
    rt_val obj = rt_stream_new_instance(s->cls, &c);
    if (!obj || !c) {
      rt_scope_close(sc);
      return;
    }
    int r = uv_accept(server, &c->u.stream);
    argv[0] = r < 0 ? rt_errno_error(r, "accept", NULL, NULL) : rt_null();
    argv[1] = obj;
    if (r < 0) rt_stream_close(c);
  }
  if (s->on_connection) rt_make_callback(rt_ref_get(s->on_connection), rt_ref_get(s->obj), 2, argv);
  rt_scope_close(sc);
}

/* listen(backlog, onconnection(err, handle)) -> 0 or negative errno */
static void listen_(rt_args *a) {
  rt_stream *s = rt_stream_self(a);
  if (!s) return;
  rt_ref_free(s->on_connection);
  s->on_connection = rt_ref_new(rt_arg(a, 1));
  int backlog = rt_is_number(rt_arg(a, 0)) ? rt_to_int32(rt_arg(a, 0)) : 511;
  rt_return_int(a, uv_listen(&s->u.stream, backlog, connection_cb));
}

void rt_stream_add_methods(rt_class *cls) {
  rt_class_method(cls, "readStart", read_start);
  rt_class_method(cls, "readStop", read_stop);
  rt_class_method(cls, "write", write_);
  rt_class_method(cls, "writeUtf8String", write_utf8_string);
  rt_class_method(cls, "writeLatin1String", write_latin1_string);
  rt_class_method(cls, "shutdown", shutdown_);
  rt_class_method(cls, "close", close_);
  rt_class_method(cls, "ref", ref_);
  rt_class_method(cls, "unref", unref_);
  rt_class_method(cls, "hasRef", has_ref);
  rt_class_method(cls, "getFd", get_fd);
  rt_class_method(cls, "writeQueueSize", write_queue_size);
  rt_class_method(cls, "listen", listen_);
}
