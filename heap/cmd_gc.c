/* cmd_gc.c — `devrun-heap gc TRACE`: pause statistics per GC type, time in
 * GC, minimum mutator utilization and the leak verdict (gctrace.c).
 */
#include <stdlib.h>
#include <string.h>

#include "devrun/err.h"
#include "devrun/util.h"
#include "heap.h"
#include "opts.h"

#define BOLD heap_c("\033[1m")
#define RED heap_c("\033[31m")
#define GREEN heap_c("\033[32m")
#define RESET heap_c("\033[0m")

void heap_gc_print(json_t *r) {
  printf("%s%lld GC events%s (%s), %.1f s traced, %.1f ms in GC (%.2f%%)\n\n", BOLD,
         (long long)json_integer_value(json_object_get(r, "events")), RESET,
         json_string_value(json_object_get(r, "format")),
         json_real_value(json_object_get(r, "duration_ms")) / 1000.0,
         json_real_value(json_object_get(r, "gc_time_ms")),
         json_real_value(json_object_get(r, "gc_percent")));
  printf("%s%-22s %7s %10s %9s %9s %9s %9s%s\n", BOLD, "Type", "Count", "Total ms", "p50 ms",
         "p95 ms", "p99 ms", "max ms", RESET);
  size_t i;
  json_t *x;
  json_array_foreach(json_object_get(r, "types"), i, x) {
    printf("%-22s %7lld %10.2f %9.2f %9.2f %9.2f %9.2f\n",
           json_string_value(json_object_get(x, "type")),
           (long long)json_integer_value(json_object_get(x, "count")),
           json_real_value(json_object_get(x, "total_ms")),
           json_real_value(json_object_get(x, "p50_ms")),
           json_real_value(json_object_get(x, "p95_ms")),
           json_real_value(json_object_get(x, "p99_ms")),
           json_real_value(json_object_get(x, "max_ms")));
  }
  json_t *mmu = json_object_get(r, "mmu");
  if (json_array_size(mmu)) {
    printf("\nminimum mutator utilization:");
    json_array_foreach(mmu, i, x) {
      printf("  %.0f ms %.1f%%", json_real_value(json_object_get(x, "window_ms")),
             json_real_value(json_object_get(x, "mmu")) * 100.0);
    }
    printf("\n");
  }
  int leak = json_is_true(json_object_get(r, "leak_suspected"));
  printf("\n%s%s%s\n", leak ? RED : GREEN, json_string_value(json_object_get(r, "verdict")), RESET);
}

int heap_gc_load(const char *path, heap_gc_trace_t *t) {
  dr_buf_t b = DR_BUF_INIT, err = DR_BUF_INIT;
  int rc = dr_buf_read_file(&b, path);
  if (rc < 0) {
    dr_error("cannot open '%s': %s", path, rc > DR__EBASE ? strerror(-rc) : dr_strerror(rc));
    dr_buf_release(&b);
    return rc;
  }
  rc = heap_gc_parse(b.buf, b.len, t, &err);
  if (rc < 0) dr_error("'%s': %s", path, err.buf);
  dr_buf_release(&b);
  dr_buf_release(&err);
  return rc;
}

int cmd_gc(int argc, char **argv) {
  static const struct option lo[] = {HEAP_COMMON_OPTIONS, {0, 0, 0, 0}};
  static const char usage[] =
      "usage: devrun-heap gc [options] TRACE\n\n"
      "Reads the output of node/devrun-js --trace-gc or --trace-gc-nvp, or the\n"
      "JSON lines of devrun-js --gc-trace=FILE, and prints pause percentiles per\n"
      "GC type, time spent in GC, minimum mutator utilization and whether the\n"
      "heap left after full mark-compacts keeps growing (a leak).\n\n" HEAP_COMMON_HELP
      "\nexamples:\n"
      "  node --trace-gc app.js > gc.log; devrun-heap gc gc.log\n"
      "  devrun-js --gc-trace=gc.jsonl app.js; devrun-heap gc --json gc.jsonl\n";
  struct heap_common c;
  int opt;
  heap_common_init(&c);
  optind = 1;
  opterr = 0;
  while ((opt = getopt_long(argc, argv, "h", lo, NULL)) != -1) {
    if (opt == 'h') {
      fputs(usage, stdout);
      return 0;
    }
    int r = heap_common_opt(&c, opt, optarg);
    if (r <= 0) {
      if (r == 0) dr_error("gc: unknown option '%s' (see --help)", argv[optind - 1]);
      return 2;
    }
  }
  if (argc - optind != 1) {
    dr_error("gc: expected 1 file (see devrun-heap gc --help)");
    return 2;
  }
  heap_gc_trace_t t = {0};
  if (heap_gc_load(argv[optind], &t) < 0) return 1;
  json_t *r = heap_gc_stats(&t);
  heap_gc_release(&t);
  if (c.json)
    heap_json_print(r);
  else {
    heap_gc_print(r);
    json_decref(r);
  }
  return 0;
}
