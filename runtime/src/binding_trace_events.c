/* binding_trace_events.c — internalBinding('trace_events'): the process's
 * trace-event recorder (runtime/engine/engine_tracing.h) for
 * runtime/lib/trace_events.js, performance marks and async_hooks.
 *
 *   enable(list)            adds a reference to each category of the
 *                           comma-separated list, starting the recorder
 *   disable(list)           removes them
 *   getEnabledCategories()  -> "a,b" (sorted, unique) or undefined
 *   isEnabled(category)     -> whether events of category are recorded
 *   trace(phase, category, name, id, dataJson, tsUs)
 *                           records one event; id, dataJson and tsUs may be
 *                           undefined (no id, no args, now)
 *   now()                   -> the recorder's clock in microseconds
 *   stop()                  stops recording and writes the file
 */
#include <stdlib.h>

#include "engine_tracing.h"
#include "runtime.h"

static void enable_(rt_args *a) {
  char *list = rt_to_utf8(rt_arg(a, 0), NULL);
  if (!list) return;
  int err = rt_tracing_enable(list);
  free(list);
  if (err < 0) rt_throw_errno(err, "open", NULL, NULL);
}

static void disable_(rt_args *a) {
  char *list = rt_to_utf8(rt_arg(a, 0), NULL);
  if (!list) return;
  rt_tracing_disable(list);
  free(list);
}

static void get_enabled(rt_args *a) {
  char *s = rt_tracing_enabled_categories();
  if (s && *s) rt_return_string(a, s);
  free(s);
}

static void is_enabled(rt_args *a) {
  char *c = rt_to_utf8(rt_arg(a, 0), NULL);
  if (!c) return;
  rt_return_bool(a, rt_tracing_category_enabled(c));
  free(c);
}

static void trace_(rt_args *a) {
  char *phase = rt_to_utf8(rt_arg(a, 0), NULL);
  char *cat = phase ? rt_to_utf8(rt_arg(a, 1), NULL) : NULL;
  char *name = cat ? rt_to_utf8(rt_arg(a, 2), NULL) : NULL;
  char *data = NULL;
  if (name && !rt_is_nullish(rt_arg(a, 4))) data = rt_to_utf8(rt_arg(a, 4), NULL);
  if (name && (data || rt_is_nullish(rt_arg(a, 4)))) {
    rt_val id = rt_arg(a, 3), ts = rt_arg(a, 5);
    bool has_id = !rt_is_nullish(id);
    rt_tracing_add_event(phase[0] ? phase[0] : 'I', cat, name, has_id,
                         has_id ? (uint64_t)rt_to_int64(id) : 0,
                         rt_is_nullish(ts) ? -1 : (int64_t)rt_to_number(ts), data);
  }
  free(phase);
  free(cat);
  free(name);
  free(data);
}

static void now_(rt_args *a) { rt_return_number(a, (double)rt_tracing_now_us()); }

static void stop_(rt_args *a) {
  (void)a;
  rt_tracing_stop();
}

void rt_binding_init_trace_events(rt_val e) {
  rt_set_method(e, "enable", enable_);
  rt_set_method(e, "disable", disable_);
  rt_set_method(e, "getEnabledCategories", get_enabled);
  rt_set_method(e, "isEnabled", is_enabled);
  rt_set_method(e, "trace", trace_);
  rt_set_method(e, "now", now_);
  rt_set_method(e, "stop", stop_);
}
