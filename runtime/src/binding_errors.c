/* errors.c — Node-shaped errors from C, and the uncaught-exception and
 * promise-rejection hooks that hand control to JavaScript
 * (internal/process/execution sets them through internalBinding('errors')).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

rt_val rt_errno_error(int err, const char *syscall, const char *path, const char *dest) {
  char msg[2048];
  int n = snprintf(msg, sizeof msg, "%s: %s, %s", uv_err_name(err), uv_strerror(err), syscall);
  if (path && n < (int)sizeof msg) n += snprintf(msg + n, sizeof msg - (size_t)n, " '%s'", path);
  if (dest && n < (int)sizeof msg) snprintf(msg + n, sizeof msg - (size_t)n, " -> '%s'", dest);
  rt_val e = rt_error(msg);
  rt_set(e, "errno", rt_int(err));
  rt_set(e, "code", rt_string(uv_err_name(err)));
  rt_set(e, "syscall", rt_string(syscall));
  if (path) rt_set(e, "path", rt_string(path));
  if (dest) rt_set(e, "dest", rt_string(dest));
  return e;
}

rt_val rt_throw_errno(int err, const char *syscall, const char *path, const char *dest) {
  return rt_throw(rt_errno_error(err, syscall, path, dest));
}

rt_val rt_throw_code(const char *code, const char *fmt, ...) {
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  rt_val e = rt_type_error(msg);
  rt_set(e, "code", rt_string(code));
  return rt_throw(e);
}

/* Used before the JavaScript handler exists (during bootstrap). */
static void print_raw(rt_val ex) {
  rt_val stack = rt_is_object(ex) ? rt_get(ex, "stack") : NULL;
  char *s = rt_to_utf8(stack && !rt_is_undefined(stack) ? stack : ex, NULL);
  fprintf(stderr, "devrun-js: uncaught exception during bootstrap:\n%s\n", s ? s : "?");
  free(s);
}

void rt_on_uncaught(rt_val ex, rt_val info) {
  static _Thread_local int depth;
  rt_env *env = rt_env_current;
  if (!env || !env->fatal_fn) {
    print_raw(ex);
    exit(1);
  }
  if (depth > 0) {
    /* An 'uncaughtException' listener threw: Node prints that error and
     * exits with 7.  The JS printer is reused without its listeners. */
    rt_val argv[3] = {ex, info, rt_bool(true)};
    rt_val printer = rt_get(rt_ref_get(env->process), "_printFatal");
    if (printer && rt_is_function(printer)) rt_call(printer, rt_undefined(), 3, argv);
    fflush(stdout);
    exit(7);
  }
  rt_val argv[2] = {ex, info};
  depth++;
  rt_val r = rt_call_toplevel(rt_ref_get(env->fatal_fn), rt_undefined(), 2, argv);
  depth--;
  if (rt_is_worker_thread()) {
    /* The JS handler reported it to the parent and ended this thread; only
     * a handler that itself failed is left to do here. */
    if (!r && !env->exiting) rt_worker_exit(7);
    return;
  }
  if (!r) {
    fflush(stdout);
    exit(7);
  }
  if (!rt_is_true(r)) rt_exit(rt_to_int32(r) ? rt_to_int32(r) : 1);
}

void rt_on_promise_reject(int event, rt_val promise, rt_val reason) {
  rt_env *env = rt_env_current;
  if (!env || !env->reject_fn) return;
  rt_val argv[3] = {rt_int(event), promise, reason};
  rt_call(rt_ref_get(env->reject_fn), rt_undefined(), 3, argv);
}

static void set_fatal_handler(rt_args *a) {
  rt_env_current->fatal_fn = rt_ref_new(rt_arg(a, 0));
}
static void set_reject_handler(rt_args *a) {
  rt_env_current->reject_fn = rt_ref_new(rt_arg(a, 0));
}
static void message_info(rt_args *a) { rt_return(a, rt_exception_message_info(rt_arg(a, 0))); }
static void err_name(rt_args *a) { rt_return_string(a, uv_err_name(rt_to_int32(rt_arg(a, 0)))); }
static void err_message(rt_args *a) {
  rt_return_string(a, uv_strerror(rt_to_int32(rt_arg(a, 0))));
}
/* errnoException(err, syscall, path?, dest?) */
static void errno_exception(rt_args *a) {
  char *sys = RT_ARG_STR(a, 1);
  char *path = rt_argc(a) > 2 && !rt_is_nullish(rt_arg(a, 2)) ? RT_ARG_STR(a, 2) : NULL;
  char *dest = rt_argc(a) > 3 && !rt_is_nullish(rt_arg(a, 3)) ? RT_ARG_STR(a, 3) : NULL;
  rt_return(a, rt_errno_error(rt_to_int32(rt_arg(a, 0)), sys, path, dest));
  free(sys);
  free(path);
  free(dest);
}

void rt_binding_init_errors(rt_val exports) {
  rt_set_method(exports, "setFatalHandler", set_fatal_handler);
  rt_set_method(exports, "setRejectHandler", set_reject_handler);
  rt_set_method(exports, "messageInfo", message_info);
  rt_set_method(exports, "errName", err_name);
  rt_set_method(exports, "errMessage", err_message);
  rt_set_method(exports, "errnoException", errno_exception);
}
