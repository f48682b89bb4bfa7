/* open.c — the common front half of every snapshot command: load, build the
 * graph, report errors in the house format.  Also the option handling shared
 * by all commands (--json, --color, --rules, --no-progress).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "devrun/err.h"
#include "devrun/util.h"
#include "heap.h"
#include "opts.h"

extern int heap_progress_disabled;

heap_snap_t *heap_open(const char *path, enum heap_rules rules) {
  dr_buf_t err = DR_BUF_INIT;
  heap_snap_t *s = NULL;
  heap_phase("start");
  int rc = heap_snap_load(path, &s, &err);
  if (rc < 0) {
    dr_error("%s", err.buf);
    dr_buf_release(&err);
    return NULL;
  }
  rc = heap_graph_build(s, rules, &err);
  if (rc < 0) {
    dr_error("'%s': %s", path, err.buf);
    dr_buf_release(&err);
    heap_snap_free(s);
    return NULL;
  }
  dr_buf_release(&err);
  return s;
}

heap_idset_t *heap_open_ids(const char *path) {
  dr_buf_t err = DR_BUF_INIT;
  heap_snap_t *s = NULL;
  heap_phase("start");
  int rc = heap_snap_load(path, &s, &err);
  if (rc < 0) {
    dr_error("%s", err.buf);
    dr_buf_release(&err);
    return NULL;
  }
  dr_buf_release(&err);
  heap_idset_t *ids = heap_idset_new(s);
  heap_snap_free(s);
  heap_phase("ids");
  return ids;
}

int heap_common_opt(struct heap_common *c, int opt, const char *arg) {
  switch (opt) {
    case OPT_JSON:
      c->json = 1;
      return 1;
    case OPT_NO_PROGRESS:
      heap_progress_disabled = 1;
      return 1;
    case OPT_COLOR:
      if (!strcmp(arg, "always"))
        heap_color = 1;
      else if (!strcmp(arg, "never"))
        heap_color = 0;
      else if (!strcmp(arg, "auto"))
        heap_color = isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
      else {
        dr_error("--color must be auto, always or never");
        return -1;
      }
      c->color_set = 1;
      return 1;
    case OPT_RULES:
      if (!strcmp(arg, "devtools"))
        c->rules = HEAP_RULES_DEVTOOLS;
      else if (!strcmp(arg, "memlab"))
        c->rules = HEAP_RULES_MEMLAB;
      else {
        dr_error("--rules must be devtools or memlab");
        return -1;
      }
      return 1;
  }
  return 0;
}

void heap_common_init(struct heap_common *c) {
  memset(c, 0, sizeof *c);
  heap_color = isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
}

int heap_parse_uint(const char *opt, const char *arg, uint64_t *out) {
  char *end;
  if (!arg || !*arg || *arg == '-') goto bad;
  unsigned long long v = strtoull(arg, &end, 10);
  if (*end) goto bad;
  *out = v;
  return 0;
bad:
  dr_error("%s needs a non-negative integer, not '%s'", opt, arg ? arg : "");
  return -1;
}
