/* bigbuf.h — memory for the large byte blocks the bindings hand to V8
 * (decoded Buffers, Buffer.allocUnsafe, encoded strings); see bigbuf.c.
 *
 * A block is described by its data pointer and its capacity `cap` (what
 * rt_bigbuf_alloc reported); the length V8 sees may be smaller.  Blocks under
 * RT_BIGBUF_MIN are plain malloc memory; larger ones are mappings of their
 * own, recycled through a small process-wide cache.  All functions are thread-safe: V8 frees backing
 * stores on its own threads.
 */
#ifndef DEVRUN_RT_BIGBUF_H
#define DEVRUN_RT_BIGBUF_H

#include <stddef.h>

#include "engine.h"

#define RT_BIGBUF_MIN ((size_t)2 << 20)

/* At least len bytes (len may be 0), not zeroed; *cap receives the capacity
 * to give back to rt_bigbuf_free / the wrappers below.  NULL when out of
 * memory. */
void *rt_bigbuf_alloc(size_t len, size_t *cap);
/* Gives capacity beyond len back to the system where that is cheap; returns
 * the block (it may move; its first len bytes are kept) and updates *cap. */
void *rt_bigbuf_shrink(void *p, size_t len, size_t *cap);
void rt_bigbuf_free(void *p, size_t cap);

/* An ArrayBuffer of len bytes owning the block (freed with rt_bigbuf_free).
 * Never fails for len <= cap. */
rt_val rt_bigbuf_array_buffer(void *p, size_t len, size_t cap);
/* An external one-byte string of len characters owning the block; NULL with
 * an exception pending (the block freed) when len is too long for V8. */
rt_val rt_bigbuf_latin1_string(void *p, size_t len, size_t cap);

#endif
