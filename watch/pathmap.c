/* pathmap.c — an open-addressing hash map keyed by path strings.
 *
 * Linear probing with backward-shift deletion (no tombstones), keys hashed
 * with xxh3.  The map owns its keys; values are opaque pointers owned by the
 * caller (watch_pathmap_release() can free them).  Used by the hash cache
 * (path -> record), the debounce batch (path -> event flags) and the inotify
 * backend (path -> watch descriptor).
 * Invariant: cap is 0 or a power of two and len <= cap * 3/4.
 */
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "devrun/util.h"
#include "watch.h"

static uint64_t hash_key(const char *key) {
  return XXH3_64bits(key, strlen(key));
}

static watch_pathmap_slot_t *find(const watch_pathmap_t *m, const char *key, uint64_t h) {
  if (!m->cap) return NULL;
  size_t mask = m->cap - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    watch_pathmap_slot_t *s = &m->slots[i];
    if (!s->key) return s;
    if (s->hash == h && strcmp(s->key, key) == 0) return s;
  }
}

static void grow(watch_pathmap_t *m) {
  size_t ncap = m->cap ? m->cap * 2 : 16;
  watch_pathmap_slot_t *old = m->slots;
  size_t ocap = m->cap;
  m->slots = dr_calloc(ncap, sizeof(*m->slots));
  m->cap = ncap;
  for (size_t i = 0; i < ocap; i++) {
    if (!old[i].key) continue;
    size_t mask = ncap - 1, j = old[i].hash & mask;
    while (m->slots[j].key) j = (j + 1) & mask;
    m->slots[j] = old[i];
  }
  free(old);
}

void *watch_pathmap_get(const watch_pathmap_t *m, const char *key) {
  watch_pathmap_slot_t *s = find(m, key, hash_key(key));
  return s && s->key ? s->val : NULL;
}

void **watch_pathmap_put(watch_pathmap_t *m, const char *key, int *created) {
  uint64_t h = hash_key(key);
  if ((m->len + 1) * 4 > m->cap * 3) grow(m);
  watch_pathmap_slot_t *s = find(m, key, h);
  if (created) *created = !s->key;
  if (!s->key) {
    s->key = dr_strdup(key);
    s->hash = h;
    s->val = NULL;
    m->len++;
  }
  return &s->val;
}

void *watch_pathmap_del(watch_pathmap_t *m, const char *key) {
  watch_pathmap_slot_t *s = find(m, key, hash_key(key));
  if (!s || !s->key) return NULL;
  void *val = s->val;
  free(s->key);
  s->key = NULL;
  m->len--;
  /* Backward-shift the cluster that follows so lookups stay correct. */
  size_t mask = m->cap - 1, hole = (size_t)(s - m->slots);
  for (size_t i = (hole + 1) & mask; m->slots[i].key; i = (i + 1) & mask) {
    size_t home = m->slots[i].hash & mask;
    /* Move i into the hole if its home is not in (hole, i] cyclically. */
    int between = hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
    if (!between) {
      m->slots[hole] = m->slots[i];
      m->slots[i].key = NULL;
      hole = i;
    }
  }
  return val;
}

watch_pathmap_slot_t *watch_pathmap_next(const watch_pathmap_t *m, size_t *i) {
  for (; *i < m->cap; (*i)++)
    if (m->slots[*i].key) return &m->slots[(*i)++];
  return NULL;
}

void watch_pathmap_release(watch_pathmap_t *m, void (*free_val)(void *)) {
  for (size_t i = 0; i < m->cap; i++) {
    if (!m->slots[i].key) continue;
    free(m->slots[i].key);
    if (free_val) free_val(m->slots[i].val);
  }
  free(m->slots);
  m->slots = NULL;
  m->cap = m->len = 0;
}
