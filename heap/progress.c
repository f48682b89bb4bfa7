/* progress.c — a progress bar on stderr while a large file is read, only
 * when stderr is a terminal.  The parser threads add consumed bytes to
 * heap_parse_progress; a small thread redraws the bar ten times a second.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "heap.h"

extern atomic_ullong heap_parse_progress;
static pthread_t th;
static atomic_int running;
static uint64_t total;
static char what[64];
int heap_progress_disabled;

int heap_progress_enabled(void) {
  return !heap_progress_disabled && isatty(STDERR_FILENO);
}

static void *loop(void *arg) {
  (void)arg;
  while (atomic_load(&running)) {
    uint64_t done = atomic_load(&heap_parse_progress);
    int pct = total ? (int)(done * 100 / total) : 0;
    if (pct > 100) pct = 100;
    char bar[41];
    memset(bar, '.', 40);
    memset(bar, '#', (size_t)(pct * 40 / 100));
    bar[40] = 0;
    fprintf(stderr, "\r%s [%s] %3d%%", what, bar, pct);
    fflush(stderr);
    usleep(100000);
  }
  return NULL;
}

void heap_progress_begin(const char *w, uint64_t t) {
  atomic_store(&heap_parse_progress, 0);
  if (!heap_progress_enabled() || t < (64u << 20) || atomic_load(&running)) return;
  total = t;
  snprintf(what, sizeof what, "%s", w);
  atomic_store(&running, 1);
  if (pthread_create(&th, NULL, loop, NULL) != 0) atomic_store(&running, 0);
}

void heap_progress_set(uint64_t done) {
  atomic_store(&heap_parse_progress, done);
}

void heap_progress_end(void) {
  if (!atomic_load(&running)) return;
  atomic_store(&running, 0);
  pthread_join(th, NULL);
  fprintf(stderr, "\r%60s\r", "");
  fflush(stderr);
}
