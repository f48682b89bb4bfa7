/* cmd_leaks.c — `devrun-heap leaks BASELINE TARGET FINAL` (leaks.c does the
 * work) printed as ranked groups with the path that keeps each alive.
 */
#include <stdlib.h>
#include <string.h>

#include "devrun/util.h"
#include "heap.h"
#include "opts.h"

#define BOLD heap_c("\033[1m")
#define RED heap_c("\033[31m")
#define DIM heap_c("\033[2m")
#define RESET heap_c("\033[0m")

void heap_leaks_print(json_t *r) {
  char sz[32];
  heap_fmt_size((uint64_t)json_integer_value(json_object_get(r, "leaked_retained_size")), sz,
                sizeof sz);
  json_t *groups = json_object_get(r, "groups");
  printf(
      "%s%lld objects allocated between BASELINE and TARGET are still alive in FINAL, "
      "retaining %s in %lld groups%s\n",
      BOLD, (long long)json_integer_value(json_object_get(r, "leaked_objects")), sz,
      (long long)json_integer_value(json_object_get(r, "group_count")), RESET);
  size_t i;
  json_t *g;
  json_array_foreach(groups, i, g) {
    char rs[32];
    heap_fmt_size((uint64_t)json_integer_value(json_object_get(g, "retained_size")), rs, sizeof rs);
    printf("\n%s#%zu%s  %s%s%s retained by %lld leaked root%s (%lld objects): ", BOLD, i + 1, RESET,
           RED, rs, RESET, (long long)json_integer_value(json_object_get(g, "count")),
           json_integer_value(json_object_get(g, "count")) == 1 ? "" : "s",
           (long long)json_integer_value(json_object_get(g, "objects")));
    size_t k;
    json_t *c;
    json_array_foreach(json_object_get(g, "classes"), k, c) {
      printf("%s%s ×%lld", k ? ", " : "", json_string_value(json_object_get(c, "name")),
             (long long)json_integer_value(json_object_get(c, "count")));
    }
    printf("\n    %sretained via:%s %s\n", DIM, RESET,
           json_string_value(json_object_get(g, "path_text")));
  }
  if (json_array_size(groups) == 0) printf("\nno leaked objects found\n");
}

int cmd_leaks(int argc, char **argv) {
  static const struct option lo[] = {HEAP_COMMON_OPTIONS,
                                     {"top", required_argument, 0, OPT_TOP},
                                     {"min-size", required_argument, 0, OPT_MIN_SIZE},
                                     {0, 0, 0, 0}};
  static const char usage[] =
      "usage: devrun-heap leaks [options] BASELINE TARGET FINAL\n\n"
      "memlab's three-snapshot method: take BASELINE, do the suspect action, take\n"
      "TARGET, undo it, take FINAL.  Objects allocated between BASELINE and TARGET\n"
      "that are still alive in FINAL are leaks; they are grouped by the pattern of\n"
      "the path that retains them and ranked by retained size.\n\n"
      "  -n, --top N         how many groups (default 10)\n"
      "  --min-size BYTES    hide groups retaining less (default 0)\n" HEAP_COMMON_HELP
      "\nexamples:\n"
      "  devrun-heap leaks s1.heapsnapshot s2.heapsnapshot s3.heapsnapshot\n"
      "  devrun-heap leaks --top 3 --json s1.heapsnapshot s2.heapsnapshot s3.heapsnapshot\n";
  struct heap_common c;
  uint64_t top = 10, min_size = 0;
  int opt;
  heap_common_init(&c);
  optind = 1;
  opterr = 0;
  while ((opt = getopt_long(argc, argv, "hn:", lo, NULL)) != -1) {
    if (opt == 'h') {
      fputs(usage, stdout);
      return 0;
    }
    int r = heap_common_opt(&c, opt, optarg);
    if (r < 0) return 2;
    if (r) continue;
    if (opt == 'n' || opt == OPT_TOP) {
      if (heap_parse_uint("--top", optarg, &top) < 0) return 2;
    } else if (opt == OPT_MIN_SIZE) {
      if (heap_parse_uint("--min-size", optarg, &min_size) < 0) return 2;
    } else {
      dr_error("leaks: unknown option or missing value '%s' (see --help)", argv[optind - 1]);
      return 2;
    }
  }
  if (argc - optind != 3) {
    dr_error("leaks: expected 3 files: BASELINE TARGET FINAL (see devrun-heap leaks --help)");
    return 2;
  }
  /* one snapshot in memory at a time: the first two only give their ids */
  heap_idset_t *ids[2] = {0};
  heap_snap_t *fin = NULL;
  for (int i = 0; i < 2; i++)
    if (!(ids[i] = heap_open_ids(argv[optind + i]))) {
      heap_idset_free(ids[0]);
      return 1;
    }
  if (!(fin = heap_open(argv[optind + 2], c.rules))) {
    heap_idset_free(ids[0]);
    heap_idset_free(ids[1]);
    return 1;
  }
  json_t *r = heap_leaks_find(ids[0], ids[1], fin, top > 100000 ? 100000 : (int)top, min_size);
  if (c.json)
    heap_json_print(r);
  else {
    heap_leaks_print(r);
    json_decref(r);
  }
  heap_idset_free(ids[0]);
  heap_idset_free(ids[1]);
  heap_snap_free(fin);
  return 0;
}
