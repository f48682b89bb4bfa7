/* binding_vm_module.c — internalBinding('vm_module'): the native half of
 * vm.SourceTextModule / vm.SyntheticModule (runtime/lib/internal/vm/module.js)
 * over engine_vmmodule.h.  Arguments arrive validated by module.js; each
 * function still checks what the engine would crash on.
 *
 * import() in a vm module: setImportHandler(fn) has it call
 * fn(wrap, specifier, assertions) — wrap is the vm module doing the import
 * (undefined if it was collected); other import()s stay the loader's.
 * import.meta: setMetaHandler(fn) calls fn(wrap, meta) the first time a vm
 * module reads import.meta (initializeImportMeta). */
#include <stdlib.h>

#include "engine_vmmodule.h"
#include "runtime.h"

static _Thread_local rt_ref *import_handler, *meta_handler;

static bool is_wrap(rt_val v) {
  if (rt_vmmod_is_wrap(v)) return true;
  rt_throw_type_error("not a vm module record");
  return false;
}

/* compile(identifier, context | undefined, source, lineOffset, columnOffset,
 *         cachedData | undefined) -> [wrap, cachedDataRejected] */
static void compile(rt_args *a) {
  if (!rt_is_string(rt_arg(a, 0)) || !rt_is_string(rt_arg(a, 2))) {
    rt_throw_type_error("compile(identifier, context, source, ...): strings expected");
    return;
  }
  const void *cache = NULL;
  size_t cache_len = 0;
  if (rt_is_array_buffer_view(rt_arg(a, 5))) cache = rt_view_data(rt_arg(a, 5), &cache_len);
  bool rejected = false;
  rt_val w = rt_vmmod_compile(rt_arg(a, 0), rt_arg(a, 1), rt_arg(a, 2), rt_to_int32(rt_arg(a, 3)),
                              rt_to_int32(rt_arg(a, 4)), cache, cache_len, &rejected);
  if (!w) return;
  rt_val r = rt_array(2);
  rt_set_i(r, 0, w);
  rt_set_i(r, 1, rt_bool(rejected));
  rt_return(a, r);
}

/* synthetic(identifier, context | undefined, exportNames, steps) -> wrap */
static void synthetic(rt_args *a) {
  if (!rt_is_string(rt_arg(a, 0)) || !rt_is_array(rt_arg(a, 2)) || !rt_is_function(rt_arg(a, 3))) {
    rt_throw_type_error("synthetic(identifier, context, exportNames, steps): bad arguments");
    return;
  }
  rt_val w = rt_vmmod_synthetic(rt_arg(a, 0), rt_arg(a, 1), rt_arg(a, 2), rt_arg(a, 3));
  if (w) rt_return(a, w);
}

static void requests(rt_args *a) {
  if (!is_wrap(rt_arg(a, 0))) return;
  rt_val r = rt_vmmod_requests(rt_arg(a, 0));
  if (r) rt_return(a, r);
}

/* link(wrap, specifiers, wraps) */
static void link_(rt_args *a) {
  if (!is_wrap(rt_arg(a, 0))) return;
  if (!rt_is_array(rt_arg(a, 1)) || !rt_is_array(rt_arg(a, 2))) {
    rt_throw_type_error("link(wrap, specifiers, modules): arrays expected");
    return;
  }
  rt_vmmod_link(rt_arg(a, 0), rt_arg(a, 1), rt_arg(a, 2));
}

static void instantiate(rt_args *a) {
  if (is_wrap(rt_arg(a, 0))) rt_vmmod_instantiate(rt_arg(a, 0));
}

/* evaluate(wrap, timeout) -> promise */
static void evaluate(rt_args *a) {
  if (!is_wrap(rt_arg(a, 0))) return;
  rt_val r = rt_vmmod_evaluate(rt_arg(a, 0), (int64_t)rt_to_number(rt_arg(a, 1)));
  if (r) rt_return(a, r);
}

static void namespace_(rt_args *a) {
  if (!is_wrap(rt_arg(a, 0))) return;
  rt_val r = rt_vmmod_namespace(rt_arg(a, 0));
  if (r) rt_return(a, r);
}

