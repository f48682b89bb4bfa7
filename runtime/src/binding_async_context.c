/* binding_async_context.c — internalBinding('async_context'): what
 * runtime/lib/internal/async_context.js and async_hooks.js need from V8.
 *
 *   getContinuationData()        -> the current async context frame
 *   setContinuationData(frame)      (V8 keeps it across promise reactions)
 *   setPromiseHooks(init, before, after, resolve)   functions or undefined
 */
#include "engine_promise_hooks.h"
#include "runtime.h"

static void get_data(rt_args *a) {
  rt_return(a, rt_continuation_data_get());
}

static void set_data(rt_args *a) {
  rt_continuation_data_set(rt_arg(a, 0));
}

static void set_promise_hooks(rt_args *a) {
  rt_promise_hooks_set(rt_arg(a, 0), rt_arg(a, 1), rt_arg(a, 2), rt_arg(a, 3));
}

void rt_binding_init_async_context(rt_val e) {
  rt_set_method(e, "getContinuationData", get_data);
  rt_set_method(e, "setContinuationData", set_data);
  rt_set_method(e, "setPromiseHooks", set_promise_hooks);
}
