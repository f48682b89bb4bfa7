/* binding_tty_wrap.c — internalBinding('tty_wrap'): libuv TTY handles on any
 * descriptor, for tty.ReadStream (runtime/lib/tty.js) on descriptors other
 * than 0 (fd 0 is process.stdin, owned by binding_stdio.c).
 *
 *   const ctx = {};
 *   const t = new TTY(fd, ctx)   uv_tty_init (readable); on failure ctx gets
 *                                Node's { code, errno, message, syscall }
 *   t.setRawMode(flag) -> 0 or negative errno   (uv_tty_set_mode)
 *   t.getWindowSize([]) -> 0 or negative errno; fills [columns, rows]
 * plus the stream methods net.Socket uses, with stream_wrap.h's contract:
 *   readStart(onread(Uint8Array | null at EOF | Error)) / readStop()
 *   write(bytes, cb(err)) -> 0 queued, or negative errno
 *   shutdown(cb(err)), close(cb), ref(), unref(), hasRef(), getFd(),
 *   writeQueueSize()
 * (a uv_tty_t does not fit stream_wrap.h's handle union, hence this file).
 *
 * Ownership: the C struct lives from the constructor until its close
 * callback; while open it keeps the JavaScript object alive (rt_ref).
 * Raw mode is undone when the process exits (uv_tty_reset_mode, as Node). */
#include <pthread.h>
#include <stdlib.h>

#include "devrun/util.h"
#include "runtime.h"

typedef struct {
  uv_tty_t tty; /* first: handle->data is the struct */
  rt_ref *obj, *on_read, *on_close;
  bool closing;
} tty_wrap;

static _Thread_local rt_class *tty_class;
static pthread_once_t reset_once = PTHREAD_ONCE_INIT;

static void reset_mode_at_exit(void) {
  uv_tty_reset_mode();
}
static void register_reset(void) {
  atexit(reset_mode_at_exit);
}

static tty_wrap *self(rt_args *a) {
  tty_wrap *t = rt_is_object(rt_this(a)) ? rt_object_get_ptr(rt_this(a)) : NULL;
  if (!t || t->closing) {
    rt_throw_error("handle is closed");
    return NULL;
  }
  return t;
}

static void ctor(rt_args *a) {
  int fd = rt_to_int32(rt_arg(a, 0));
  rt_val ctx = rt_arg(a, 1);
  tty_wrap *t = dr_calloc(1, sizeof *t);
  int r = fd < 0 ? UV_EBADF : uv_tty_init(rt_env_current->loop, &t->tty, fd, 1);
  if (r < 0) {
    free(t);
    if (rt_is_object(ctx)) {
      rt_set(ctx, "errno", rt_int(r));
      rt_set(ctx, "code", rt_string(uv_err_name(r)));
      rt_set(ctx, "message", rt_string(uv_strerror(r)));
      rt_set(ctx, "syscall", rt_string("uv_tty_init"));
    }
    return;
  }
  t->tty.data = t;
  t->obj = rt_ref_new(rt_this(a));
  rt_object_set_ptr(rt_this(a), t);
}

static void set_raw_mode(rt_args *a) {
  tty_wrap *t = self(a);
  if (!t) return;
  bool raw = rt_to_bool(rt_arg(a, 0));
  if (raw) pthread_once(&reset_once, register_reset);
  rt_return_int(a, uv_tty_set_mode(&t->tty, raw ? UV_TTY_MODE_RAW : UV_TTY_MODE_NORMAL));
}

static void get_window_size(rt_args *a) {
  tty_wrap *t = self(a);
  if (!t) return;
  int w = 0, h = 0;
  int r = uv_tty_get_winsize(&t->tty, &w, &h);
  if (r == 0 && rt_is_object(rt_arg(a, 0))) {
    rt_set_i(rt_arg(a, 0), 0, rt_int(w));
    rt_set_i(rt_arg(a, 0), 1, rt_int(h));
  }
  rt_return_int(a, r);
}

static void alloc_cb(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
  (void)h;
  (void)suggested;
  buf->base = malloc(65536);
  buf->len = buf->base ? 65536 : 0;
}

static void read_cb(uv_stream_t *st, ssize_t n, const uv_buf_t *buf) {
  tty_wrap *t = st->data;
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
    void *data = realloc(buf->base, (size_t)n); /* shrink; the buffer is handed over */
    if (!data) data = buf->base;
    arg = rt_uint8array(rt_array_buffer_take(data, (size_t)n), 0, (size_t)n);
  }
  if (t->on_read) rt_make_callback(rt_ref_get(t->on_read), rt_ref_get(t->obj), 1, &arg);
  rt_scope_close(sc);
}

static void read_start(rt_args *a) {
  tty_wrap *t = self(a);
  if (!t) return;
  rt_ref_free(t->on_read);
  t->on_read = rt_ref_new(rt_arg(a, 0));
  rt_return_int(a, uv_read_start((uv_stream_t *)&t->tty, alloc_cb, read_cb));
}

static void read_stop(rt_args *a) {
  tty_wrap *t = self(a);
  if (t) rt_return_int(a, uv_read_stop((uv_stream_t *)&t->tty));
}

typedef struct {
  union {
    uv_write_t write;
    uv_shutdown_t shutdown;
  } u;
  rt_ref *cb, *keep;
  tty_wrap *t;
  const char *syscall;
} tty_req;

