/* engine_buffer.h — byte blocks with their own release function handed to
 * V8: ArrayBuffers and external one-byte strings over memory the caller
 * allocated (runtime/src/bigbuf.c uses them for large blocks).  Implemented
 * in engine_buffer.cc.  The release function may run on any thread (V8
 * frees backing stores on its own threads) and is called exactly once.
 */
#ifndef DEVRUN_RT_ENGINE_BUFFER_H
#define DEVRUN_RT_ENGINE_BUFFER_H

#include <stddef.h>
#include <stdint.h>

#include "engine.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void (*rt_release_fn)(void *data, size_t len, void *ctx);

/* An ArrayBuffer of len bytes over data; release(data, len, ctx) when V8 is
 * done with it. */
rt_val rt_array_buffer_take_fn(void *data, size_t len, rt_release_fn release, void *ctx);
/* An external one-byte string of len characters over data; NULL with an
 * exception pending (and data released) when len exceeds V8's limit. */
rt_val rt_string_external_latin1_fn(char *data, size_t len, rt_release_fn release, void *ctx);

/* Runs the check V8 makes before it allocates a backing store itself: when
 * young ArrayBuffers hold more than two semi-spaces of memory, it collects
 * the young generation, which frees the dead ones.  Memory handed over with
 * rt_array_buffer_take* is counted but never triggers that check; callers
 * about to hand over a large block call this first, so that code making
 * big short-lived Buffers gets their memory back in time (as Node, whose
 * buffers come from V8's allocator, does). */
void rt_array_buffer_gc_check(void);

/* The hot calls' argument helpers (Buffer.from of a short string, toString
 * of a small Buffer), without the context lookup of the general ones:
 * rt_int_fast(v) is rt_to_int64(v), cheaper for int32 values;
 * rt_u8_data(view, &len) is rt_view_data, and gives no bytes (NULL, 0) for
 * anything but a view or an ArrayBuffer instead of misreading it. */
int64_t rt_int_fast(rt_val v);
uint8_t *rt_u8_data(rt_val view, size_t *len);

#ifdef __cplusplus
}
#endif

#endif
