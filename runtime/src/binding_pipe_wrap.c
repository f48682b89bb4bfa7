/* binding_pipe_wrap.c — internalBinding('pipe_wrap'): libuv pipes (child
 * stdio, the IPC channel, Unix domain sockets for net).
 *
 *   const p = new Pipe(ipc)     uv_pipe_init
 *   p.open(fd)                  an inherited fd
 *   p.bind(path) / p.connect(path, cb(err))   Unix domain sockets
 *   p.getsockname() -> path
 * plus the stream methods of stream_wrap.h.
 */
#include <stdlib.h>
#include <string.h>

#include "devrun/util.h"
#include "runtime.h"
#include "stream_wrap.h"

static rt_class *pipe_class;

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

void rt_binding_init_pipe_wrap(rt_val e) {
  pipe_class = rt_class_new("Pipe", ctor, 1);
  rt_stream_add_methods(pipe_class);
  rt_class_method(pipe_class, "open", open_);
  rt_class_method(pipe_class, "bind", bind_);
  rt_class_method(pipe_class, "connect", connect_);
  rt_class_method(pipe_class, "getsockname", getsockname_);
  rt_set(e, "Pipe", rt_class_function(pipe_class));
}
