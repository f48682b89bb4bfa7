/* status.c — devrun's own messages: one line each, with a timestamp.
 *
 *   [devrun 14:03:12] restarting: src/db.js changed
 *
 * Written to stderr so the app's stdout stays the app's.  Coloured by level
 * only when stderr is a terminal and NO_COLOR is not set (or --color forced
 * by the caller through watch_status_setup).  --quiet keeps only warnings
 * and errors; --verbose adds WATCH_LVL_DEBUG lines.
 */
#include <stdarg.h>
#include <stdio.h>
#include <time.h>

#include "devrun/util.h"
#include "watch.h"

static int use_color, quiet, verbose;

void watch_status_setup(int color, int q, int v) {
  use_color = color;
  quiet = q;
  verbose = v;
}

int watch_status_verbose(void) {
  return verbose;
}

void watch_status(enum watch_level lvl, const char *fmt, ...) {
  if (lvl == WATCH_LVL_DEBUG && !verbose) return;
  if (quiet && lvl != WATCH_LVL_WARN && lvl != WATCH_LVL_ERROR) return;
  static const char *colors[] = {
      [WATCH_LVL_INFO] = "\033[2m",     [WATCH_LVL_START] = "\033[32m",
      [WATCH_LVL_RESTART] = "\033[33m", [WATCH_LVL_WARN] = "\033[33m",
      [WATCH_LVL_ERROR] = "\033[31m",   [WATCH_LVL_DEBUG] = "\033[2m",
  };
  char ts[16];
  time_t now = time(NULL);
  struct tm tm;
  localtime_r(&now, &tm);
  strftime(ts, sizeof(ts), "%H:%M:%S", &tm);
  va_list ap;
  va_start(ap, fmt);
  char msg[4096];
  vsnprintf(msg, sizeof(msg), fmt, ap);
  va_end(ap);
  const char *warn = lvl == WATCH_LVL_WARN ? "warning: " : lvl == WATCH_LVL_ERROR ? "error: " : "";
  if (use_color)
    fprintf(stderr, "%s[%s %s] %s%s\033[0m\n", colors[lvl], dr_progname(), ts, warn, msg);
  else
    fprintf(stderr, "[%s %s] %s%s\n", dr_progname(), ts, warn, msg);
  fflush(stderr);
}
