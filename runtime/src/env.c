/* env.c — the runtime's state, the callback discipline and the event loop.
 *
 * Every entry into JavaScript from libuv goes through rt_make_callback(),
 * which runs the callback and then rt_tick(): Node's rule that the nextTick
 * queue and then the microtask queue are drained after every callback.  The
 * JavaScript side (internal/process/task_queues) owns the nextTick queue and
 * tells C through tick_info whether it has work, so the common case costs one
 * microtask checkpoint and no call into JavaScript.
 *
 * rt_env_run_loop() is Node's SpinEventLoop: run libuv until it is empty,
 * emit 'beforeExit', and go on if that scheduled more work.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "devrun/util.h"
#include "engine_inspector.h"
#include "runtime.h"

_Thread_local rt_env *rt_env_current;

/* ---- per-thread memory -------------------------------------------------
 * Large per-thread buffers live on the heap, not in _Thread_local arrays:
 * static TLS is carved out of every thread's stack, V8's own threads (the
 * profiler's sampler among them) have small stacks and fail to start when
 * it grows (150 KiB of TLS stopped --cpu-prof from taking any sample). */
typedef struct at_exit_fn {
  void (*fn)(void *);
  void *arg;
  struct at_exit_fn *next;
} at_exit_fn;

static _Thread_local at_exit_fn *thread_at_exit;

void rt_thread_at_exit(void (*fn)(void *), void *arg) {
  at_exit_fn *e = dr_calloc(1, sizeof *e);
  e->fn = fn;
  e->arg = arg;
  e->next = thread_at_exit;
  thread_at_exit = e;
}

void rt_thread_run_at_exit(void) {
  while (thread_at_exit) {
    at_exit_fn *e = thread_at_exit;
    thread_at_exit = e->next;
    e->fn(e->arg);
    free(e);
  }
}

void *rt_thread_alloc(void **slot, size_t size) {
  if (!*slot) {
    *slot = dr_calloc(1, size);
    rt_thread_at_exit(free, *slot);
  }
  return *slot;
}

void rt_tick(void) {
  rt_env *env = rt_env_current;
  if (!env->tick_info) return; /* bootstrap did not get that far (a terminated worker) */
  if (!env->tick_info[0] && !env->tick_info[1]) {
    rt_run_microtasks();
    if (!env->tick_info[0] && !env->tick_info[1]) return;
  }
  if (!env->tick_fn) return;
  rt_scope *s = rt_scope_open();
  rt_call_toplevel(rt_ref_get(env->tick_fn), rt_ref_get(env->process), 0, NULL);
  rt_scope_close(s);
}

rt_val rt_make_callback(rt_val fn, rt_val recv, int argc, rt_val *argv) {
  rt_val r = rt_call_toplevel(fn, recv, argc, argv);
  rt_tick();
  return r;
}

static bool emit(const char *event, int code) {
  rt_env *env = rt_env_current;
  if (!env->emit_fn) return false;
  rt_scope *s = rt_scope_open();
  rt_val argv[2] = {rt_string(event), rt_int(code)};
  rt_make_callback(rt_ref_get(env->emit_fn), rt_ref_get(env->process), 2, argv);
  rt_scope_close(s);
  return true;
}

static int current_exit_code(void) {
  rt_env *env = rt_env_current;
  rt_scope *s = rt_scope_open();
  rt_val code = rt_get(rt_ref_get(env->process), "exitCode");
  int c = 0;
  if (code && !rt_is_undefined(code)) c = rt_to_int32(code);
  rt_scope_close(s);
  return c;
}

int rt_env_run_loop(void) {
  rt_env *env = rt_env_current;
  for (;;) {
    uv_run(env->loop, UV_RUN_DEFAULT);
    if (env->exiting) break;
    emit("beforeExit", current_exit_code());
    if (!uv_loop_alive(env->loop)) break;
  }
  return current_exit_code();
}

int rt_env_emit_exit(int code) {
  rt_env *env = rt_env_current;
  if (env->exiting) return code;
  env->exiting = true;
  rt_scope *s = rt_scope_open();
  rt_set(rt_ref_get(env->process), "_exiting", rt_bool(true));
  if (code) rt_set(rt_ref_get(env->process), "exitCode", rt_int(code));
  rt_scope_close(s);
  emit("exit", code);
  return current_exit_code();
}

void rt_exit(int code) { rt_process_exit(rt_env_emit_exit(code)); }

rt_val rt_env_bootstrap(rt_env *env) {
  rt_val process = rt_object();
  env->process = rt_ref_new(process);
  rt_val ib = rt_function(rt_internal_binding_fn, "internalBinding", NULL);
  /* internal/bootstrap/loaders returns the builtin require. */
  rt_val loaders = rt_builtin_compile("internal/bootstrap/loaders");
  rt_val module = rt_object();
  rt_val exports = rt_object();
  rt_set(module, "exports", exports);
  rt_val largv[5] = {exports, rt_undefined(), module, process, ib};
  if (!loaders || !rt_call_toplevel(loaders, rt_undefined(), 5, largv)) return NULL;
  return rt_get(module, "exports");
}

void rt_process_exit(int code) {
  /* With an inspector, its exit handler still has work (profiles, "Waiting
   * for the debugger to disconnect").  Otherwise everything the runtime
   * writes is flushed here, and tearing down V8 and libnode's static
   * objects would only cost time. */
  fflush(NULL);
  uv_tty_reset_mode(); /* a terminal left in raw mode by setRawMode(true) gets its settings back */
  if (rt_insp_created()) {
    /* exit() runs V8's and the inspector's teardown: no worker may still
     * be running JavaScript then. */
    rt_workers_stop(rt_env_current->loop);
    exit(code);
  }
  _exit(code);
}
