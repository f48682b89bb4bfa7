/* binding_util.c — internalBinding('util') and internalBinding('types'):
 * the reflection util.inspect and util.types are built on (see
 * runtime/lib/internal/util/inspect.js).  Names follow Node's internals. */
#include <stdlib.h>

#include "runtime.h"

static void get_promise_details(rt_args *a) {
  rt_val p = rt_arg(a, 0);
  if (!rt_is_promise(p)) return;
  int st = rt_promise_state(p);
  rt_val arr = rt_array(0);
  rt_set_i(arr, 0, rt_int(st));
  if (st != 0) rt_set_i(arr, 1, rt_promise_result(p));
  rt_return(a, arr);
}

static void get_proxy_details(rt_args *a) {
  rt_val p = rt_arg(a, 0);
  rt_val t = rt_proxy_target(p);
  if (!t) return;
  bool fetch_target = rt_argc(a) < 2 || rt_to_bool(rt_arg(a, 1));
  rt_val h = rt_proxy_handler(p);
  if (!fetch_target) {
    rt_return(a, t);
    return;
  }
  rt_val arr = rt_array(2);
  rt_set_i(arr, 0, t);
  rt_set_i(arr, 1, h);
  rt_return(a, arr);
}

static void preview_entries(rt_args *a) {
  bool kv = false;
  rt_val e = rt_preview_entries(rt_arg(a, 0), &kv);
  if (!e) return;
  if (rt_argc(a) < 2 || !rt_to_bool(rt_arg(a, 1))) {
    rt_return(a, e);
    return;
  }
  rt_val arr = rt_array(2);
  rt_set_i(arr, 0, e);
  rt_set_i(arr, 1, rt_bool(kv));
  rt_return(a, arr);
}

static void get_own_non_index_properties(rt_args *a) {
  rt_val o = rt_arg(a, 0);
  if (!rt_is_object(o)) return;
  rt_val r = rt_own_non_index_properties(o, rt_to_int32(rt_arg(a, 1)) == 2);
  if (r) rt_return(a, r);
}

static void get_constructor_name(rt_args *a) {
  rt_val o = rt_arg(a, 0);
  if (!rt_is_object(o)) return;
  rt_return(a, rt_constructor_name(o));
}

static void get_external_value(rt_args *a) { rt_return(a, rt_biguint(0)); }
static void is_inside_node_modules(rt_args *a) { rt_return_bool(a, false); }

static void set_hidden(rt_args *a) {
  char *k = RT_ARG_STR(a, 1);
  rt_set_private(rt_arg(a, 0), k, rt_arg(a, 2));
  free(k);
}
static void get_hidden(rt_args *a) {
  char *k = RT_ARG_STR(a, 1);
  rt_val v = rt_get_private(rt_arg(a, 0), k);
  free(k);
  if (v) rt_return(a, v);
}

static void structured_clone(rt_args *a) {
  rt_val r = rt_structured_clone(rt_arg(a, 0));
  if (r) rt_return(a, r);
}

static void detach_array_buffer(rt_args *a) {
  rt_val ab = rt_arg(a, 0);
  rt_return_bool(a, rt_is_array_buffer(ab) && rt_array_buffer_detach(ab));
}

void rt_binding_init_util(rt_val e) {
  rt_set_method(e, "detachArrayBuffer", detach_array_buffer);
  rt_set_method(e, "getPromiseDetails", get_promise_details);
  rt_set_method(e, "getProxyDetails", get_proxy_details);
  rt_set_method(e, "previewEntries", preview_entries);
  rt_set_method(e, "getOwnNonIndexProperties", get_own_non_index_properties);
  rt_set_method(e, "getConstructorName", get_constructor_name);
  rt_set_method(e, "getExternalValue", get_external_value);
  rt_set_method(e, "isInsideNodeModules", is_inside_node_modules);
  rt_set_method(e, "setHiddenValue", set_hidden);
  rt_set_method(e, "getHiddenValue", get_hidden);
  rt_set_method(e, "structuredClone", structured_clone);
  rt_set(e, "kPending", rt_int(0));
  rt_set(e, "kFulfilled", rt_int(1));
  rt_set(e, "kRejected", rt_int(2));
  rt_set(e, "ALL_PROPERTIES", rt_int(0));
  rt_set(e, "ONLY_ENUMERABLE", rt_int(2));
}

