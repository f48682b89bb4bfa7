/* binding_serdes.c — internalBinding('serdes'): V8's value serializer for
 * structuredClone (serialize/deserialize/structuredClone) and the
 * Serializer/Deserializer classes behind v8's (engine/engine_serdes.cc). */
#include <stdlib.h>

#include "engine_serdes.h"
#include "runtime.h"

static void serialize(rt_args *a) {
  size_t n = 0;
  void *p = rt_serialize(rt_arg(a, 0), &n);
  if (!p) return;
  rt_return(a, rt_uint8array(rt_array_buffer_take(p, n), 0, n));
}

static void deserialize(rt_args *a) {
  size_t n = 0;
  void *p = rt_view_data(rt_arg(a, 0), &n);
  rt_val r = rt_deserialize(p, n);
  if (r) rt_return(a, r);
}

static void structured_clone(rt_args *a) {
  rt_val r = rt_structured_clone(rt_arg(a, 0));
  if (r) rt_return(a, r);
}

void rt_binding_init_serdes(rt_val e) {
  rt_set_method(e, "serialize", serialize);
  rt_set_method(e, "deserialize", deserialize);
  rt_set_method(e, "structuredClone", structured_clone);
  rt_serdes_install(e);
}
