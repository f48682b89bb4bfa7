/* binding_module_wrap.c — internalBinding('module_wrap'): ES-module records
 * for the loader in internal/modules/esm.js.  The loader compiles a module,
 * asks for its requests, resolves and compiles each, links them by index,
 * then instantiates and evaluates the root.  import() and import.meta call
 * back into JavaScript through the two callbacks set here. */
#include <stdlib.h>

#include "runtime.h"

static _Thread_local rt_ref *dyn_import_cb, *import_meta_cb;

static rt_module *M(rt_args *a, int i) {
  rt_module *m = rt_module_from_wrap(rt_arg(a, i));
  if (!m) rt_throw_type_error("not a module record");
  return m;
}

static void compile(rt_args *a) {
  rt_module *m = rt_module_compile(rt_arg(a, 1), rt_arg(a, 0));
  if (m) rt_return(a, rt_module_wrap(m));
}

typedef struct {
  rt_ref *fn;
} synth_data;

static void synth_eval(rt_module *m, void *data) {
  synth_data *d = data;
  rt_val w = rt_module_wrap(m);
  rt_call(rt_ref_get(d->fn), rt_undefined(), 1, &w);
}

/* synthetic(url, exportNames, evaluate(wrap)) */
static void synthetic(rt_args *a) {
  synth_data *d = malloc(sizeof *d);
  d->fn = rt_ref_new(rt_arg(a, 2));
  rt_module *m = rt_module_synthetic(rt_arg(a, 0), rt_arg(a, 1), synth_eval, d);
  rt_return(a, rt_module_wrap(m));
}

static void set_export(rt_args *a) {
  rt_module *m = M(a, 0);
  if (m) rt_module_set_export(m, rt_arg(a, 1), rt_arg(a, 2));
}

static void requests(rt_args *a) {
  rt_module *m = M(a, 0);
  if (m) rt_return(a, rt_module_requests(m));
}

static void link_(rt_args *a) {
  rt_module *m = M(a, 0), *dep = M(a, 2);
  if (m && dep) rt_module_link(m, rt_to_int32(rt_arg(a, 1)), dep);
}

static void instantiate(rt_args *a) {
  rt_module *m = M(a, 0);
  if (m) rt_module_instantiate(m);
}

static void evaluate(rt_args *a) {
  rt_module *m = M(a, 0);
  if (!m) return;
  rt_val r = rt_module_evaluate(m);
  if (r) rt_return(a, r);
}

static void namespace_(rt_args *a) {
  rt_module *m = M(a, 0);
  if (m) rt_return(a, rt_module_namespace(m));
}

static void is_graph_async(rt_args *a) {
  rt_module *m = M(a, 0);
  if (m) rt_return_bool(a, rt_module_is_graph_async(m));
}

static void status(rt_args *a) {
  rt_module *m = M(a, 0);
  if (m) rt_return_int(a, rt_module_status(m));
}

static void exception(rt_args *a) {
  rt_module *m = M(a, 0);
  if (m) rt_return(a, rt_module_exception(m));
}

static void url(rt_args *a) {
  rt_module *m = M(a, 0);
  if (m) rt_return(a, rt_module_url(m));
}

static rt_val on_dynamic_import(rt_val referrer, rt_val specifier, rt_val assertions) {
  if (!dyn_import_cb) return rt_throw_error("import() is not available yet");
  rt_val argv[3] = {referrer, specifier, assertions};
  return rt_call(rt_ref_get(dyn_import_cb), rt_undefined(), 3, argv);
}

static void on_import_meta(rt_module *m, rt_val meta) {
  if (!import_meta_cb) return;
  rt_val argv[2] = {rt_module_wrap(m), meta};
  rt_call(rt_ref_get(import_meta_cb), rt_undefined(), 2, argv);
}

static void set_callbacks(rt_args *a) {
  dyn_import_cb = rt_ref_new(rt_arg(a, 0));
  import_meta_cb = rt_ref_new(rt_arg(a, 1));
  rt_engine_on_dynamic_import(on_dynamic_import);
  rt_engine_on_import_meta(on_import_meta);
}

void rt_binding_init_module_wrap(rt_val e) {
  rt_set_method(e, "compile", compile);
  rt_set_method(e, "synthetic", synthetic);
  rt_set_method(e, "setExport", set_export);
  rt_set_method(e, "requests", requests);
  rt_set_method(e, "link", link_);
  rt_set_method(e, "instantiate", instantiate);
  rt_set_method(e, "evaluate", evaluate);
  rt_set_method(e, "namespace", namespace_);
  rt_set_method(e, "status", status);
  rt_set_method(e, "isGraphAsync", is_graph_async);
  rt_set_method(e, "exception", exception);
  rt_set_method(e, "url", url);
  rt_set_method(e, "setCallbacks", set_callbacks);
  rt_set(e, "kEvaluated", rt_int(4));
  rt_set(e, "kErrored", rt_int(5));
}

