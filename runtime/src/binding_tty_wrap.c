/* binding_tty_wrap.c — internalBinding('tty_wrap'): libuv TTY handles on any
 * descriptor, for tty.ReadStream (runtime/lib/tty.js) on descriptors other
 * than 0 (fd 0 is process.stdin, owned by binding_stdio.c).
 *
 *   const ctx = {};
 *   const t = new TTY(fd, ctx)   uv_tty_init (readable); on failure ctx gets
 *                                Node's { code, errno, message, syscall }
 *   t.setRawMode(flag) -> 0 or negative errno   (uv_tty_set_mode)
 *   t.getWindowSize([]) -> 0 or negative errno; fills [columns, rows]
 * plus the stream methods of stream_wrap.h (readStart, write, shutdown,
 * close, ref...), which net.Socket uses.  Raw mode is undone when the
 * process exits (uv_tty_reset_mode, as Node). */
#include <pthread.h>
#include <stdlib.h>

#include "devrun/util.h"
#include "runtime.h"
#include "stream_wrap.h"

static _Thread_local rt_class *tty_class;
static pthread_once_t reset_once = PTHREAD_ONCE_INIT;

static void reset_mode_at_exit(void) {
  uv_tty_reset_mode();
}
static void register_reset(void) {
  atexit(reset_mode_at_exit);
}

static void ctor(rt_args *a) {
  int fd = rt_to_int32(rt_arg(a, 0));
  rt_val ctx = rt_arg(a, 1);
  rt_stream *s = dr_calloc(1, sizeof *s);
  int r = fd < 0 ? UV_EBADF : uv_tty_init(rt_env_current->loop, &s->u.tty, fd, 1);
  if (r < 0) {
    free(s);
    if (rt_is_object(ctx)) {
      rt_set(ctx, "errno", rt_int(r));
      rt_set(ctx, "code", rt_string(uv_err_name(r)));
      rt_set(ctx, "message", rt_string(uv_strerror(r)));
      rt_set(ctx, "syscall", rt_string("uv_tty_init"));
    }
    return;
  }
  rt_stream_attach(s, rt_this(a), tty_class);
}

static void set_raw_mode(rt_args *a) {
  rt_stream *s = rt_stream_self(a);
  if (!s) return;
  bool raw = rt_to_bool(rt_arg(a, 0));
  if (raw) pthread_once(&reset_once, register_reset);
  rt_return_int(a, uv_tty_set_mode(&s->u.tty, raw ? UV_TTY_MODE_RAW : UV_TTY_MODE_NORMAL));
}

static void get_window_size(rt_args *a) {
  rt_stream *s = rt_stream_self(a);
  if (!s) return;
  int w = 0, h = 0;
  int r = uv_tty_get_winsize(&s->u.tty, &w, &h);
  if (r == 0 && rt_is_object(rt_arg(a, 0))) {
    rt_set_i(rt_arg(a, 0), 0, rt_int(w));
    rt_set_i(rt_arg(a, 0), 1, rt_int(h));
  }
  rt_return_int(a, r);
}

void rt_binding_init_tty_wrap(rt_val e) {
  tty_class = rt_class_new("TTY", ctor, 1);
  rt_stream_add_methods(tty_class);
  rt_class_method(tty_class, "setRawMode", set_raw_mode);
  rt_class_method(tty_class, "getWindowSize", get_window_size);
  rt_set(e, "TTY", rt_class_function(tty_class));
}
