/* engine_tracing.h — trace events (Node's --trace-event-categories and the
 * trace_events module) on V8's libplatform tracing: one process-wide
 * v8::platform::tracing::TracingController, handed to the platform by
 * rt_engine_process_init, recording into a ring buffer that is written as
 * Node's JSON ({"traceEvents":[...]}) when tracing stops.  Implemented in
 * engine_tracing.cc; used by runtime/src/main.c (options) and
 * runtime/src/binding_trace_events.c.
 *
 * Categories are reference counted: every enable adds one reference to each
 * category of its list, every disable removes one; the controller records the
 * categories with a reference.  All functions may be called from any thread.
 */
#ifndef DEVRUN_RT_ENGINE_TRACING_H
#define DEVRUN_RT_ENGINE_TRACING_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The file pattern (${pid}, ${rotation}); NULL restores the default
 * "node_trace.${rotation}.log".  Call before the first enable. */
void rt_tracing_set_file_pattern(const char *pattern);
/* Adds a reference to each category of the comma-separated list and starts
 * recording if it was not (the file is opened then).  -errno if the file
 * cannot be opened. */
int rt_tracing_enable(const char *categories);
/* Removes a reference from each category of the list. */
void rt_tracing_disable(const char *categories);
/* The enabled categories, sorted, unique, comma-separated ("" if none);
 * malloc'd. */
char *rt_tracing_enabled_categories(void);
/* Whether the controller records events of category (a category group). */
bool rt_tracing_category_enabled(const char *category);
/* Records one event.  phase is a TRACE_EVENT_PHASE_* letter ('B', 'E', 'b',
 * 'e', 'n', 'R', 'X', 'I' ...); id is written when has_id; ts_us < 0 means
 * now, else a timestamp on the controller's clock (rt_tracing_now_us);
 * args_json, if not NULL, is written as the event's "data" argument. */
void rt_tracing_add_event(char phase, const char *category, const char *name, bool has_id,
                          uint64_t id, int64_t ts_us, const char *args_json);
/* The controller's clock (monotonic, microseconds; uv_hrtime's clock). */
int64_t rt_tracing_now_us(void);
/* Stops recording and writes the file (at exit).  Idempotent. */
void rt_tracing_stop(void);

#ifdef __cplusplus
}
/* For engine.cc: the controller to hand to NewDefaultPlatform (ownership
 * passes to the platform; created once). */
namespace v8 { class TracingController; }
v8::TracingController *rt__tracing_controller();
#endif
#endif