static void status(rt_args *a) {
  if (is_wrap(rt_arg(a, 0))) rt_return_int(a, rt_vmmod_status(rt_arg(a, 0)));
}

static void error(rt_args *a) {
  if (!is_wrap(rt_arg(a, 0))) return;
  rt_val r = rt_vmmod_error(rt_arg(a, 0));
  if (r) rt_return(a, r);
}

static void identifier(rt_args *a) {
  if (!is_wrap(rt_arg(a, 0))) return;
  rt_val r = rt_vmmod_identifier(rt_arg(a, 0));
  if (r) rt_return(a, r);
}

static void set_export(rt_args *a) {
  if (!is_wrap(rt_arg(a, 0))) return;
  if (!rt_is_string(rt_arg(a, 1))) {
    rt_throw_type_error("setExport(wrap, name, value): name must be a string");
    return;
  }
  rt_vmmod_set_export(rt_arg(a, 0), rt_arg(a, 1), rt_arg(a, 2));
}

static void create_cached_data(rt_args *a) {
  if (!is_wrap(rt_arg(a, 0))) return;
  size_t len = 0;
  void *data = rt_vmmod_code_cache(rt_arg(a, 0), &len);
  if (!data) return;
  rt_return(a, rt_uint8array(rt_array_buffer_take(data, len), 0, len));
}

static void is_module_wrap(rt_args *a) {
  rt_return_bool(a, rt_vmmod_is_wrap(rt_arg(a, 0)));
}

static rt_val on_import(rt_val wrap, rt_val specifier, rt_val assertions) {
  if (!import_handler) return rt_throw_error("import() is not available");
  rt_val argv[3] = {wrap, specifier, assertions};
  return rt_call(rt_ref_get(import_handler), rt_undefined(), 3, argv);
}

static void set_import_handler(rt_args *a) {
  if (!rt_is_function(rt_arg(a, 0))) {
    rt_throw_type_error("setImportHandler(fn): a function expected");
    return;
  }
  if (import_handler) rt_ref_free(import_handler);
  import_handler = rt_ref_new(rt_arg(a, 0));
  rt_vmmod_on_dynamic_import(on_import);
}

static void on_meta(rt_val wrap, rt_val meta) {
  if (!meta_handler) return;
  rt_val argv[2] = {wrap, meta};
  rt_call(rt_ref_get(meta_handler), rt_undefined(), 2, argv);
}

/* setMetaHandler(fn): fn(wrap, meta) when a vm module first reads
 * import.meta. */
static void set_meta_handler(rt_args *a) {
  if (!rt_is_function(rt_arg(a, 0))) {
    rt_throw_type_error("setMetaHandler(fn): a function expected");
    return;
  }
  if (meta_handler) rt_ref_free(meta_handler);
  meta_handler = rt_ref_new(rt_arg(a, 0));
  rt_vmmod_on_import_meta(on_meta);
}

void rt_binding_init_vm_module(rt_val e) {
  rt_set_method(e, "compile", compile);
  rt_set_method(e, "synthetic", synthetic);
  rt_set_method(e, "requests", requests);
  rt_set_method(e, "link", link_);
  rt_set_method(e, "instantiate", instantiate);
  rt_set_method(e, "evaluate", evaluate);
  rt_set_method(e, "namespace", namespace_);
  rt_set_method(e, "status", status);
  rt_set_method(e, "error", error);
  rt_set_method(e, "identifier", identifier);
  rt_set_method(e, "setExport", set_export);
  rt_set_method(e, "createCachedData", create_cached_data);
  rt_set_method(e, "isModuleWrap", is_module_wrap);
  rt_set_method(e, "setImportHandler", set_import_handler);
  rt_set_method(e, "setMetaHandler", set_meta_handler);
  rt_set(e, "kUninstantiated", rt_int(0));
  rt_set(e, "kInstantiating", rt_int(1));
  rt_set(e, "kInstantiated", rt_int(2));
  rt_set(e, "kEvaluating", rt_int(3));
  rt_set(e, "kEvaluated", rt_int(4));
  rt_set(e, "kErrored", rt_int(5));
}
