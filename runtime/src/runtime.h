/* runtime.h — internal header of devrun-js (runtime/src), prototypes grouped
 * by file.  V8 is reached only through engine/engine.h.
 *
 * The life of the process (main.c): parse options, rt_engine_init, create the
 * process object, run internal/bootstrap/loaders and internal/bootstrap/node,
 * run the main entry (file, -e, stdin), then rt_env_run_loop until the loop is
 * empty and beforeExit adds no work, then emit 'exit'.
 */
#ifndef DEVRUN_RT_RUNTIME_H
#define DEVRUN_RT_RUNTIME_H

#include <stdbool.h>
#include <stdint.h>
#include <uv.h>

#include "engine.h"

/* ---- env.c: the runtime's state and the callback discipline ---- */
typedef struct rt_env {
  uv_loop_t *loop;
  rt_ref *process;           /* the process object */
  rt_ref *tick_fn;           /* processTicksAndRejections */
  rt_ref *fatal_fn;          /* JS uncaught-exception handler */
  rt_ref *reject_fn;         /* JS promise-rejection tracker */
  rt_ref *emit_fn;           /* process.emit for beforeExit/exit */
  rt_ref *tick_info_ref;     /* keeps tick_info's ArrayBuffer alive */
  int32_t *tick_info;        /* [0] hasTickScheduled, [1] hasRejectionToWarn */
  int exit_code;
  bool exiting;
  int argc;
  char **argv;      /* argv as given (process.argv is built from it) */
  int exec_argc;
  char **exec_argv; /* runtime options (process.execArgv) */
  const char *exec_path;
} rt_env;

/* The runtime of the calling thread (the main thread or a worker). */
extern _Thread_local rt_env *rt_env_current;

/* Calls fn from the event loop (a libuv callback) as Node's MakeCallback:
 * runs it, then the nextTick queue and microtasks.  Returns NULL on throw
 * (already reported as uncaught). */
rt_val rt_make_callback(rt_val fn, rt_val recv, int argc, rt_val *argv);
/* Runs nextTicks and microtasks (after a callback). */
void rt_tick(void);
int rt_env_run_loop(void);
/* Runs 'exit' listeners and exits the process with code. */
_Noreturn void rt_exit(int code);
/* Runs 'exit' listeners (once) and returns the exit code they leave. */
int rt_env_emit_exit(int code);
/* Makes env's process object and runs internal/bootstrap/loaders; returns
 * the builtin require (NULL on failure).  Open a scope first. */
rt_val rt_env_bootstrap(rt_env *env);

/* Per-thread heap memory (never large _Thread_local arrays: static TLS is
 * taken from every thread's stack, V8's small-stack threads included):
 * *slot is allocated (zeroed) on first use and freed when a worker thread
 * ends.  rt_thread_at_exit registers any such cleanup; worker threads run
 * them after their loop is closed. */
void *rt_thread_alloc(void **slot, size_t size);
void rt_thread_at_exit(void (*fn)(void *), void *arg);
void rt_thread_run_at_exit(void);

/* ---- binding_worker.c ---- */
bool rt_is_worker_thread(void);
/* process.exit() on a worker thread: stops its JavaScript and loop. */
void rt_worker_exit(int code);
/* Terminates and joins the workers started by the thread running loop. */
void rt_workers_stop(uv_loop_t *loop);
/* Exits the process now (after flushing stdio), skipping teardown when no
 * inspector needs its exit handler. */
_Noreturn void rt_process_exit(int code);

/* ---- bindings.c: internalBinding(name) ---- */
rt_val rt_internal_binding(const char *name);
void rt_internal_binding_fn(rt_args *a);

/* ---- binding_builtins.c ---- */
/* Compiles builtin `id` as a function(exports, require, module, process,
 * internalBinding); NULL with an exception pending if unknown. */
rt_val rt_builtin_compile(const char *id);
bool rt_builtin_exists(const char *id);
/* Code cache of the builtins (see binding_builtins.c). */
void rt_code_cache_load(const char *exe_path);
void rt_code_cache_start_dump(void);
int rt_code_cache_write(const char *path);

/* ---- binding_errors.c ---- */
/* A Node-style system error: "ENOENT: no such file or directory, open 'x'"
 * with .errno, .code, .syscall and .path/.dest. */
rt_val rt_errno_error(int err, const char *syscall, const char *path, const char *dest);
rt_val rt_throw_errno(int err, const char *syscall, const char *path, const char *dest);
/* Throws a Node-style TypeError with .code (e.g. ERR_INVALID_ARG_TYPE). */
rt_val rt_throw_code(const char *code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void rt_on_uncaught(rt_val exception, rt_val message_info);
void rt_on_promise_reject(int event, rt_val promise, rt_val reason);

/* ---- main.c: options handed to other parts (inspector_hooks.c, heap_hooks.c);
 * the order is relied upon by inspector_hooks.c ---- */
enum rt_option {
  RT_OPT_V8_OPTIONS = 256, RT_OPT_INPUT_TYPE, RT_OPT_INSPECT, RT_OPT_INSPECT_BRK,
  RT_OPT_INSPECT_WAIT, RT_OPT_INSPECT_PORT, RT_OPT_INSPECT_PUBLISH, RT_OPT_GC_TRACE,
  RT_OPT_SNAP_SIGNAL, RT_OPT_SNAP_NEAR, RT_OPT_CPU_PROF, RT_OPT_CPU_PROF_DIR, RT_OPT_HEAP_PROF,
  RT_OPT_BUILD_CODE_CACHE
};

/* ---- heap_hooks.c ---- */
int rt_heap_option(int opt, const char *arg);
void rt_heap_boot(void);

/* ---- binding_*.c: each binding's init ---- */
/* RT_BINDINGS(XX) is generated by CMake from the files src/binding_<name>.c:
 * adding a binding is adding that file with rt_binding_init_<name>(). */
#include "bindings_gen.h"

#define XX(name) void rt_binding_init_##name(rt_val exports);
RT_BINDINGS(XX)
#undef XX

/* Helpers used by bindings */
#define RT_ARG_STR(a, i) rt_to_utf8(rt_arg((a), (i)), NULL)

#endif
