/* watch_ignore_fuzz.c — libFuzzer target for the watcher's .gitignore
 * parser and matcher (watch/ignore.c, watch/wildmatch.c).
 *
 * Input: the first line is a path to match (as if below root "/r"), the
 * rest is .gitignore text.  Every line is also used as a path against the
 * rules, and as a wildmatch pattern against the path, so both sides of the
 * matcher see hostile input. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "watch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  const char *nl = memchr(text, '\n', size);
  size_t plen = nl ? (size_t)(nl - text) : size;
  char *path = malloc(plen + 4);
  memcpy(path, "/r/", 3);
  memcpy(path + 3, text, plen);
  path[plen + 3] = '\0';
  for (size_t i = 3; i < plen + 3; i++)
    if (!path[i]) path[i] = 'x';
  watch_ignore_t *ig = watch_ignore_new();
  watch_ignore_add_defaults(ig);
  watch_ignore_add_text(ig, "/r", text, size);
  watch_ignore_add_text(ig, NULL, text, size);
  (void)watch_ignore_match(ig, path, 2, 0);
  (void)watch_ignore_match(ig, path, 2, 1);
  (void)watch_ignore_path(ig, path, 2, 0);
  /* the raw text as a pattern against the path, and the reverse */
  char *pat = malloc(size + 1);
  memcpy(pat, text, size);
  pat[size] = '\0';
  (void)watch_wildmatch(pat, path + 3, WATCH_WM_PATHNAME);
  (void)watch_wildmatch(path + 3, pat, 0);
  free(pat);
  watch_ignore_free(ig);
  free(path);
  return 0;
}
