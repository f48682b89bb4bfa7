/* binding_task_queue.c — internalBinding('task_queue'): what
 * internal/process/task_queues needs from C: the shared tick_info flags,
 * registering the tick callback, running and enqueueing microtasks. */
#include "runtime.h"

static void set_tick_callback(rt_args *a) {
  rt_env_current->tick_fn = rt_ref_new(rt_arg(a, 0));
}
static void run_microtasks(rt_args *a) { rt_run_microtasks(); }
static void enqueue_microtask(rt_args *a) {
  if (!rt_is_function(rt_arg(a, 0))) {
    rt_throw_type_error("callback must be a function");
    return;
  }
  rt_enqueue_microtask(rt_arg(a, 0));
}
static void set_emit(rt_args *a) { rt_env_current->emit_fn = rt_ref_new(rt_arg(a, 0)); }

void rt_binding_init_task_queue(rt_val e) {
  rt_env *env = rt_env_current;
  rt_val ab = rt_array_buffer(2 * sizeof(int32_t), true);
  env->tick_info = rt_array_buffer_data(ab, NULL);
  env->tick_info_ref = rt_ref_new(ab);
  rt_set(e, "tickInfo", ab);
  rt_set_method(e, "setTickCallback", set_tick_callback);
  rt_set_method(e, "runMicrotasks", run_microtasks);
  rt_set_method(e, "enqueueMicrotask", enqueue_microtask);
  rt_set_method(e, "setEmitProcess", set_emit);
}
