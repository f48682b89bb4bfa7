/* binding_process_wrap.c — internalBinding('process_wrap'): child
 * processes on uv_spawn, and spawnSync on a private loop.
 *
 *   spawn(opts, onexit) -> { pid, kill(sig) -> err, close(), ref(), unref() }
 *     opts: { file, args, cwd, envPairs, stdio, detached, uid, gid }
 *     stdio[i]: { type: 'ignore' } | { type: 'inherit' } (fd i) |
 *               { type: 'fd', fd } | { type: 'pipe', handle: Pipe }
 *     onexit(exitStatus, signalName | null)
 *     A failed spawn throws nothing: spawn() returns the negative errno
 *     and the JavaScript side emits 'error' as Node does.
 *
 *   spawnSync(opts) -> { pid, status, signal, output: [null, out, err], error }
 *     opts adds: input (Uint8Array), timeout (ms), killSignal, maxBuffer.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "devrun/buf.h"
#include "devrun/util.h"
#include "stream_wrap.h"
#include "runtime.h"

static const char *signal_name(int sig) {
  static const struct { int s; const char *n; } t[] = {
      {SIGHUP, "SIGHUP"}, {SIGINT, "SIGINT"}, {SIGQUIT, "SIGQUIT"}, {SIGILL, "SIGILL"},
      {SIGTRAP, "SIGTRAP"}, {SIGABRT, "SIGABRT"}, {SIGBUS, "SIGBUS"}, {SIGFPE, "SIGFPE"},
      {SIGKILL, "SIGKILL"}, {SIGUSR1, "SIGUSR1"}, {SIGSEGV, "SIGSEGV"}, {SIGUSR2, "SIGUSR2"},
      {SIGPIPE, "SIGPIPE"}, {SIGALRM, "SIGALRM"}, {SIGTERM, "SIGTERM"}, {SIGCHLD, "SIGCHLD"},
      {SIGCONT, "SIGCONT"}, {SIGSTOP, "SIGSTOP"}, {SIGTSTP, "SIGTSTP"}, {SIGTTIN, "SIGTTIN"},
      {SIGTTOU, "SIGTTOU"}, {SIGURG, "SIGURG"}, {SIGXCPU, "SIGXCPU"}, {SIGXFSZ, "SIGXFSZ"},
      {SIGVTALRM, "SIGVTALRM"}, {SIGPROF, "SIGPROF"}, {SIGWINCH, "SIGWINCH"}, {SIGIO, "SIGIO"},
      {SIGPWR, "SIGPWR"}, {SIGSYS, "SIGSYS"}, {0, NULL}};
  for (int i = 0; t[i].n; i++)
    if (t[i].s == sig) return t[i].n;
  return NULL;
}

/* ---- options, shared by spawn and spawnSync ---- */
typedef struct {
  uv_process_options_t o;
  char **args;
  char **env;
  uv_stdio_container_t stdio[16];
  char *file, *cwd;
} spawn_opts;

static char **string_array(rt_val arr) {
  if (!rt_is_array(arr)) return NULL;
  uint32_t n = rt_array_length(arr);
  char **v = dr_calloc(n + 1, sizeof *v);
  for (uint32_t i = 0; i < n; i++) v[i] = rt_to_utf8(rt_get_i(arr, i), NULL);
  return v;
}

static void free_strings(char **v) {
  for (char **p = v; p && *p; p++) free(*p);
  free(v);
}

static void opts_release(spawn_opts *s) {
  free_strings(s->args);
  free_strings(s->env);
  free(s->file);
  free(s->cwd);
}

