/* engine_vmmodule.h — the engine layer's C API for vm.SourceTextModule and
 * vm.SyntheticModule (Node's --experimental-vm-modules).  Implemented in
 * engine_vmmodule.cc; used by src/binding_vm_module.c.  Same conventions as
 * engine.h: rt_val handles are scope-bound, a NULL return means an exception
 * is pending.
 *
 * These module records are separate from the loader's (rt_module in
 * engine.h): the loader resolves by URL, a vm module is linked by the user's
 * linker to other vm modules, and import() inside one goes to the user's
 * importModuleDynamically.  A record is reached through its wrap, a plain
 * object with a hidden native slot; it lives as long as the wrap is
 * reachable (and its linked dependencies as long as it lives).
 *
 * A record may belong to a contextified sandbox (vm.createContext): it is
 * compiled, instantiated and evaluated in that sandbox's V8 context.
 */
#ifndef DEVRUN_RT_ENGINE_VMMODULE_H
#define DEVRUN_RT_ENGINE_VMMODULE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "engine.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Compiles source text as a module named identifier in the sandbox's context
 * (sandbox NULL or undefined: the main context).  cache (may be NULL) is V8
 * code cache from rt_vmmod_code_cache; *cache_rejected tells whether V8
 * refused it.  Returns the wrap, or NULL (SyntaxError pending). */
rt_val rt_vmmod_compile(rt_val identifier, rt_val sandbox, rt_val source, int line_offset,
                        int column_offset, const void *cache, size_t cache_len,
                        bool *cache_rejected);
/* A synthetic module exporting the names of export_names (array of
 * strings).  Evaluating it calls steps() with the wrap as `this`. */
rt_val rt_vmmod_synthetic(rt_val identifier, rt_val sandbox, rt_val export_names, rt_val steps);
/* True if v is a wrap made by one of the two functions above. */
bool rt_vmmod_is_wrap(rt_val v);

/* [{ specifier, attributes }] in source order. */
rt_val rt_vmmod_requests(rt_val wrap);
/* Links request i of wrap to the module of deps[i] (arrays of equal length,
 * deps holding wraps).  Each specifier may be linked once. */
bool rt_vmmod_link(rt_val wrap, rt_val specifiers, rt_val deps);
bool rt_vmmod_instantiate(rt_val wrap); /* false: exception pending */
/* Evaluates; returns V8's promise.  timeout_ms > 0 terminates a synchronous
 * run after that long and throws ERR_SCRIPT_EXECUTION_TIMEOUT. */
rt_val rt_vmmod_evaluate(rt_val wrap, int64_t timeout_ms);
rt_val rt_vmmod_namespace(rt_val wrap);
int rt_vmmod_status(rt_val wrap); /* v8::Module::Status, -1 if not a wrap */
rt_val rt_vmmod_error(rt_val wrap);
rt_val rt_vmmod_identifier(rt_val wrap);
bool rt_vmmod_set_export(rt_val wrap, rt_val name, rt_val value);
/* Code cache of a source-text module (malloc'd; caller frees), or NULL. */
void *rt_vmmod_code_cache(rt_val wrap, size_t *len);

/* import() in a vm module: fn(wrap, specifier, assertions) returns a promise
 * or NULL (exception pending); wrap is undefined if the module's wrap was
 * collected.  import() anywhere else stays the loader's. */
typedef rt_val (*rt_vmmod_import_fn)(rt_val wrap, rt_val specifier, rt_val assertions);
void rt_vmmod_on_dynamic_import(rt_vmmod_import_fn fn);

/* import.meta of a vm module: fn(wrap, meta), called once, when the module
 * first reads import.meta. */
typedef void (*rt_vmmod_meta_fn)(rt_val wrap, rt_val meta);
void rt_vmmod_on_import_meta(rt_vmmod_meta_fn fn);

#ifdef __cplusplus
}
#endif
#endif
