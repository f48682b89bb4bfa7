/* binding_inspector.c — internalBinding('inspector'): the native side of the
 * `inspector` core module (runtime/lib/inspector.js).
 *
 *   isAvailable()                 false when devrun-js was built without the
 *                                 inspector part (the agent's weak symbols)
 *   open(port, host, wait)        start the server (inspector.open); throws
 *                                 Node's "Starting inspector ... failed"
 *   close(), url(), isActive()    inspector.close / url
 *   waitForDebugger()             false when not active
 *   connect(onMessage)            an in-process session: returns an object
 *                                 with dispatch(json) and disconnect();
 *                                 onMessage(json) is called synchronously
 *   consoleFromVM()               V8's own console (inspector.console)
 *
 * The agent (inspector/insp_agent.c) does the work; this file only converts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../inspector/insp_agent.h"
#include "runtime.h"

typedef struct {
  insp_local_t *l;
  rt_ref *on_message;
} local_session;

static bool available(void) {
  return insp_agent_boot != NULL;
}

static void is_available(rt_args *a) {
  rt_return_bool(a, available());
}

static void open_fn(rt_args *a) {
  if (!available()) return;
  int port = rt_is_number(rt_arg(a, 0)) ? rt_to_int32(rt_arg(a, 0)) : -1;
  char *host = rt_is_string(rt_arg(a, 1)) ? RT_ARG_STR(a, 1) : NULL;
  bool wait = rt_to_bool(rt_arg(a, 2));
  char err[256];
  if (insp_agent_open(host, port, wait, err, sizeof err) < 0)
    rt_throw_error("Starting inspector on %s:%d failed: %s", host ? host : "127.0.0.1", port, err);
  free(host);
}

static void close_fn(rt_args *a) {
  if (available()) insp_agent_close();
}

static void url_fn(rt_args *a) {
  const char *u = available() ? insp_agent_url() : NULL;
  if (u) rt_return_string(a, u);
}

static void is_active(rt_args *a) {
  rt_return_bool(a, available() && insp_agent_url() != NULL);
}

static void wait_fn(rt_args *a) {
  rt_return_bool(a, available() && insp_agent_wait_for_debugger());
}

static void deliver(void *data, const char *msg, size_t len) {
  local_session *s = data;
  rt_scope *sc = rt_scope_open();
  rt_val m = rt_string_n(msg, len);
  rt_call(rt_ref_get(s->on_message), rt_undefined(), 1, &m);
  rt_scope_close(sc);
}

static local_session *session_of(rt_args *a) {
  return rt_object_get_ptr(rt_this(a));
}

static void dispatch_fn(rt_args *a) {
  local_session *s = session_of(a);
  if (!s || !s->l) {
    rt_throw_error("Session is not connected");
    return;
  }
  size_t len;
  char *msg = rt_to_utf8(rt_arg(a, 0), &len);
  if (!msg) return;
  insp_agent_session_dispatch(s->l, msg, len);
  free(msg);
}

static void disconnect_fn(rt_args *a) {
  local_session *s = session_of(a);
  if (!s || !s->l) return;
  insp_local_t *l = s->l;
  s->l = NULL;
  insp_agent_session_disconnect(l);
  rt_ref_free(s->on_message);
  rt_object_set_ptr(rt_this(a), NULL);
  free(s);
}

static void connect_fn(rt_args *a) {
  if (!available()) {
    rt_throw_error("Inspector is not available");
    return;
  }
  if (!rt_is_function(rt_arg(a, 0))) {
    rt_throw_type_error("onMessage must be a function");
    return;
  }
  local_session *s = calloc(1, sizeof *s);
  if (!s) abort();
  s->on_message = rt_ref_new(rt_arg(a, 0));
  rt_val o = rt_object_with_slots();
  rt_object_set_ptr(o, s);
  rt_set_method(o, "dispatch", dispatch_fn);
  rt_set_method(o, "disconnect", disconnect_fn);
  s->l = insp_agent_session_connect(deliver, s);
  rt_return(a, o);
}

static void console_from_vm(rt_args *a) {
  /* insp_agent keeps V8's console; before the bootstrap it was the global */
  rt_val c = available() ? insp_agent_vm_console() : NULL;
  if (c) rt_return(a, c);
}

void rt_binding_init_inspector(rt_val e) {
  rt_set_method(e, "isAvailable", is_available);
  rt_set_method(e, "open", open_fn);
  rt_set_method(e, "close", close_fn);
  rt_set_method(e, "url", url_fn);
  rt_set_method(e, "isActive", is_active);
  rt_set_method(e, "waitForDebugger", wait_fn);
  rt_set_method(e, "connect", connect_fn);
  rt_set_method(e, "consoleFromVM", console_from_vm);
}
