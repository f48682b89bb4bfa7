/* binding_signal.c — internalBinding('signal'): process.on('SIGINT') and
 * friends.  A uv_signal_t is started for a signal while JavaScript listens
 * to it (the handle is unref'd so listening alone does not keep the process
 * alive, as in Node); without listeners the default disposition applies. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

static _Thread_local uv_signal_t *handles; /* [65], heap: see rt_thread_alloc */
static _Thread_local void *handles_slot;
static _Thread_local bool active[65], inited[65];
static _Thread_local rt_ref *on_signal;

static void cb(uv_signal_t *h, int signum) {
  rt_scope *s = rt_scope_open();
  rt_val arg = rt_int(signum);
  rt_make_callback(rt_ref_get(on_signal), rt_undefined(), 1, &arg);
  rt_scope_close(s);
}

static void set_handler(rt_args *a) { on_signal = rt_ref_new(rt_arg(a, 0)); }

static void start(rt_args *a) {
  int sig = rt_to_int32(rt_arg(a, 0));
  if (sig <= 0 || sig > 64 || active[sig]) return;
  /* Initialised once and only stopped, never closed: closing and
   * re-initialising the same memory before the close callback runs would
   * corrupt libuv's closing queue. */
  handles = rt_thread_alloc(&handles_slot, 65 * sizeof *handles);
  if (!inited[sig]) {
    uv_signal_init(rt_env_current->loop, &handles[sig]);
    uv_unref((uv_handle_t *)&handles[sig]);
    inited[sig] = true;
  }
  int r = uv_signal_start(&handles[sig], cb, sig);
  if (r < 0) {
    rt_throw_errno(r, "uv_signal_start", NULL, NULL);
    return;
  }
  uv_unref((uv_handle_t *)&handles[sig]);
  active[sig] = true;
}

static void stop(rt_args *a) {
  int sig = rt_to_int32(rt_arg(a, 0));
  if (sig <= 0 || sig > 64 || !active[sig]) return;
  uv_signal_stop(&handles[sig]);
  active[sig] = false;
}

void rt_binding_init_signal(rt_val e) {
  rt_set_method(e, "setHandler", set_handler);
  rt_set_method(e, "start", start);
  rt_set_method(e, "stop", stop);
  rt_val c = rt_object();
#define S(n) rt_set(c, #n, rt_int(n));
  S(SIGHUP) S(SIGINT) S(SIGQUIT) S(SIGILL) S(SIGTRAP) S(SIGABRT) S(SIGIOT) S(SIGBUS) S(SIGFPE)
  S(SIGKILL) S(SIGUSR1) S(SIGSEGV) S(SIGUSR2) S(SIGPIPE) S(SIGALRM) S(SIGTERM) S(SIGCHLD)
  S(SIGSTKFLT) S(SIGCONT) S(SIGSTOP) S(SIGTSTP) S(SIGTTIN) S(SIGTTOU) S(SIGURG) S(SIGXCPU)
  S(SIGXFSZ) S(SIGVTALRM) S(SIGPROF) S(SIGWINCH) S(SIGIO) S(SIGPOLL) S(SIGPWR) S(SIGSYS)
#undef S
  rt_set(e, "signals", c);
}