/* sync: pipes are created by the caller on its private loop */
static int opts_parse(spawn_opts *s, rt_val js, uv_pipe_t *sync_pipes, uv_loop_t *sync_loop) {
  memset(s, 0, sizeof *s);
  s->file = rt_to_utf8(rt_get(js, "file"), NULL);
  s->args = string_array(rt_get(js, "args"));
  rt_val env = rt_get(js, "envPairs");
  if (rt_is_array(env)) s->env = string_array(env);
  rt_val cwd = rt_get(js, "cwd");
  if (cwd && rt_is_string(cwd)) s->cwd = rt_to_utf8(cwd, NULL);
  s->o.file = s->file;
  s->o.args = s->args;
  s->o.env = s->env;
  s->o.cwd = s->cwd;
  if (rt_to_bool(rt_get(js, "detached"))) s->o.flags |= UV_PROCESS_DETACHED;
  rt_val uid = rt_get(js, "uid"), gid = rt_get(js, "gid");
  if (uid && rt_is_number(uid)) {
    s->o.flags |= UV_PROCESS_SETUID;
    s->o.uid = (uv_uid_t)rt_to_int32(uid);
  }
  if (gid && rt_is_number(gid)) {
    s->o.flags |= UV_PROCESS_SETGID;
    s->o.gid = (uv_gid_t)rt_to_int32(gid);
  }
  rt_val stdio = rt_get(js, "stdio");
  uint32_t n = rt_is_array(stdio) ? rt_array_length(stdio) : 0;
  if (n > 16) n = 16;
  for (uint32_t i = 0; i < n; i++) {
    rt_val d = rt_get_i(stdio, i);
    char *type = rt_to_utf8(rt_get(d, "type"), NULL);
    uv_stdio_container_t *c = &s->stdio[i];
    if (!strcmp(type, "ignore")) {
      c->flags = UV_IGNORE;
    } else if (!strcmp(type, "inherit")) {
      c->flags = UV_INHERIT_FD;
      c->data.fd = (int)i;
    } else if (!strcmp(type, "fd")) {
      c->flags = UV_INHERIT_FD;
      c->data.fd = rt_to_int32(rt_get(d, "fd"));
    } else if (!strcmp(type, "pipe")) {
      if (sync_pipes) {
        uv_pipe_init(sync_loop, &sync_pipes[i], 0);
        c->data.stream = (uv_stream_t *)&sync_pipes[i];
      } else {
        rt_stream *p = rt_stream_from(rt_get(d, "handle"));
        if (!p) {
          free(type);
          return UV_EINVAL;
        }
        c->data.stream = &p->u.stream;
      }
      c->flags = UV_CREATE_PIPE | UV_READABLE_PIPE | UV_WRITABLE_PIPE;
    } else if (!strcmp(type, "overlapped") || !strcmp(type, "wrap")) {
      rt_stream *p = rt_stream_from(rt_get(d, "handle"));
      if (!p) {
        free(type);
        return UV_EINVAL;
      }
      c->flags = UV_INHERIT_STREAM;
      c->data.stream = &p->u.stream;
    } else {
      c->flags = UV_IGNORE;
    }
    free(type);
  }
  s->o.stdio = s->stdio;
  s->o.stdio_count = (int)n;
  return 0;
}

/* ---- async spawn ---- */
typedef struct {
  uv_process_t proc;
  rt_ref *obj, *onexit;
  bool closing;
} child;

static _Thread_local rt_class *process_class;

static void proc_close_cb(uv_handle_t *h) {
  child *c = h->data;
  rt_ref_free(c->obj);
  rt_ref_free(c->onexit);
  free(c);
}

static void exit_cb(uv_process_t *p, int64_t status, int sig) {
  child *c = p->data;
  rt_scope *sc = rt_scope_open();
  const char *name = sig ? signal_name(sig) : NULL;
  rt_val argv[2] = {rt_number((double)status), name ? rt_string(name) : rt_null()};
  rt_make_callback(rt_ref_get(c->onexit), rt_ref_get(c->obj), 2, argv);
  rt_scope_close(sc);
}

static void proc_ctor(rt_args *a) {}

static void spawn(rt_args *a) {
  spawn_opts s;
  int r = opts_parse(&s, rt_arg(a, 0), NULL, NULL);
  if (r < 0) {
    opts_release(&s);
    rt_return_int(a, r);
    return;
  }
  child *c = dr_calloc(1, sizeof *c);
  s.o.exit_cb = exit_cb;
  r = uv_spawn(rt_env_current->loop, &c->proc, &s.o);
  opts_release(&s);
  if (r < 0) {
    /* uv_spawn initialised the handle: it must still be closed */
    c->proc.data = c;
    c->closing = true;
    uv_close((uv_handle_t *)&c->proc, proc_close_cb);
    rt_return_int(a, r);
    return;
  }
  c->proc.data = c;
  rt_val obj = rt_new(rt_class_function(process_class), 0, NULL);
  if (!obj) return;
  rt_object_set_ptr(obj, c);
  c->obj = rt_ref_new(obj);
  c->onexit = rt_ref_new(rt_arg(a, 1));
  rt_set(obj, "pid", rt_int(c->proc.pid));
  rt_return(a, obj);
}

