/* debounce.c — the quiet period and the batch it guards.
 *
 * Every event lands in the batch (a set of paths with OR-ed WATCH_EV_*
 * flags) and restarts the quiet period: the batch is due once `quiet_ms`
 * have passed since the LAST event (not the first), so an editor's
 * truncate-then-write, a chunked write or a 500-file checkout all end up in
 * one batch and one decision.  This file is pure (no libuv): the runner owns
 * a timer and asks watch_debounce_remaining() when it fires, re-arming for
 * the rest of the period if more events came in meanwhile — one timer
 * operation per quiet period instead of one per event.
 *
 * So that a file rewritten without pause (a build tool, a generator) cannot
 * postpone the decision for ever, a batch is also due at the latest
 * max_ms after its FIRST event (default: 20 quiet periods, at least 1 s).
 */
#include <stdlib.h>
#include <string.h>

#include "watch.h"

void watch_debounce_init(watch_debounce_t *d, unsigned quiet_ms) {
  memset(d, 0, sizeof(*d));
  d->quiet_ms = quiet_ms;
  d->max_ms = quiet_ms * 20 > 1000 ? quiet_ms * 20 : 1000;
}

void watch_debounce_release(watch_debounce_t *d) {
  watch_pathmap_release(&d->paths, NULL);
}

void watch_debounce_add(watch_debounce_t *d, const char *path, unsigned flags, uint64_t now_ms) {
  int created;
  void **slot = watch_pathmap_put(&d->paths, path, &created);
  uintptr_t old = (uintptr_t)*slot;
  /* CREATE only counts when it is the first thing seen for the path. */
  if (!created) flags &= ~(unsigned)WATCH_EV_CREATE;
  *slot = (void *)(old | flags);
  if (!d->pending) d->first_ms = now_ms;
  d->pending = 1;
  d->last_ms = now_ms;
  d->events++;
}

long watch_debounce_remaining(const watch_debounce_t *d, uint64_t now_ms) {
  if (!d->pending) return -1;
  uint64_t due = d->last_ms + d->quiet_ms;
  if (due > d->first_ms + d->max_ms) due = d->first_ms + d->max_ms;
  return now_ms >= due ? 0 : (long)(due - now_ms);
}

void watch_debounce_take(watch_debounce_t *d, watch_pathmap_t *out) {
  *out = d->paths;
  memset(&d->paths, 0, sizeof(d->paths));
  d->pending = 0;
  d->events = 0;
}
