/* heap_snapshot_fuzz.c — libFuzzer target for devrun-heap's snapshot parser
 * and everything built on a parsed snapshot (graph, classes, paths): any
 * input must either be rejected with an error or analysed without a crash,
 * leak or undefined behaviour. */
#include <stddef.h>
#include <stdint.h>

#include "heap.h"

extern int heap_parse_threads;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  heap_snap_t *s = NULL;
  dr_buf_t err = DR_BUF_INIT;
  heap_parse_threads = 0;
  if (heap_snap_parse((const char *)data, size, &s, &err) == 0) {
    for (int rules = 0; rules < 2; rules++) {
      if (rules) {
        heap_snap_free(s);
        s = NULL;
        if (heap_snap_parse((const char *)data, size, &s, &err) < 0) break;
      }
      if (heap_graph_build(s, (enum heap_rules)rules, &err) == 0) {
        uint32_t k, path[16];
        free(heap_classes_aggregate(s, &k));
        dr_buf_t b = DR_BUF_INIT;
        for (uint32_t o = 0; o < s->n && o < 64; o++) {
          int len = heap_path_to(s, o, path, 16);
          heap_path_format(s, path, len, &b);
          json_decref(heap_path_json(s, path, len));
        }
        dr_buf_release(&b);
      }
    }
  }
  heap_snap_free(s);
  dr_buf_release(&err);
  return 0;
}