static void req_done(tty_req *q, int status) {
  rt_scope *sc = rt_scope_open();
  if (q->cb) {
    rt_val arg = status < 0 ? rt_errno_error(status, q->syscall, NULL, NULL) : rt_null();
    rt_make_callback(rt_ref_get(q->cb), rt_ref_get(q->t->obj), 1, &arg);
  }
  rt_scope_close(sc);
  rt_ref_free(q->cb);
  rt_ref_free(q->keep);
  free(q);
}
static void write_cb(uv_write_t *req, int status) {
  req_done((tty_req *)req, status);
}
static void shutdown_cb(uv_shutdown_t *req, int status) {
  req_done((tty_req *)req, status);
}

static tty_req *new_req(tty_wrap *t, rt_val cb, const char *syscall) {
  tty_req *q = dr_calloc(1, sizeof *q);
  q->t = t;
  q->syscall = syscall;
  if (rt_is_function(cb)) q->cb = rt_ref_new(cb);
  return q;
}
static void free_req(tty_req *q) {
  rt_ref_free(q->cb);
  rt_ref_free(q->keep);
  free(q);
}

static void write_(rt_args *a) {
  tty_wrap *t = self(a);
  if (!t) return;
  size_t len = 0;
  char *p = rt_view_data(rt_arg(a, 0), &len);
  if (!p && len) {
    rt_throw_type_error("write: bytes expected");
    return;
  }
  uv_buf_t buf = uv_buf_init(p ? p : "", (unsigned)len);
  tty_req *q = new_req(t, rt_arg(a, 1), "write");
  q->keep = rt_ref_new(rt_arg(a, 0));
  int r = uv_write(&q->u.write, (uv_stream_t *)&t->tty, &buf, 1, write_cb);
  if (r < 0) free_req(q);
  rt_return_int(a, r);
}

static void shutdown_(rt_args *a) {
  tty_wrap *t = self(a);
  if (!t) return;
  tty_req *q = new_req(t, rt_arg(a, 0), "shutdown");
  int r = uv_shutdown(&q->u.shutdown, (uv_stream_t *)&t->tty, shutdown_cb);
  if (r < 0) free_req(q);
  rt_return_int(a, r);
}

static void close_cb(uv_handle_t *h) {
  tty_wrap *t = h->data;
  rt_scope *sc = rt_scope_open();
  rt_val obj = rt_ref_get(t->obj);
  rt_object_set_ptr(obj, NULL);
  if (t->on_close) rt_make_callback(rt_ref_get(t->on_close), obj, 0, NULL);
  rt_scope_close(sc);
  rt_ref_free(t->on_close);
  rt_ref_free(t->on_read);
  rt_ref_free(t->obj);
  free(t);
}

static tty_wrap *open_or_null(rt_args *a) {
  tty_wrap *t = rt_is_object(rt_this(a)) ? rt_object_get_ptr(rt_this(a)) : NULL;
  return t && !t->closing ? t : NULL;
}

static void close_(rt_args *a) {
  tty_wrap *t = open_or_null(a);
  if (!t) return;
  if (rt_is_function(rt_arg(a, 0))) t->on_close = rt_ref_new(rt_arg(a, 0));
  t->closing = true;
  uv_close((uv_handle_t *)&t->tty, close_cb);
}

static void ref_(rt_args *a) {
  tty_wrap *t = open_or_null(a);
  if (t) uv_ref((uv_handle_t *)&t->tty);
}
static void unref_(rt_args *a) {
  tty_wrap *t = open_or_null(a);
  if (t) uv_unref((uv_handle_t *)&t->tty);
}
static void has_ref(rt_args *a) {
  tty_wrap *t = open_or_null(a);
  rt_return_bool(a, t && uv_has_ref((uv_handle_t *)&t->tty));
}
static void get_fd(rt_args *a) {
  tty_wrap *t = open_or_null(a);
  uv_os_fd_t fd = -1;
  if (t) uv_fileno((uv_handle_t *)&t->tty, &fd);
  rt_return_int(a, fd);
}
static void write_queue_size(rt_args *a) {
  tty_wrap *t = open_or_null(a);
  rt_return_int(a, t ? (int64_t)uv_stream_get_write_queue_size((uv_stream_t *)&t->tty) : 0);
}

void rt_binding_init_tty_wrap(rt_val e) {
  tty_class = rt_class_new("TTY", ctor, 1);
  rt_class_method(tty_class, "setRawMode", set_raw_mode);
  rt_class_method(tty_class, "getWindowSize", get_window_size);
  rt_class_method(tty_class, "readStart", read_start);
  rt_class_method(tty_class, "readStop", read_stop);
  rt_class_method(tty_class, "write", write_);
  rt_class_method(tty_class, "shutdown", shutdown_);
  rt_class_method(tty_class, "close", close_);
  rt_class_method(tty_class, "ref", ref_);
  rt_class_method(tty_class, "unref", unref_);
  rt_class_method(tty_class, "hasRef", has_ref);
  rt_class_method(tty_class, "getFd", get_fd);
  rt_class_method(tty_class, "writeQueueSize", write_queue_size);
  rt_set(e, "TTY", rt_class_function(tty_class));
}
