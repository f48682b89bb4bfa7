/* inspector_hooks.c — where main.c hands over the inspector's options
 * (--inspect*, --cpu-prof*, --heap-prof) and where the inspector agent is
 * started before the main entry runs.
 *
 *   rt_inspector_option(opt, arg)   one call per option, from getopt
 *   rt_inspector_boot(script)       after the process object exists, before
 *                                   internal/main/run (starts the server,
 *                                   prints "Debugger listening on ...")
 *
 * The agent itself is inspector/insp_agent.c, linked in by
 * inspector/CMakeLists.txt; without it (DEVRUN_PARTS=runtime) its weak
 * symbols are NULL and --inspect* fail with a clear message.  The heap
 * tooling's options (--gc-trace, --heapsnapshot-*) go on to
 * rt_heap_option() when the heap part provides it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../inspector/insp_agent.h"
#include "devrun/util.h"
#include "runtime.h"

/* The option values of main.c's enum (OPT_V8_OPTIONS = 256, ...). */
enum {
  H_INSPECT = 258,
  H_INSPECT_BRK,
  H_INSPECT_WAIT,
  H_INSPECT_PORT,
  H_INSPECT_PUBLISH,
  H_GC_TRACE,
  H_SNAP_SIGNAL,
  H_SNAP_NEAR,
  H_CPU_PROF,
  H_CPU_PROF_DIR,
  H_HEAP_PROF
};

#pragma weak rt_heap_option
int rt_heap_option(int opt, const char *arg);

static insp_agent_config_t cfg = {
    .host = "127.0.0.1", .port = 9229, .publish_stderr = true, .publish_http = true};

/* Parses [host:]port the way Node does; prints the error. */
static int address(const char *opt, const char *arg);

#pragma weak insp_parse_hostport
int insp_parse_hostport(const char *s, char *host, size_t cap, int *port);

static int address(const char *opt, const char *arg) {
  if (!arg) return 0;
  if (!insp_parse_hostport) return 0;
  if (insp_parse_hostport(arg, cfg.host, sizeof cfg.host, &cfg.port) < 0) {
    fprintf(stderr,
            "devrun-js: %s: invalid address '%s' (expected [host:]port, port 0 or 1024-65535)\n",
            opt, arg);
    return -1;
  }
  return 0;
}

static int publish(const char *arg) {
  cfg.publish_stderr = cfg.publish_http = false;
  char *copy = dr_strdup(arg), *save = NULL;
  for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
    if (!strcmp(t, "stderr"))
      cfg.publish_stderr = true;
    else if (!strcmp(t, "http"))
      cfg.publish_http = true;
    else {
      fprintf(stderr, "devrun-js: --inspect-publish-uid: unknown destination '%s' (stderr, http)\n",
              t);
      free(copy);
      return -1;
    }
  }
  free(copy);
  return 0;
}

int rt_inspector_option(int opt, const char *arg) {
  switch (opt) {
    case H_INSPECT:
      cfg.start = true;
      return address("--inspect", arg);
    case H_INSPECT_BRK:
      cfg.start = true;
      cfg.wait = INSP_WAIT_BREAK;
      return address("--inspect-brk", arg);
    case H_INSPECT_WAIT:
      cfg.start = true;
      if (cfg.wait < INSP_WAIT_CONNECT) cfg.wait = INSP_WAIT_CONNECT;
      return address("--inspect-wait", arg);
    case H_INSPECT_PORT:
      return address("--inspect-port", arg);
    case H_INSPECT_PUBLISH:
      return publish(arg);
    case H_CPU_PROF:
      cfg.cpu_prof = true;
      return 0;
    case H_CPU_PROF_DIR:
      free(cfg.cpu_prof_dir);
      cfg.cpu_prof_dir = dr_strdup(arg);
      return 0;
    case H_HEAP_PROF:
      cfg.heap_prof = true;
      return 0;
    case H_GC_TRACE:
    case H_SNAP_SIGNAL:
    case H_SNAP_NEAR:
      return rt_heap_option ? rt_heap_option(opt, arg) : 0;
    default:
      return 0;
  }
}

int rt_inspector_boot(const char *script) {
  if (cfg.cpu_prof_dir && !cfg.cpu_prof) {
    fprintf(stderr, "devrun-js: --cpu-prof-dir must be used with --cpu-prof\n");
    exit(9); /* bad usage, as Node */
  }
  if (!insp_agent_boot) {
    if (cfg.start || cfg.cpu_prof || cfg.heap_prof) {
      fprintf(stderr,
              "devrun-js: this build has no inspector (configure with the inspector part)\n");
      return -1;
    }
    return 0;
  }
  return insp_agent_boot(&cfg, script) < 0 ? -1 : 0; /* main exits 12, as Node */
}
