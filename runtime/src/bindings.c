/* bindings.c — internalBinding(name): the table of native bindings.
 *
 * Each binding lives in its own binding_<name>.c with an init function that
 * fills an exports object; RT_BINDINGS in runtime.h lists them all.  To add
 * one: write binding_foo.c with rt_binding_init_foo(), add XX(foo) to
 * RT_BINDINGS.  Bindings are created on first use and cached.
 */
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

typedef struct {
  const char *name;
  void (*init)(rt_val exports);
  rt_ref *cache;
} binding;

static binding table[] = {
#define XX(n) {#n, rt_binding_init_##n, NULL},
    RT_BINDINGS(XX)
#undef XX
};

rt_val rt_internal_binding(const char *name) {
  for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
    if (strcmp(table[i].name, name) != 0) continue;
    if (!table[i].cache) {
      rt_val exports = rt_object();
      table[i].init(exports);
      table[i].cache = rt_ref_new(exports);
      return exports;
    }
    return rt_ref_get(table[i].cache);
  }
  return rt_throw_error("No such binding: %s", name);
}

void rt_internal_binding_fn(rt_args *a) {
  char *name = RT_ARG_STR(a, 0);
  rt_val r = rt_internal_binding(name);
  free(name);
  if (r) rt_return(a, r);
}
