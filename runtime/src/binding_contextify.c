/* binding_contextify.c — internalBinding('contextify'): compiling CommonJS
 * wrappers (compileFunction) and scripts (vm.runInThisContext/NewContext). */
#include <stdlib.h>

#include "runtime.h"

static void compile_function(rt_args *a) {
  rt_val params = rt_arg(a, 2);
  uint32_t n = rt_is_array(params) ? rt_array_length(params) : 0;
  if (n > 16) n = 16;
  char *ps[16];
  for (uint32_t i = 0; i < n; i++) ps[i] = rt_to_utf8(rt_get_i(params, i), NULL);
  rt_val fn = rt_compile_function(rt_arg(a, 0), rt_arg(a, 1), (int)n, (const char *const *)ps,
                                  NULL, 0, NULL);
  for (uint32_t i = 0; i < n; i++) free(ps[i]);
  if (fn) rt_return(a, fn);
}

static void run_in_this_context(rt_args *a) {
  rt_val r = rt_run_script(rt_arg(a, 0), rt_arg(a, 1));
  if (r) rt_return(a, r);
}

static void run_in_new_context(rt_args *a) {
  rt_val r = rt_run_in_new_context(rt_arg(a, 0), rt_arg(a, 1), rt_arg(a, 2));
  if (r) rt_return(a, r);
}

void rt_binding_init_contextify(rt_val e) {
  rt_set_method(e, "compileFunction", compile_function);
  rt_set_method(e, "runInThisContext", run_in_this_context);
  rt_set_method(e, "runInNewContext", run_in_new_context);
}
