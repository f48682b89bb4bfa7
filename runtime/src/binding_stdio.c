/* binding_stdio.c — internalBinding('stdio'): process.stdout/stderr writes
 * (synchronous, as Node's are for files, TTYs and pipes on Linux), terminal
 * queries, and reading stdin through libuv (TTY or pipe) for process.stdin.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "runtime.h"

static int write_fully(int fd, const char *p, size_t n) {
  while (n) {
    ssize_t r = write(fd, p, n);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0 && errno == EAGAIN) {
      struct pollfd pf = {.fd = fd, .events = POLLOUT};
      poll(&pf, 1, -1);
      continue;
    }
    if (r < 0) return -errno;
    p += r;
    n -= (size_t)r;
  }
  return 0;
}

/* writeString(fd, string) -> 0 or negative errno */
static void write_string(rt_args *a) {
  int fd = rt_to_int32(rt_arg(a, 0));
  rt_val s = rt_arg(a, 1);
  char stackbuf[4096];
  if (rt_is_string(s) && rt_string_length(s) * 3 <= sizeof stackbuf) {
    size_t n = rt_string_write_utf8(s, stackbuf, sizeof stackbuf);
    rt_return_int(a, write_fully(fd, stackbuf, n));
    return;
  }
  size_t n;
  char *p = rt_to_utf8(s, &n);
  if (!p) return;
  rt_return_int(a, write_fully(fd, p, n));
  free(p);
}

static void write_bytes(rt_args *a) {
  size_t n;
  char *p = rt_view_data(rt_arg(a, 1), &n);
  rt_return_int(a, p ? write_fully(rt_to_int32(rt_arg(a, 0)), p, n) : 0);
}

static void isatty_(rt_args *a) { rt_return_bool(a, isatty(rt_to_int32(rt_arg(a, 0))) == 1); }

static void guess_handle_type(rt_args *a) {
  switch (uv_guess_handle(rt_to_int32(rt_arg(a, 0)))) {
    case UV_TTY: rt_return_string(a, "TTY"); break;
    case UV_NAMED_PIPE: rt_return_string(a, "PIPE"); break;
    case UV_TCP: rt_return_string(a, "TCP"); break;
    case UV_UDP: rt_return_string(a, "UDP"); break;
    case UV_FILE: rt_return_string(a, "FILE"); break;
    default: rt_return_string(a, "UNKNOWN"); break;
  }
}

static void get_window_size(rt_args *a) {
  struct winsize ws;
  if (ioctl(rt_to_int32(rt_arg(a, 0)), TIOCGWINSZ, &ws) < 0 || ws.ws_col == 0) return;
  rt_val arr = rt_array(2);
  rt_set_i(arr, 0, rt_int(ws.ws_col));
  rt_set_i(arr, 1, rt_int(ws.ws_row));
  rt_return(a, arr);
}

/* ---- stdin ---- */
static _Thread_local union {
  uv_handle_t h;
  uv_stream_t s;
  uv_tty_t tty;
  uv_pipe_t pipe;
} in;
static _Thread_local bool in_open, in_reading;
static _Thread_local rt_ref *on_data;
/* stdin that is a file or a character device (/dev/null): libuv streams
 * cannot open those, so they are read with uv_fs_read requests instead. */
static _Thread_local bool in_is_file, file_busy, file_eof;
static _Thread_local uv_fs_t file_req;
static _Thread_local char *file_buf;

static void alloc_cb(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
  buf->base = malloc(65536);
  buf->len = buf->base ? 65536 : 0;
}

static void read_cb(uv_stream_t *s, ssize_t n, const uv_buf_t *buf) {
  if (n == 0) {
    free(buf->base);
    return;
  }
  rt_scope *sc = rt_scope_open();
  rt_val arg;
  if (n < 0) {
    free(buf->base);
    uv_read_stop(s);
    in_reading = false;
    arg = n == UV_EOF ? rt_null() : rt_errno_error((int)n, "read", NULL, NULL);
  } else {
    void *data = realloc(buf->base, (size_t)n);
    rt_val ab = rt_array_buffer_take(data ? data : buf->base, (size_t)n);
    arg = rt_uint8array(ab, 0, (size_t)n);
  }
  rt_make_callback(rt_ref_get(on_data), rt_undefined(), 1, &arg);
  rt_scope_close(sc);
}