static child *self(rt_args *a) {
  child *c = rt_is_object(rt_this(a)) ? rt_object_get_ptr(rt_this(a)) : NULL;
  return c && !c->closing ? c : NULL;
}

static void kill_(rt_args *a) {
  child *c = self(a);
  if (!c) {
    rt_return_int(a, UV_ESRCH);
    return;
  }
  rt_return_int(a, uv_process_kill(&c->proc, rt_to_int32(rt_arg(a, 0))));
}

static void close_(rt_args *a) {
  child *c = self(a);
  if (!c) return;
  c->closing = true;
  rt_object_set_ptr(rt_this(a), NULL);
  uv_close((uv_handle_t *)&c->proc, proc_close_cb);
}

static void ref_(rt_args *a) {
  child *c = self(a);
  if (c) uv_ref((uv_handle_t *)&c->proc);
}
static void unref_(rt_args *a) {
  child *c = self(a);
  if (c) uv_unref((uv_handle_t *)&c->proc);
}
static void has_ref(rt_args *a) {
  child *c = self(a);
  rt_return_bool(a, c && uv_has_ref((uv_handle_t *)&c->proc));
}

/* ---- spawnSync ---- */
typedef struct {
  uv_loop_t loop;
  uv_process_t proc;
  uv_pipe_t pipes[16];
  dr_buf_t out[16];
  uv_timer_t timer;
  int64_t status;
  int term_sig;
  bool exited, timed_out, overflow;
  int kill_signal;
  size_t max_buffer;
  size_t total;
  int error;
  uv_write_t wreq;
  uv_shutdown_t sreq;
} sync_run;

static void sync_exit(uv_process_t *p, int64_t status, int sig) {
  sync_run *r = p->data;
  r->status = status;
  r->term_sig = sig;
  r->exited = true;
  uv_timer_stop(&r->timer);
}

static void sync_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
  static _Thread_local void *scratch;
  buf->base = rt_thread_alloc(&scratch, 65536);
  buf->len = 65536;
}

static void sync_read(uv_stream_t *s, ssize_t n, const uv_buf_t *buf) {
  sync_run *r = s->data;
  int i = (int)((uv_pipe_t *)s - r->pipes);
  if (n < 0) {
    uv_close((uv_handle_t *)s, NULL);
    return;
  }
  dr_buf_add(&r->out[i], buf->base, (size_t)n);
  r->total += (size_t)n;
  if (r->max_buffer && r->out[i].len > r->max_buffer && !r->overflow) {
    r->overflow = true;
    r->error = UV_ENOBUFS;
    uv_process_kill(&r->proc, r->kill_signal);
  }
}

static void sync_timeout(uv_timer_t *t) {
  sync_run *r = t->data;
  r->timed_out = true;
  r->error = UV_ETIMEDOUT;
  uv_process_kill(&r->proc, r->kill_signal);
}

static void sync_shutdown_cb(uv_shutdown_t *req, int status) {
  uv_close((uv_handle_t *)req->handle, NULL);
}

static void sync_write_cb(uv_write_t *req, int status) {
  uv_shutdown(&((sync_run *)req->data)->sreq, req->handle, sync_shutdown_cb);
}

static void walk_close(uv_handle_t *h, void *arg) {
  if (!uv_is_closing(h)) uv_close(h, NULL);
}

