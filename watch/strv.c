/* strv.c — a growable, NULL-terminated vector of strings (see watch.h).
 * Used for argv/envp construction and for lists of patterns and paths. */
#include <stdlib.h>
#include <string.h>

#include "devrun/util.h"
#include "watch.h"

void watch_strv_pushn(watch_strv_t *s, const char *str, size_t len) {
  if (s->n + 2 > s->cap) {
    s->cap = s->cap ? s->cap * 2 : 8;
    s->v = dr_realloc(s->v, s->cap * sizeof(*s->v));
  }
  s->v[s->n++] = dr_strndup(str, len);
  s->v[s->n] = NULL;
}

void watch_strv_push(watch_strv_t *s, const char *str) {
  watch_strv_pushn(s, str, strlen(str));
}

void watch_strv_split(watch_strv_t *s, const char *list) {
  const char *p = list;
  while (*p) {
    size_t n = strcspn(p, ", \t");
    if (n) watch_strv_pushn(s, p, n);
    p += n;
    if (*p) p++;
  }
}

void watch_strv_clear(watch_strv_t *s) {
  for (size_t i = 0; i < s->n; i++) free(s->v[i]);
  free(s->v);
  s->v = NULL;
  s->n = s->cap = 0;
}
