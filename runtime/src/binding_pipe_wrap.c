/* binding_pipe_wrap.c — internalBinding('pipe_wrap'): libuv pipes as
 * JavaScript handles, for child processes' stdio and the IPC channel.
 *
 *   const p = new Pipe(ipc)            uv_pipe_init
 *   p.open(fd)                         uv_pipe_open (an inherited fd)
 *   p.readStart(onread)                onread(Uint8Array | null at EOF | err)
 *   p.readStop()
 *   p.write(bytes, cb)                 cb(err) when written; returns err or 0
 *   p.shutdown(cb)                     half-close after queued writes
 *   p.close(cb)                        uv_close; the handle is freed after cb
 *   p.ref() / p.unref() / p.hasRef()
 *   p.fd                               the file descriptor (or -1)
 *
 * Ownership: the C struct lives from the constructor until its close
 * callback; the JavaScript object keeps it through an internal slot and the
 * C struct keeps the JavaScript object alive (rt_ref) while the handle is
 * open, so a pipe that is reading is never collected.
 */
#include <stdlib.h>
#include <string.h>

#include "devrun/util.h"
#include "pipe_wrap.h"
#include "runtime.h"

static rt_class *pipe_class;

rt_pipe *rt_pipe_from(rt_val obj) {
  if (!rt_is_object(obj)) return NULL;
  return rt_object_get_ptr(obj);
}

static rt_pipe *self(rt_args *a) {
  rt_pipe *p = rt_pipe_from(rt_this(a));
  if (!p || p->closing) {
    rt_throw_error("pipe is closed");
    return NULL;
  }
  return p;
}

static void ctor(rt_args *a) {
  rt_pipe *p = dr_calloc(1, sizeof *p);
  int r = uv_pipe_init(rt_env_current->loop, &p->pipe, rt_to_bool(rt_arg(a, 0)));
  if (r < 0) {
    free(p);
    rt_throw_errno(r, "uv_pipe_init", NULL, NULL);
    return;
  }
  p->pipe.data = p;
  p->obj = rt_ref_new(rt_this(a));
  rt_object_set_ptr(rt_this(a), p);
}

static void open_(rt_args *a) {
  rt_pipe *p = self(a);
  if (!p) return;
  rt_return_int(a, uv_pipe_open(&p->pipe, rt_to_int32(rt_arg(a, 0))));
}

static void alloc_cb(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
  buf->base = malloc(65536);
  buf->len = buf->base ? 65536 : 0;
}

static void read_cb(uv_stream_t *s, ssize_t n, const uv_buf_t *buf) {
  rt_pipe *p = s->data;
  if (n == 0) {
    free(buf->base);
    return;
  }
  rt_scope *sc = rt_scope_open();
  rt_val argv[2];
  int argc = 1;
  if (n < 0) {
    free(buf->base);
    argv[0] = n == UV_EOF ? rt_null() : rt_errno_error((int)n, "read", NULL, NULL);
  } else {
    void *data = realloc(buf->base, (size_t)n);
    rt_val ab = rt_array_buffer_take(data ? data : buf->base, (size_t)n);
    argv[0] = rt_uint8array(ab, 0, (size_t)n);
  }
  /* A handle passed over IPC arrives with the data (not used yet). */
  if (p->on_read) rt_make_callback(rt_ref_get(p->on_read), rt_ref_get(p->obj), argc, argv);
  rt_scope_close(sc);
}

static void read_start(rt_args *a) {
  rt_pipe *p = self(a);
  if (!p) return;
  rt_ref_free(p->on_read);
  p->on_read = rt_ref_new(rt_arg(a, 0));
  rt_return_int(a, uv_read_start((uv_stream_t *)&p->pipe, alloc_cb, read_cb));
}

static void read_stop(rt_args *a) {
  rt_pipe *p = self(a);
  if (!p) return;
  rt_return_int(a, uv_read_stop((uv_stream_t *)&p->pipe));
}

typedef struct {
  uv_write_t req;
  rt_ref *cb;
  rt_ref *keep; /* the bytes being written */
  rt_pipe *p;
} write_req;

static void write_cb(uv_write_t *req, int status) {
  write_req *w = (write_req *)req;
  rt_scope *sc = rt_scope_open();
  if (w->cb) {
    rt_val arg = status < 0 ? rt_errno_error(status, "write", NULL, NULL) : rt_null();
    rt_make_callback(rt_ref_get(w->cb), rt_ref_get(w->p->obj), 1, &arg);
  }
  rt_scope_close(sc);
  rt_ref_free(w->cb);
  rt_ref_free(w->keep);
  free(w);
}

