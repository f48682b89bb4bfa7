/* repl_sourcemap.c — libFuzzer target for the source map parser
 * (repl/sourcemap.c): any bytes as a map, then lookups on what parsed. */
#include <stddef.h>
#include <stdint.h>

#include "sourcemap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  repl_srcmap_t *m;
  long src;
  int line, col, gl, gc;
  if (repl_srcmap_parse((const char *)data, size, &m) < 0) return 0;
  for (int l = 0; l < 8; l++)
    for (int c = 0; c < 40; c += 7)
      if (repl_srcmap_original(m, l, c, &src, &line, &col) == 0)
        (void)repl_srcmap_generated(m, src, line, &gl, &gc);
  (void)repl_srcmap_find_source(m, "a.ts");
  repl_srcmap_free(m);
  return 0;
}
