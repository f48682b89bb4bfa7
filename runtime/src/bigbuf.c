/* bigbuf.c — memory for the large byte blocks the bindings hand to V8
 * (Buffer.from(string, 'base64' | 'hex' | ...), Buffer.allocUnsafe and the
 * fs reads built on it, buf.toString('base64' | 'hex')).
 *
 * Why: every new multi-megabyte malloc block is a fresh mmap, and touching
 * it costs a page fault and a page clear per 4 KiB — for a 16 MiB base64
 * decode that was five times the decoding itself (perf: exc_page_fault,
 * clear_page_erms).  glibc keeps freed memory for reuse only up to its trim
 * threshold and only when freed chunks happen to coalesce.  Blocks of
 * RT_BIGBUF_MIN and more therefore get their own mapping, and freed ones go
 * to a small cache (at most CACHE_SLOTS blocks, CACHE_BYTES in all — glibc's
 * largest trim threshold) that the next allocation of a similar size takes
 * with no fault at all.  A block is reused only for a request of at least
 * half its size.  Smaller blocks are plain malloc memory (cap == len).
 *
 * Reuse needs V8 to free dead buffers soon: the bindings call
 * rt_array_buffer_gc_check() before a large allocation (engine_buffer.h).
 *
 * Transparent huge pages (madvise(MADV_HUGEPAGE)) were tried and dropped:
 * on this project's VMs a fresh huge page cost 2 to 15 times what the 4 KiB
 * pages did, depending on the host.
 *
 * The cache is process-wide (not per thread): blocks are released on V8's
 * threads, and any thread may reuse them.  One mutex guards it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <uv.h>

#include "bigbuf.h"
#include "engine_buffer.h"

#define PAGE ((size_t)4096)
#define CACHE_SLOTS 16
#define CACHE_BYTES ((size_t)64 << 20)

static struct {
  void *p;
  size_t cap;
} cache[CACHE_SLOTS];
static size_t cache_n, cache_bytes;
static uv_mutex_t cache_mu;
static uv_once_t cache_once = UV_ONCE_INIT;

static void cache_init(void) {
  if (uv_mutex_init(&cache_mu) != 0) abort();
}

static size_t round_up(size_t n, size_t to) {
  return (n + to - 1) / to * to;
}

/* A new mapping of cap bytes (a multiple of PAGE). */
static void *map_block(size_t cap) {
  void *p = mmap(NULL, cap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? NULL : p;
}

void *rt_bigbuf_alloc(size_t len, size_t *cap) {
  if (len < RT_BIGBUF_MIN) {
    *cap = len;
    return malloc(len ? len : 1);
  }
  size_t want = round_up(len, PAGE);
  uv_once(&cache_once, cache_init);
  uv_mutex_lock(&cache_mu);
  size_t best = CACHE_SLOTS;
  for (size_t i = 0; i < cache_n; i++)
    if (cache[i].cap >= want && cache[i].cap / 2 <= want &&
        (best == CACHE_SLOTS || cache[i].cap < cache[best].cap))
      best = i;
  if (best < CACHE_SLOTS) {
    void *p = cache[best].p;
    *cap = cache[best].cap;
    cache_bytes -= cache[best].cap;
    cache[best] = cache[--cache_n];
    uv_mutex_unlock(&cache_mu);
    return p;
  }
  uv_mutex_unlock(&cache_mu);
  *cap = want;
  return map_block(want);
}

void *rt_bigbuf_shrink(void *p, size_t len, size_t *cap) {
  if (*cap < RT_BIGBUF_MIN) {
    if (len >= *cap || len == 0) return p;
    void *q = realloc(p, len);
    if (!q) return p;
    *cap = len;
    return q;
  }
  /* Keep at least RT_BIGBUF_MIN mapped (the block stays a big one). */
  size_t keep = round_up(len < RT_BIGBUF_MIN ? RT_BIGBUF_MIN : len, PAGE);
  if (keep < *cap) {
    munmap((uint8_t *)p + keep, *cap - keep);
    *cap = keep;
  }
  return p;
}

void rt_bigbuf_free(void *p, size_t cap) {
  if (!p) return;
  if (cap < RT_BIGBUF_MIN) {
    free(p);
    return;
  }
  uv_once(&cache_once, cache_init);
  uv_mutex_lock(&cache_mu);
  if (cache_n < CACHE_SLOTS && cache_bytes + cap <= CACHE_BYTES) {
    cache[cache_n].p = p;
    cache[cache_n].cap = cap;
    cache_n++;
    cache_bytes += cap;
    p = NULL;
  }
  uv_mutex_unlock(&cache_mu);
  if (p) munmap(p, cap);
}

static void release(void *data, size_t len, void *ctx) {
  (void)len;
  rt_bigbuf_free(data, (size_t)(uintptr_t)ctx);
}

rt_val rt_bigbuf_array_buffer(void *p, size_t len, size_t cap) {
  return rt_array_buffer_take_fn(p, len, release, (void *)(uintptr_t)cap);
}

rt_val rt_bigbuf_latin1_string(void *p, size_t len, size_t cap) {
  return rt_string_external_latin1_fn(p, len, release, (void *)(uintptr_t)cap);
}
