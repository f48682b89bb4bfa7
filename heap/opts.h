/* opts.h — option ids and helpers shared by the commands' getopt_long
 * tables (open.c implements them). */
#ifndef DEVRUN_HEAP_OPTS_H
#define DEVRUN_HEAP_OPTS_H

#include <getopt.h>
#include <stdint.h>

#include "heap.h"

enum {
  OPT_JSON = 1000,
  OPT_COLOR,
  OPT_RULES,
  OPT_NO_PROGRESS,
  OPT_HELP,
  OPT_TOP,
  OPT_CLASS,
  OPT_ID,
  OPT_MAX,
  OPT_MIN,
  OPT_OUT,
  OPT_GC,
  OPT_MIN_SIZE,
  OPT_PATHS,
  OPT_WINDOW
};

#define HEAP_COMMON_OPTIONS                                                       \
  {"json", no_argument, 0, OPT_JSON}, {"color", required_argument, 0, OPT_COLOR}, \
      {"rules", required_argument, 0, OPT_RULES},                                 \
      {"no-progress", no_argument, 0, OPT_NO_PROGRESS}, {                         \
    "help", no_argument, 0, 'h'                                                   \
  }

#define HEAP_COMMON_HELP                                                           \
  "  --json              machine-readable output (stable snake_case fields)\n"     \
  "  --color=WHEN        auto (default), always or never\n"                        \
  "  --rules=SET         devtools (default) or memlab: dominator rules to apply\n" \
  "  --no-progress       no progress bar on stderr\n"                              \
  "  -h, --help          this help\n"

struct heap_common {
  int json;
  int color_set;
  enum heap_rules rules;
};

void heap_common_init(struct heap_common *c);
/* 1 if handled, 0 if not a common option, -1 on a bad value (reported). */
int heap_common_opt(struct heap_common *c, int opt, const char *arg);
int heap_parse_uint(const char *opt, const char *arg, uint64_t *out);

#endif