static void spawn_sync(rt_args *a) {
  rt_val js = rt_arg(a, 0);
  sync_run *r = dr_calloc(1, sizeof *r);
  uv_loop_init(&r->loop);
  for (int i = 0; i < 16; i++) {
    dr_buf_init(&r->out[i], 0);
    r->pipes[i].data = r;
  }
  rt_val ks = rt_get(js, "killSignal");
  r->kill_signal = ks && rt_is_number(ks) ? rt_to_int32(ks) : SIGTERM;
  rt_val mb = rt_get(js, "maxBuffer");
  r->max_buffer = mb && rt_is_number(mb) && rt_to_number(mb) > 0 && rt_to_number(mb) < 1e15
                      ? (size_t)rt_to_number(mb) : 0;
  spawn_opts s;
  int err = opts_parse(&s, js, r->pipes, &r->loop);
  rt_val result = rt_object();
  if (err == 0) {
    s.o.exit_cb = sync_exit;
    r->proc.data = r;
    err = uv_spawn(&r->loop, &r->proc, &s.o);
  }
  int nstdio = s.o.stdio_count;
  if (err == 0) {
    rt_set(result, "pid", rt_int(r->proc.pid));
    for (int i = 0; i < nstdio; i++) {
      if (!(s.stdio[i].flags & UV_CREATE_PIPE)) continue;
      r->pipes[i].data = r;
      if (i == 0) {
        size_t len = 0;
        rt_val input = rt_get(js, "input");
        char *data = input && rt_is_array_buffer_view(input) ? rt_view_data(input, &len) : NULL;
        r->wreq.data = r;
        r->sreq.data = r;
        if (data && len) {
          uv_buf_t b = uv_buf_init(data, (unsigned)len);
          uv_write(&r->wreq, (uv_stream_t *)&r->pipes[0], &b, 1, sync_write_cb);
        } else {
          uv_shutdown(&r->sreq, (uv_stream_t *)&r->pipes[0], sync_shutdown_cb);
        }
      } else {
        uv_read_start((uv_stream_t *)&r->pipes[i], sync_alloc, sync_read);
      }
    }
    rt_val to = rt_get(js, "timeout");
    uv_timer_init(&r->loop, &r->timer);
    r->timer.data = r;
    if (to && rt_is_number(to) && rt_to_number(to) > 0)
      uv_timer_start(&r->timer, sync_timeout, (uint64_t)rt_to_number(to), 0);
    uv_run(&r->loop, UV_RUN_DEFAULT);
    rt_val output = rt_array(0);
    for (int i = 0; i < nstdio; i++) {
      if (!(s.stdio[i].flags & UV_CREATE_PIPE) || i == 0) {
        rt_set_i(output, (uint32_t)i, rt_null());
        continue;
      }
      size_t n;
      char *data = dr_buf_detach(&r->out[i], &n);
      rt_set_i(output, (uint32_t)i, rt_uint8array(rt_array_buffer_take(data, n), 0, n));
    }
    rt_set(result, "output", output);
    const char *sig = r->term_sig ? signal_name(r->term_sig) : NULL;
    rt_set(result, "status", r->term_sig ? rt_null() : rt_number((double)r->status));
    rt_set(result, "signal", sig ? rt_string(sig) : rt_null());
    uv_close((uv_handle_t *)&r->proc, NULL);
  } else {
    rt_set(result, "pid", rt_int(0));
    rt_set(result, "output", rt_null());
    rt_set(result, "status", rt_null());
    rt_set(result, "signal", rt_null());
  }
  if (err < 0 || r->error < 0) rt_set(result, "error", rt_int(err < 0 ? err : r->error));
  uv_walk(&r->loop, walk_close, NULL);
  uv_run(&r->loop, UV_RUN_DEFAULT);
  uv_loop_close(&r->loop);
  opts_release(&s);
  for (int i = 0; i < 16; i++) dr_buf_release(&r->out[i]);
  free(r);
  rt_return(a, result);
}

void rt_binding_init_process_wrap(rt_val e) {
  process_class = rt_class_new("Process", proc_ctor, 1);
  rt_class_method(process_class, "kill", kill_);
  rt_class_method(process_class, "close", close_);
  rt_class_method(process_class, "ref", ref_);
  rt_class_method(process_class, "unref", unref_);
  rt_class_method(process_class, "hasRef", has_ref);
  rt_set_method(e, "spawn", spawn);
  rt_set_method(e, "spawnSync", spawn_sync);
}
