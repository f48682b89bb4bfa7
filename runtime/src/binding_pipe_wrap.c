/* binding_pipe_wrap.c — internalBinding('pipe_wrap'): libuv pipes (child
 * stdio, the IPC channel, Unix domain sockets for net).
 *
 *   const p = new Pipe(ipc)     uv_pipe_init
 *   p.open(fd)                  an inherited fd
 *   p.bind(path) / p.connect(path, cb(err))   Unix domain sockets
 *   p.getsockname() -> path
 * plus the stream methods of stream_wrap.h.
 *
 * Handle passing on IPC pipes (child.send(msg, handle), cluster):
 *   p.writeHandle(bytes, handle | fd, cb(err)) -> 0 or negative errno
 *       uv_write2: the bytes go out with the handle's socket attached
 *       (SCM_RIGHTS on the first byte).  The socket is dup()ed into a
 *       private carrier handle owned by the request, so the sender may close
 *       `handle` at once; the carrier is closed when the write completes.
 *   p.pendingCount() / p.pendingType() -> 'tcp' | 'pipe' | 'udp' | undefined
 *   p.acceptPending(handle) -> 0 or negative errno
 *       the first socket received with the data read so far becomes
 *       `handle` (a fresh TCP or Pipe(false)); call it from the read
 *       callback, before the next read.
 *   p.acceptPendingFd() -> fd or negative errno
 *       the same for a UDP socket, as a descriptor for UDP.open(fd).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "devrun/util.h"
#include "runtime.h"
#include "stream_wrap.h"

static _Thread_local rt_class *pipe_class;

static void ctor(rt_args *a) {
  rt_stream *s = dr_calloc(1, sizeof *s);
  int r = uv_pipe_init(rt_env_current->loop, &s->u.pipe, rt_to_bool(rt_arg(a, 0)));
  if (r < 0) {
    free(s);
    rt_throw_errno(r, "uv_pipe_init", NULL, NULL);
    return;
  }
  rt_stream_attach(s, rt_this(a), pipe_class);
}

static void open_(rt_args *a) {
  rt_stream *s = rt_stream_self(a);
  if (s) rt_return_int(a, uv_pipe_open(&s->u.pipe, rt_to_int32(rt_arg(a, 0))));
}

static void bind_(rt_args *a) {
  rt_stream *s = rt_stream_self(a);
  if (!s) return;
  char *path = RT_ARG_STR(a, 0);
  rt_return_int(a, uv_pipe_bind(&s->u.pipe, path));
  free(path);
}

static void connect_(rt_args *a) {
  rt_stream *s = rt_stream_self(a);
  if (!s) return;
  char *path = RT_ARG_STR(a, 0);
  uv_pipe_connect(rt_stream_connect_req(s, rt_arg(a, 1)), &s->u.pipe, path, rt_stream_connect_cb);
  free(path);
}

static void getsockname_(rt_args *a) {
  rt_stream *s = rt_stream_self(a);
  if (!s) return;
  char buf[512];
  size_t n = sizeof buf;
  if (uv_pipe_getsockname(&s->u.pipe, buf, &n) == 0) rt_return(a, rt_string_n(buf, n));
}

typedef struct {
  uv_write_t req;
  union {
    uv_handle_t handle;
    uv_stream_t stream;
    uv_tcp_t tcp;
    uv_pipe_t pipe;
  } carrier; /* owns a dup of the sent socket until the write completes */
  rt_ref *cb, *keep;
  rt_stream *s;
} write_handle_req;

static void carrier_closed(uv_handle_t *h) {
  free(h->data);
}

static void write_handle_cb(uv_write_t *req, int status) {
  write_handle_req *w = (write_handle_req *)req;
  rt_scope *sc = rt_scope_open();
  if (w->cb) {
    rt_val arg = status < 0 ? rt_errno_error(status, "write", NULL, NULL) : rt_null();
    rt_make_callback(rt_ref_get(w->cb), rt_ref_get(w->s->obj), 1, &arg);
  }
  rt_scope_close(sc);
  rt_ref_free(w->cb);
  rt_ref_free(w->keep);
  uv_close(&w->carrier.handle, carrier_closed);
}

/* writeHandle(bytes, handle | fd, cb(err)) -> 0 or a negative errno.  A
 * number is the descriptor of a socket of another kind (a UDP socket); it
 * travels in a pipe carrier (the receiver learns the real type from the
 * socket itself). */
