/* inspector_hooks.c — options that belong to the inspector and the heap
 * tooling (--inspect*, --gc-trace, --heapsnapshot-*, --cpu-prof, --heap-prof).
 *
 * Until those parts are wired in, the options are accepted and remembered so
 * that process.execArgv shows them; each part replaces its stub here.
 */
#include <stdio.h>

#include "runtime.h"

int rt_inspector_option(int opt, const char *arg) {
  (void)opt;
  (void)arg;
  return 0;
}