static void file_read_cb(uv_fs_t *req);

static void file_read_next(void) {
  if (file_busy || file_eof || !in_reading) return;
  if (!file_buf) file_buf = malloc(65536);
  uv_buf_t b = uv_buf_init(file_buf, 65536);
  file_busy = true;
  if (uv_fs_read(rt_env_current->loop, &file_req, 0, &b, 1, -1, file_read_cb) < 0) file_busy = false;
}

static void file_read_cb(uv_fs_t *req) {
  ssize_t n = req->result;
  uv_fs_req_cleanup(req);
  file_busy = false;
  rt_scope *sc = rt_scope_open();
  rt_val arg;
  if (n < 0) {
    file_eof = true;
    arg = rt_errno_error((int)n, "read", NULL, NULL);
  } else if (n == 0) {
    file_eof = true;
    in_reading = false;
    arg = rt_null();
  } else {
    void *copy = malloc((size_t)n);
    memcpy(copy, file_buf, (size_t)n);
    arg = rt_uint8array(rt_array_buffer_take(copy, (size_t)n), 0, (size_t)n);
  }
  rt_make_callback(rt_ref_get(on_data), rt_undefined(), 1, &arg);
  rt_scope_close(sc);
  file_read_next();
}

static int open_stdin(void) {
  if (in_open) return 0;
  int r;
  uv_handle_type t = uv_guess_handle(0);
  if (t == UV_FILE || t == UV_UNKNOWN_HANDLE) {
    in_is_file = in_open = true;
    return 0;
  }
  if (t == UV_TTY) {
    r = uv_tty_init(rt_env_current->loop, &in.tty, 0, 1);
  } else {
    r = uv_pipe_init(rt_env_current->loop, &in.pipe, 0);
    if (r == 0) r = uv_pipe_open(&in.pipe, 0);
  }
  if (r == 0) in_open = true;
  return r;
}

/* readStart(onData): onData(Uint8Array | null at EOF | Error) */
static void read_start(rt_args *a) {
  if (!on_data) on_data = rt_ref_new(rt_arg(a, 0));
  int r = open_stdin();
  if (r < 0) {
    rt_throw_errno(r, "read", NULL, NULL);
    return;
  }
  if (in_is_file) {
    in_reading = true;
    file_read_next();
    return;
  }
  if (!in_reading) {
    r = uv_read_start(&in.s, alloc_cb, read_cb);
    if (r < 0) {
      rt_throw_errno(r, "read", NULL, NULL);
      return;
    }
    in_reading = true;
  }
  if (!in_is_file) uv_ref(&in.h);
}

static void read_stop(rt_args *a) {
  if (in_is_file) {
    in_reading = false; /* a read in flight completes; no new one starts */
    return;
  }
  if (in_open && in_reading) {
    uv_read_stop(&in.s);
    in_reading = false;
  }
}

static void stdin_ref(rt_args *a) {
  if (!in_open || in_is_file) return;
  if (rt_to_bool(rt_arg(a, 0)))
    uv_ref(&in.h);
  else
    uv_unref(&in.h);
}

static void set_raw_mode(rt_args *a) {
  if (open_stdin() < 0 || in_is_file || in.h.type != UV_TTY) {
    rt_return_int(a, UV_EINVAL);
    return;
  }
  rt_return_int(a, uv_tty_set_mode(&in.tty, rt_to_bool(rt_arg(a, 0)) ? UV_TTY_MODE_RAW
                                                                     : UV_TTY_MODE_NORMAL));
}

void rt_binding_init_stdio(rt_val e) {
  rt_set_method(e, "writeString", write_string);
  rt_set_method(e, "writeBytes", write_bytes);
  rt_set_method(e, "isatty", isatty_);
  rt_set_method(e, "guessHandleType", guess_handle_type);
  rt_set_method(e, "getWindowSize", get_window_size);
  rt_set_method(e, "readStart", read_start);
  rt_set_method(e, "readStop", read_stop);
  rt_set_method(e, "stdinRef", stdin_ref);
  rt_set_method(e, "setRawMode", set_raw_mode);
}
