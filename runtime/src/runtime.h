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

extern rt_env *rt_env_current;

/* Calls fn from the event loop (a libuv callback) as Node's MakeCallback:
 * runs it, then the nextTick queue and microtasks.  Returns NULL on throw
 * (already reported as uncaught). */
rt_val rt_make_callback(rt_val fn, rt_val recv, int argc, rt_val *argv);
/* Runs nextTicks and microtasks (after a callback). */
void rt_tick(void);
int rt_env_run_loop(void);
/* Runs 'exit' listeners and exits the process with code. */
_Noreturn void rt_exit(int code);

/* ---- bindings.c: internalBinding(name) ---- */
rt_val rt_internal_binding(const char *name);
void rt_internal_binding_fn(rt_args *a);

/* ---- builtins.c ---- */
/* Compiles builtin `id` as a function(exports, require, module, process,
 * internalBinding); NULL with an exception pending if unknown. */
rt_val rt_builtin_compile(const char *id);
bool rt_builtin_exists(const char *id);

/* ---- errors.c ---- */
/* A Node-style system error: "ENOENT: no such file or directory, open 'x'"
 * with .errno, .code, .syscall and .path/.dest. */
rt_val rt_errno_error(int err, const char *syscall, const char *path, const char *dest);
rt_val rt_throw_errno(int err, const char *syscall, const char *path, const char *dest);
/* Throws a Node-style TypeError with .code (e.g. ERR_INVALID_ARG_TYPE). */
rt_val rt_throw_code(const char *code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void rt_on_uncaught(rt_val exception, rt_val message_info);
void rt_on_promise_reject(int event, rt_val promise, rt_val reason);

/* ---- binding_*.c: each binding's init, listed in bindings.c ---- */
#define RT_BINDINGS(XX) \
  XX(builtins)          \
  XX(util)              \
  XX(types)             \
  XX(errors)            \
  XX(task_queue)        \
  XX(timers)            \
  XX(process_methods)   \
  XX(credentials)       \
  XX(fs)                \
  XX(stdio)             \
  XX(encoding)          \
  XX(module_wrap)       \
  XX(contextify)        \
  XX(signal)            \
  XX(os)                \
  XX(heap)              \
  XX(serdes)            \
  XX(buffer)

#define XX(name) void rt_binding_init_##name(rt_val exports);
RT_BINDINGS(XX)
#undef XX

/* Helpers used by bindings */
#define RT_ARG_STR(a, i) rt_to_utf8(rt_arg((a), (i)), NULL)

#endif
