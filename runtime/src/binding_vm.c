/* binding_vm.c — internalBinding('vm'): the native half of the vm module
 * (runtime/lib/vm.js) over engine_vm.h: contextified sandboxes, compiled
 * scripts run in any context with an optional timeout, code caches, and
 * functions compiled in a context.  Arguments arrive validated by vm.js. */
#include <stdlib.h>

#include "engine_vm.h"
#include "runtime.h"

/* makeContext(sandbox, name) */
/* Every function re-checks what the engine would crash on (vm.js validates
 * first; this is the last line of defence). */
static bool check_object(rt_val v) {
  if (rt_is_object(v)) return true;
  rt_throw_code("ERR_INVALID_ARG_TYPE", "The \"contextObject\" argument must be of type object");
  return false;
}

static void make_context(rt_args *a) {
  if (!check_object(rt_arg(a, 0))) return;
  if (rt_vm_make_context(rt_arg(a, 0), rt_arg(a, 1))) rt_return(a, rt_arg(a, 0));
}

static void is_context(rt_args *a) {
  rt_return_bool(a, rt_is_object(rt_arg(a, 0)) && rt_vm_is_context(rt_arg(a, 0)));
}

static void context_global(rt_args *a) {
  if (!check_object(rt_arg(a, 0))) return;
  rt_val g = rt_vm_context_global(rt_arg(a, 0));
  if (g) rt_return(a, g);
}

/* compile(source, filename, lineOffset, columnOffset, cachedData | undefined)
 * -> [script, cachedDataRejected] */
static void compile(rt_args *a) {
  if (!rt_is_string(rt_arg(a, 0))) {
    rt_throw_code("ERR_INVALID_ARG_TYPE", "The \"code\" argument must be of type string");
    return;
  }
  size_t n = 0;
  const void *cache = NULL;
  if (rt_is_array_buffer_view(rt_arg(a, 4))) cache = rt_view_data(rt_arg(a, 4), &n);
  bool rejected = false;
  rt_val s = rt_vm_compile(rt_arg(a, 0), rt_arg(a, 1), rt_to_int32(rt_arg(a, 2)),
                           rt_to_int32(rt_arg(a, 3)), cache, n, &rejected);
  if (!s) return;
  rt_val r = rt_array(2);
  rt_set_i(r, 0, s);
  rt_set_i(r, 1, rt_bool(rejected));
  rt_return(a, r);
}

/* run(script, sandbox | null, timeoutMs, displayErrors) */
static void run(rt_args *a) {
  rt_val sb = rt_arg(a, 1);
  if (!rt_is_nullish(sb) && !rt_is_object(sb)) {
    rt_throw_code("ERR_INVALID_ARG_TYPE",
                  "The \"contextifiedObject\" argument must be of type object");
    return;
  }
  rt_val r = rt_vm_run(rt_arg(a, 0), rt_is_nullish(sb) ? NULL : sb,
                       rt_is_number(rt_arg(a, 2)) ? rt_to_int64(rt_arg(a, 2)) : 0,
                       rt_to_bool(rt_arg(a, 3)));
  if (r) rt_return(a, r);
}

/* createCachedData(script) -> Uint8Array */
static void create_cached_data(rt_args *a) {
  size_t n = 0;
  void *p = rt_vm_code_cache(rt_arg(a, 0), &n);
  if (!p) {
    rt_return(a, rt_uint8array(rt_array_buffer(0, true), 0, 0));
    return;
  }
  rt_return(a, rt_uint8array(rt_array_buffer_take(p, n), 0, n));
}

/* compileFunction(source, filename, lineOffset, columnOffset, params, sandbox, extensions) */
static void compile_function(rt_args *a) {
  rt_val sb = rt_arg(a, 5);
  if (!rt_is_string(rt_arg(a, 0)) || (!rt_is_nullish(sb) && !rt_is_object(sb))) {
    rt_throw_code("ERR_INVALID_ARG_TYPE", "The \"code\" argument must be of type string");
    return;
  }
  rt_val fn = rt_vm_compile_function(rt_arg(a, 0), rt_arg(a, 1), rt_to_int32(rt_arg(a, 2)),
                                     rt_to_int32(rt_arg(a, 3)), rt_arg(a, 4),
                                     rt_is_nullish(sb) ? NULL : sb, rt_arg(a, 6));
  if (fn) rt_return(a, fn);
}

static void cached_data_version_tag(rt_args *a) {
  rt_return_number(a, (double)rt_vm_cached_data_version_tag());
}

static void heap_code_statistics(rt_args *a) {
  double st[4];
  rt_vm_heap_code_statistics(st);
  rt_val o = rt_object();
  rt_set(o, "code_and_metadata_size", rt_number(st[0]));
  rt_set(o, "bytecode_and_metadata_size", rt_number(st[1]));
  rt_set(o, "external_script_source_size", rt_number(st[2]));
  rt_set(o, "cpu_profiler_metadata_size", rt_number(st[3]));
  rt_return(a, o);
}

void rt_binding_init_vm(rt_val e) {
  rt_set_method(e, "makeContext", make_context);
  rt_set_method(e, "isContext", is_context);
  rt_set_method(e, "contextGlobal", context_global);
  rt_set_method(e, "compile", compile);
  rt_set_method(e, "run", run);
  rt_set_method(e, "createCachedData", create_cached_data);
  rt_set_method(e, "compileFunction", compile_function);
  rt_set_method(e, "cachedDataVersionTag", cached_data_version_tag);
  rt_set_method(e, "heapCodeStatistics", heap_code_statistics);
}
