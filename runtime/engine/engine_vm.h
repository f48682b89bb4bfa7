/* engine_vm.h — the engine layer's C API for the vm module (and the few
 * v8-module queries that need V8 directly): contextified sandboxes, compiled
 * scripts bound to any context, functions compiled in a context, script
 * timeouts, code caches.  Implemented in engine_vm.cc; used by
 * src/binding_vm.c.  Same conventions as engine.h: rt_val handles are
 * scope-bound, a NULL return means an exception is pending.
 *
 * A contextified sandbox is an ordinary object linked (by a private symbol)
 * to a V8 context whose global object forwards property reads, writes,
 * deletes and enumeration to the sandbox first, as Node's contextify does.
 * A context is garbage-collected with its sandbox.
 */
#ifndef DEVRUN_RT_ENGINE_VM_H
#define DEVRUN_RT_ENGINE_VM_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "engine.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Makes sandbox (an object) a context; name is for diagnostics.  Returns
 * false with an exception pending on failure. */
bool rt_vm_make_context(rt_val sandbox, rt_val name);
bool rt_vm_is_context(rt_val sandbox);
/* The context's global proxy (`this` inside it), or NULL if not a context. */
rt_val rt_vm_context_global(rt_val sandbox);

/* Compiles source as a classic script not yet bound to a context.  Returns
 * a wrapper object for rt_vm_run, or NULL (SyntaxError pending).  cache may
 * be NULL; *cache_rejected tells whether V8 refused it. */
rt_val rt_vm_compile(rt_val source, rt_val filename, int line_offset, int column_offset,
                     const void *cache, size_t cache_len, bool *cache_rejected);
/* Runs a compiled script in the sandbox's context (NULL or undefined: the
 * main context).  timeout_ms > 0 terminates it after that long and throws
 * ERR_SCRIPT_EXECUTION_TIMEOUT.  With display_errors, an Error thrown by the
 * script gets Node's "file:line / source line / ^^^" header on its stack
 * (compile errors always get it). */
rt_val rt_vm_run(rt_val script, rt_val sandbox, int64_t timeout_ms, bool display_errors);
/* Code cache for a compiled script (malloc'd; caller frees), or NULL. */
void *rt_vm_code_cache(rt_val script, size_t *len);
/* Compiles a function with the given parameter names (a JS array of
 * strings) in the sandbox's context (or the main one), with the objects of
 * the array `extensions` in scope. */
rt_val rt_vm_compile_function(rt_val source, rt_val filename, int line_offset, int column_offset,
                              rt_val params, rt_val sandbox, rt_val extensions);

/* v8.cachedDataVersionTag() */
uint32_t rt_vm_cached_data_version_tag(void);
/* v8.getHeapCodeStatistics(): code_and_metadata_size, bytecode_and_metadata_size,
 * external_script_source_size, cpu_profiler_metadata_size. */
void rt_vm_heap_code_statistics(double out[4]);

/* ---- strings without copies (for the buffer binding) ------------------
 * These sit here because the buffer binding needs only these two calls. */

/* A string over malloc'd one-byte (latin1) data, which the engine owns and
 * frees when the string dies (no copy).  Returns NULL (exception pending)
 * past the engine's string length limit; data is then freed. */
rt_val rt_string_external_latin1(char *data, size_t len);
/* The characters of s if it is an external one-byte string (as made by
 * rt_string_external_latin1), else NULL: a borrowed pointer valid while s
 * lives. */
const uint8_t *rt_string_external_latin1_data(rt_val s, size_t *len);

#ifdef __cplusplus
}
#endif
#endif
