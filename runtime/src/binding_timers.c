/* binding_timers.c — internalBinding('timers'): one libuv timer for all JS
 * timers and a check/idle pair for immediates, as Node does.
 *
 * internal/timers keeps the timer heap in JavaScript; C only arms the single
 * uv timer for the earliest expiry.  processTimers(now) returns the next
 * expiry: > 0 ref'd, < 0 unref'd, 0 none.  Immediates run in the check phase;
 * while any ref'd immediate is queued an idle handle keeps poll from blocking.
 */
#include "runtime.h"

static _Thread_local uv_timer_t timer;
static _Thread_local uv_check_t check;
static _Thread_local uv_idle_t idle;
static _Thread_local rt_ref *process_timers, *process_immediate;
static _Thread_local rt_ref *immediate_info_ref;
static _Thread_local uint32_t *immediate_info; /* [0] count, [1] refCount, [2] hasOutstanding */

static void on_timer(uv_timer_t *h) {
  rt_scope *s = rt_scope_open();
  rt_val now = rt_number((double)uv_now(h->loop));
  /* The uv timer is re-armed from processTimers' answer before the
   * nextTicks and microtasks run: a timer they create calls scheduleTimer
   * itself, and re-arming after them would overwrite it (a setTimeout in a
   * promise callback after a timer never fired while a later unref'd timer
   * existed). */
  rt_val r = rt_call_toplevel(rt_ref_get(process_timers), rt_undefined(), 1, &now);
  if (r) {
    double next = rt_to_number(r);
    if (next != 0 && next == next) {
      double abs = next > 0 ? next : -next;
      double delay = abs - (double)uv_now(h->loop);
      if (delay < 1) delay = 1;
      uv_timer_start(&timer, on_timer, (uint64_t)delay, 0);
      if (next > 0)
        uv_ref((uv_handle_t *)&timer);
      else
        uv_unref((uv_handle_t *)&timer);
    }
  }
  rt_tick();
  rt_scope_close(s);
}

static void on_check(uv_check_t *h) {
  if (immediate_info[0] == 0) return;
  rt_scope *s = rt_scope_open();
  rt_make_callback(rt_ref_get(process_immediate), rt_undefined(), 0, NULL);
  rt_scope_close(s);
  if (immediate_info[1] == 0) uv_idle_stop(&idle);
}

static void on_idle(uv_idle_t *h) {}

static void setup(rt_args *a) {
  process_immediate = rt_ref_new(rt_arg(a, 0));
  process_timers = rt_ref_new(rt_arg(a, 1));
}

static void schedule_timer(rt_args *a) {
  double ms = rt_to_number(rt_arg(a, 0));
  if (ms < 1) ms = 1;
  uv_timer_start(&timer, on_timer, (uint64_t)ms, 0);
}

static void toggle_timer_ref(rt_args *a) {
  if (rt_to_bool(rt_arg(a, 0)))
    uv_ref((uv_handle_t *)&timer);
  else
    uv_unref((uv_handle_t *)&timer);
}

static void toggle_immediate_ref(rt_args *a) {
  if (rt_to_bool(rt_arg(a, 0)))
    uv_idle_start(&idle, on_idle);
  else
    uv_idle_stop(&idle);
}

/* As Node: refresh the loop clock, so that timers set long after the loop
 * last woke (e.g. during start-up) are measured from now. */
static void get_libuv_now(rt_args *a) {
  uv_update_time(rt_env_current->loop);
  rt_return_number(a, (double)uv_now(rt_env_current->loop));
}

void rt_binding_init_timers(rt_val e) {
  uv_loop_t *loop = rt_env_current->loop;
  uv_timer_init(loop, &timer);
  uv_unref((uv_handle_t *)&timer);
  uv_check_init(loop, &check);
  uv_check_start(&check, on_check);
  uv_unref((uv_handle_t *)&check);
  uv_idle_init(loop, &idle);
  rt_val ab = rt_array_buffer(3 * sizeof(uint32_t), true);
  immediate_info = rt_array_buffer_data(ab, NULL);
  immediate_info_ref = rt_ref_new(ab);
  rt_set(e, "immediateInfo", ab);
  rt_set_method(e, "setupTimers", setup);
  rt_set_method(e, "scheduleTimer", schedule_timer);
  rt_set_method(e, "toggleTimerRef", toggle_timer_ref);
  rt_set_method(e, "toggleImmediateRef", toggle_immediate_ref);
  rt_set_method(e, "getLibuvNow", get_libuv_now);
}