/* write(bytes, cb) -> 0 or negative errno (synchronous failure) */
static void write_(rt_args *a) {
  rt_pipe *p = self(a);
  if (!p) return;
  size_t len = 0;
  char *data = rt_view_data(rt_arg(a, 0), &len);
  write_req *w = dr_calloc(1, sizeof *w);
  w->p = p;
  w->keep = rt_ref_new(rt_arg(a, 0));
  if (rt_is_function(rt_arg(a, 1))) w->cb = rt_ref_new(rt_arg(a, 1));
  uv_buf_t buf = uv_buf_init(data ? data : "", (unsigned)len);
  int r = uv_write(&w->req, (uv_stream_t *)&p->pipe, &buf, 1, write_cb);
  if (r < 0) {
    rt_ref_free(w->cb);
    rt_ref_free(w->keep);
    free(w);
  }
  rt_return_int(a, r);
}

typedef struct {
  uv_shutdown_t req;
  rt_ref *cb;
  rt_pipe *p;
} shutdown_req;

static void shutdown_cb(uv_shutdown_t *req, int status) {
  shutdown_req *s = (shutdown_req *)req;
  rt_scope *sc = rt_scope_open();
  if (s->cb) {
    rt_val arg = status < 0 ? rt_errno_error(status, "shutdown", NULL, NULL) : rt_null();
    rt_make_callback(rt_ref_get(s->cb), rt_ref_get(s->p->obj), 1, &arg);
  }
  rt_scope_close(sc);
  rt_ref_free(s->cb);
  free(s);
}

static void shutdown_(rt_args *a) {
  rt_pipe *p = self(a);
  if (!p) return;
  shutdown_req *s = dr_calloc(1, sizeof *s);
  s->p = p;
  if (rt_is_function(rt_arg(a, 0))) s->cb = rt_ref_new(rt_arg(a, 0));
  int r = uv_shutdown(&s->req, (uv_stream_t *)&p->pipe, shutdown_cb);
  if (r < 0) {
    rt_ref_free(s->cb);
    free(s);
  }
  rt_return_int(a, r);
}

static void close_cb(uv_handle_t *h) {
  rt_pipe *p = h->data;
  rt_scope *sc = rt_scope_open();
  rt_val obj = rt_ref_get(p->obj);
  rt_object_set_ptr(obj, NULL);
  if (p->on_close) rt_make_callback(rt_ref_get(p->on_close), obj, 0, NULL);
  rt_scope_close(sc);
  rt_ref_free(p->on_close);
  rt_ref_free(p->on_read);
  rt_ref_free(p->obj);
  free(p);
}

void rt_pipe_close(rt_pipe *p) {
  if (p->closing) return;
  p->closing = true;
  uv_close((uv_handle_t *)&p->pipe, close_cb);
}

static void close_(rt_args *a) {
  rt_pipe *p = rt_pipe_from(rt_this(a));
  if (!p || p->closing) return;
  if (rt_is_function(rt_arg(a, 0))) p->on_close = rt_ref_new(rt_arg(a, 0));
  rt_pipe_close(p);
}

static void ref_(rt_args *a) {
  rt_pipe *p = rt_pipe_from(rt_this(a));
  if (p && !p->closing) uv_ref((uv_handle_t *)&p->pipe);
}
static void unref_(rt_args *a) {
  rt_pipe *p = rt_pipe_from(rt_this(a));
  if (p && !p->closing) uv_unref((uv_handle_t *)&p->pipe);
}
static void has_ref(rt_args *a) {
  rt_pipe *p = rt_pipe_from(rt_this(a));
  rt_return_bool(a, p && !p->closing && uv_has_ref((uv_handle_t *)&p->pipe));
}
static void get_fd(rt_args *a) {
  rt_pipe *p = rt_pipe_from(rt_this(a));
  uv_os_fd_t fd = -1;
  if (p && !p->closing) uv_fileno((uv_handle_t *)&p->pipe, &fd);
  rt_return_int(a, fd);
}
static void write_queue_size(rt_args *a) {
  rt_pipe *p = rt_pipe_from(rt_this(a));
  rt_return_number(a, p && !p->closing ? (double)p->pipe.write_queue_size : 0);
}

rt_val rt_pipe_class_function(void) { return rt_class_function(pipe_class); }

void rt_binding_init_pipe_wrap(rt_val e) {
  pipe_class = rt_class_new("Pipe", ctor, 1);
  rt_class_method(pipe_class, "open", open_);
  rt_class_method(pipe_class, "readStart", read_start);
  rt_class_method(pipe_class, "readStop", read_stop);
  rt_class_method(pipe_class, "write", write_);
  rt_class_method(pipe_class, "shutdown", shutdown_);
  rt_class_method(pipe_class, "close", close_);
  rt_class_method(pipe_class, "ref", ref_);
  rt_class_method(pipe_class, "unref", unref_);
  rt_class_method(pipe_class, "hasRef", has_ref);
  rt_class_method(pipe_class, "getFd", get_fd);
  rt_class_method(pipe_class, "writeQueueSize", write_queue_size);
  rt_set(e, "Pipe", rt_class_function(pipe_class));
}
