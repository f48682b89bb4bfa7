/* engine_inspector.h — the C API over V8's inspector (v8_inspector::V8Inspector)
 * for devrun-js's inspector agent (inspector/insp_agent.c) and the
 * `inspector` binding (runtime/src/binding_inspector.c).
 *
 * One V8Inspector per process, created on the JS thread by rt_insp_create()
 * with a client whose pause loop, quit and run-if-waiting hooks are the C
 * callbacks below; the main context is registered first, as the default
 * context of group 1 with auxData {"isDefault":true}, so it gets id 1.
 * Sessions (rt_insp_session) are V8InspectorSession + a Channel that hands
 * every outgoing message, as UTF-8, to a C send callback.  Everything here
 * runs on the JS thread only.
 */
#ifndef DEVRUN_RT_ENGINE_INSPECTOR_H
#define DEVRUN_RT_ENGINE_INSPECTOR_H

#include <stdbool.h>
#include <stddef.h>

#include "engine.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rt_insp_session_s rt_insp_session;

typedef struct rt_insp_client_s {
  /* V8 paused: dispatch incoming messages until quit_pause_loop is called. */
  void (*run_pause_loop)(void);
  void (*quit_pause_loop)(void);
  /* A session sent Runtime.runIfWaitingForDebugger. */
  void (*run_if_waiting)(void);
  /* Repeating timers V8 asks for (sampling heap profiler, ...): the
   * client calls fn(data) every `seconds` until cancel_timer(data). */
  void (*start_timer)(double seconds, void (*fn)(void *), void *data);
  void (*cancel_timer)(void *data);
} rt_insp_client;

/* Creates the inspector and registers the main context (name: "<name>",
 * origin ""), once; later calls return 0 without doing anything. */
int rt_insp_create(const rt_insp_client *client, const char *context_name);
bool rt_insp_created(void);

/* Receives each message of a session (UTF-8, not NUL-terminated). */
typedef void (*rt_insp_send_fn)(void *data, const char *msg, size_t len);

rt_insp_session *rt_insp_connect(rt_insp_send_fn send, void *data);
/* Dispatches one CDP message (UTF-8 JSON) to the session. */
void rt_insp_dispatch(rt_insp_session *s, const char *msg, size_t len);
/* True when V8 serves `method` ("Debugger.enable"). */
bool rt_insp_can_dispatch(const char *method);
void rt_insp_disconnect(rt_insp_session *s);

/* Pauses on the next JS statement with `reason` ("Break on start") in every
 * connected session that has the Debugger domain enabled. */
void rt_insp_pause_on_next_statement(const char *reason);
/* Tells the sessions that the main context is gone (at exit). */
void rt_insp_context_destroyed(void);

#ifdef __cplusplus
}
#endif
#endif
