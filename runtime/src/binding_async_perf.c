/* binding_async_perf.c — internalBinding('async_perf'): event-loop metrics
 * for perf_hooks' eventLoopUtilization and monitorEventLoopDelay
 * (runtime/lib/internal/perf_extras.js).
 *
 *   startIdleTime()  turns on libuv's idle-time accounting
 *                    (UV_METRICS_IDLE_TIME); time spent waiting for events
 *                    before this call is not counted
 *   idleTime()       -> milliseconds the loop has spent idle since then
 *   hrtime()         -> nanoseconds (uv_hrtime) as a Number
 */
#include "runtime.h"

static void start_idle_time(rt_args *a) {
  (void)a;
  uv_loop_configure(rt_env_current->loop, UV_METRICS_IDLE_TIME);
}

static void idle_time(rt_args *a) {
  rt_return_number(a, (double)uv_metrics_idle_time(rt_env_current->loop) / 1e6);
}

static void hrtime_(rt_args *a) {
  rt_return_number(a, (double)uv_hrtime());
}

void rt_binding_init_async_perf(rt_val e) {
  rt_set_method(e, "startIdleTime", start_idle_time);
  rt_set_method(e, "idleTime", idle_time);
  rt_set_method(e, "hrtime", hrtime_);
}
