/* heap_gctrace_fuzz.c — libFuzzer target for devrun-heap's GC-trace parser
 * (--trace-gc, --trace-gc-nvp and JSON lines) and the statistics over it. */
#include <stddef.h>
#include <stdint.h>

#include "heap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  heap_gc_trace_t t = {0};
  dr_buf_t err = DR_BUF_INIT;
  if (heap_gc_parse((const char *)data, size, &t, &err) == 0) json_decref(heap_gc_stats(&t));
  heap_gc_release(&t);
  dr_buf_release(&err);
  return 0;
}
