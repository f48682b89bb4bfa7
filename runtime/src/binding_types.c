/* binding_types.c — internalBinding('types'): util.types, exactly V8's
 * v8::Value::IsXxx predicates (see RT_VALUE_KINDS in engine.h). */
#include "runtime.h"

#define XX(k) \
  static void is_##k(rt_args *a) { rt_return_bool(a, rt_is_kind(rt_arg(a, 0), RT_KIND_##k)); }
RT_VALUE_KINDS(XX)
#undef XX

static void is_boxed_primitive(rt_args *a) {
  rt_val v = rt_arg(a, 0);
  rt_return_bool(a, rt_is_kind(v, RT_KIND_NumberObject) || rt_is_kind(v, RT_KIND_StringObject) ||
                        rt_is_kind(v, RT_KIND_BooleanObject) ||
                        rt_is_kind(v, RT_KIND_BigIntObject) ||
                        rt_is_kind(v, RT_KIND_SymbolObject));
}
static void is_any_array_buffer(rt_args *a) {
  rt_val v = rt_arg(a, 0);
  rt_return_bool(a, rt_is_kind(v, RT_KIND_ArrayBuffer) || rt_is_kind(v, RT_KIND_SharedArrayBuffer));
}

void rt_binding_init_types(rt_val e) {
#define XX(k) rt_set_method(e, "is" #k, is_##k);
  RT_VALUE_KINDS(XX)
#undef XX
  rt_set_method(e, "isBoxedPrimitive", is_boxed_primitive);
  rt_set_method(e, "isAnyArrayBuffer", is_any_array_buffer);
}