static void write_handle(rt_args *a) {
  rt_stream *s = rt_stream_self(a);
  if (!s) return;
  uv_os_fd_t fd = -1;
  bool tcp = false;
  if (!s->u.pipe.ipc) {
    rt_return_int(a, UV_EINVAL);
    return;
  }
  if (rt_is_number(rt_arg(a, 1))) {
    fd = rt_to_int32(rt_arg(a, 1));
  } else {
    rt_stream *h = rt_stream_from(rt_arg(a, 1));
    if (!h || h->closing || (h->u.handle.type != UV_TCP && h->u.handle.type != UV_NAMED_PIPE) ||
        uv_fileno(&h->u.handle, &fd) != 0)
      fd = -1;
    else
      tcp = h->u.handle.type == UV_TCP;
  }
  if (fd < 0) {
    rt_return_int(a, UV_EBADF);
    return;
  }
  int copy = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (copy < 0) {
    rt_return_int(a, uv_translate_sys_error(errno));
    return;
  }
  write_handle_req *w = dr_calloc(1, sizeof *w);
  uv_loop_t *loop = rt_env_current->loop;
  int r = tcp ? uv_tcp_init(loop, &w->carrier.tcp) : uv_pipe_init(loop, &w->carrier.pipe, 0);
  if (r < 0) {
    close(copy);
    free(w);
    rt_return_int(a, r);
    return;
  }
  w->carrier.handle.data = w;
  r = tcp ? uv_tcp_open(&w->carrier.tcp, copy) : uv_pipe_open(&w->carrier.pipe, copy);
  if (r < 0) {
    close(copy); /* the carrier did not take it */
    uv_close(&w->carrier.handle, carrier_closed);
    rt_return_int(a, r);
    return;
  }
  size_t len = 0;
  char *p = rt_view_data(rt_arg(a, 0), &len);
  uv_buf_t buf = uv_buf_init(p ? p : "", (unsigned)len);
  r = uv_write2(&w->req, &s->u.stream, &buf, 1, &w->carrier.stream, write_handle_cb);
  if (r < 0) {
    uv_close(&w->carrier.handle, carrier_closed);
    rt_return_int(a, r);
    return;
  }
  w->s = s;
  w->keep = rt_ref_new(rt_arg(a, 0));
  if (rt_is_function(rt_arg(a, 2))) w->cb = rt_ref_new(rt_arg(a, 2));
  rt_return_int(a, 0);
}

static void pending_count(rt_args *a) {
  rt_stream *s = rt_stream_self(a);
  if (s) rt_return_int(a, s->u.pipe.ipc ? uv_pipe_pending_count(&s->u.pipe) : 0);
}

static void pending_type(rt_args *a) {
  rt_stream *s = rt_stream_self(a);
  if (!s || !s->u.pipe.ipc || uv_pipe_pending_count(&s->u.pipe) == 0) return;
  switch (uv_pipe_pending_type(&s->u.pipe)) {
    case UV_TCP:
      rt_return_string(a, "tcp");
      break;
    case UV_NAMED_PIPE:
      rt_return_string(a, "pipe");
      break;
    case UV_UDP:
      rt_return_string(a, "udp");
      break;
    default:
      break;
  }
}

/* acceptPending(handle): handle is a TCP or Pipe that has no socket yet. */
static void accept_pending(rt_args *a) {
  rt_stream *s = rt_stream_self(a);
  if (!s) return;
  rt_stream *c = rt_stream_from(rt_arg(a, 0));
  if (!c || c->closing) {
    rt_throw_type_error("acceptPending: not an open handle");
    return;
  }
  if (!s->u.pipe.ipc || uv_pipe_pending_count(&s->u.pipe) == 0) {
    rt_return_int(a, UV_EAGAIN);
    return;
  }
  rt_return_int(a, uv_accept(&s->u.stream, &c->u.stream));
}

static void temp_closed(uv_handle_t *h) {
  free(h);
}

/* acceptPendingFd() -> a new descriptor for the first received socket (for
 * kinds that have no stream handle: UDP), or a negative errno. */
static void accept_pending_fd(rt_args *a) {
  rt_stream *s = rt_stream_self(a);
  if (!s) return;
  if (!s->u.pipe.ipc || uv_pipe_pending_count(&s->u.pipe) == 0) {
    rt_return_int(a, UV_EAGAIN);
    return;
  }
  uv_pipe_t *tmp = dr_calloc(1, sizeof *tmp);
  int r = uv_pipe_init(rt_env_current->loop, tmp, 0);
  if (r < 0) {
    free(tmp);
    rt_return_int(a, r);
    return;
  }
  uv_os_fd_t fd;
  r = uv_accept(&s->u.stream, (uv_stream_t *)tmp);
  if (r == 0) r = uv_fileno((uv_handle_t *)tmp, &fd);
  if (r == 0) {
    r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (r < 0) r = uv_translate_sys_error(errno);
  }
  uv_close((uv_handle_t *)tmp, temp_closed); /* closes the accepted descriptor */
  rt_return_int(a, r);
}

void rt_binding_init_pipe_wrap(rt_val e) {
  pipe_class = rt_class_new("Pipe", ctor, 1);
  rt_stream_add_methods(pipe_class);
  rt_class_method(pipe_class, "open", open_);
  rt_class_method(pipe_class, "bind", bind_);
  rt_class_method(pipe_class, "connect", connect_);
  rt_class_method(pipe_class, "getsockname", getsockname_);
  rt_class_method(pipe_class, "writeHandle", write_handle);
  rt_class_method(pipe_class, "pendingCount", pending_count);
  rt_class_method(pipe_class, "pendingType", pending_type);
  rt_class_method(pipe_class, "acceptPending", accept_pending);
  rt_class_method(pipe_class, "acceptPendingFd", accept_pending_fd);
  rt_set(e, "Pipe", rt_class_function(pipe_class));
}
