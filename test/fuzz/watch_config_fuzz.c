/* watch_config_fuzz.c — libFuzzer target for devrun's configuration
 * parsers: devrun.json / package.json "devrun" (watch/config.c), the
 * --env-file format (watch/envfile.c), durations and signal names.  The
 * first byte picks the parser; the rest is the input. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "watch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  int which = data[0] % 4;
  const char *text = (const char *)data + 1;
  size_t len = size - 1;
  if (which <= 1) {
    watch_opts_t o;
    watch_opts_init(&o);
    o.quiet = 1; /* no warnings for unknown keys */
    char *err = NULL;
    (void)watch_config_apply_json(&o, "fuzz.json", text, len, which == 1, &err);
    free(err);
    watch_opts_release(&o);
  } else if (which == 2) {
    watch_strv_t v = WATCH_STRV_INIT;
    int line = 0;
    (void)watch_envfile_parse(text, len, &v, &line);
    watch_strv_release(&v);
  } else {
    char *s = malloc(len + 1);
    memcpy(s, text, len);
    s[len] = '\0';
    (void)watch_parse_ms(s);
    (void)watch_parse_signal(s);
    free(s);
  }
  return 0;
}
