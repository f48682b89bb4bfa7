/* insp_agent.h — what devrun-js (runtime/src/inspector_hooks.c and
 * runtime/src/binding_inspector.c) calls in the inspector agent
 * (insp_agent.c, linked into devrun-js from inspector/CMakeLists.txt).
 *
 * The runtime includes this header by relative path and the declarations
 * are weak: a devrun-js built without the inspector part (DEVRUN_PARTS=
 * runtime) still links, and then `insp_agent_boot == NULL` tells the hooks
 * that the inspector is absent.  Everything here runs on the JS thread.
 */
#ifndef DEVRUN_INSP_AGENT_H
#define DEVRUN_INSP_AGENT_H

#include <stdbool.h>
#include <stddef.h>

#include "engine.h"

enum { INSP_WAIT_NONE = 0, INSP_WAIT_CONNECT = 1, INSP_WAIT_BREAK = 2 };

typedef struct insp_agent_config_s {
  bool start;          /* --inspect, --inspect-brk, --inspect-wait */
  int wait;            /* INSP_WAIT_* */
  char host[64];       /* "127.0.0.1" */
  int port;            /* 9229 */
  bool publish_stderr; /* --inspect-publish-uid (default stderr,http) */
  bool publish_http;
  bool cpu_prof;      /* --cpu-prof */
  char *cpu_prof_dir; /* --cpu-prof-dir (malloc'd) */
  bool heap_prof;     /* --heap-prof */
} insp_agent_config_t;

#pragma weak insp_agent_boot
#pragma weak insp_agent_main_hook
#pragma weak insp_agent_open
#pragma weak insp_agent_close
#pragma weak insp_agent_url
#pragma weak insp_agent_wait_for_debugger
#pragma weak insp_agent_session_connect
#pragma weak insp_agent_session_dispatch
#pragma weak insp_agent_session_disconnect
#pragma weak insp_agent_console_enabled
#pragma weak insp_agent_vm_console

/* After the engine and the process object exist, before the main entry:
 * applies the configuration (starts the server for --inspect*, arms
 * SIGUSR1, starts --cpu-prof/--heap-prof) and captures V8's console.
 * Returns 0, or a negative code after printing the error. */
int insp_agent_boot(const insp_agent_config_t *cfg, const char *script_path);

/* Right before the main module's code runs (from the loaders through
 * process._inspectorRunMain): wraps the console so that it also reaches
 * the inspector, waits for a debugger (--inspect-wait/-brk) and schedules
 * "Break on start" (--inspect-brk). */
void insp_agent_main_hook(void);

/* inspector.open / close / url / waitForDebugger. */
int insp_agent_open(const char *host, int port, bool wait, char *err, size_t errlen);
void insp_agent_close(void);
/* The ws:// URL while the server is up (borrowed), else NULL. */
const char *insp_agent_url(void);
/* Blocks until a client sends Runtime.runIfWaitingForDebugger; false when
 * the server is not running. */
bool insp_agent_wait_for_debugger(void);

/* In-process sessions (inspector.Session): messages are delivered to
 * on_message synchronously on the JS thread. */
typedef struct insp_local_s insp_local_t;
insp_local_t *insp_agent_session_connect(void (*on_message)(void *data, const char *msg,
                                                            size_t len),
                                         void *data);
void insp_agent_session_dispatch(insp_local_t *l, const char *msg, size_t len);
void insp_agent_session_disconnect(insp_local_t *l);

/* True once the V8 inspector exists (the console wrapper then calls V8's
 * console too). */
bool insp_agent_console_enabled(void);
/* V8's own console object (inspector.console), or NULL. */
rt_val insp_agent_vm_console(void);

#endif
