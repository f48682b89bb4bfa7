/* builtins.c — compiling embedded builtin modules (runtime/lib, all .js files).
 *
 * Builtins are compiled lazily, on first require, as functions with the
 * parameters (exports, require, module, process, internalBinding) and the
 * resource name "node:<id>" so stacks read like Node's.  The table comes from
 * tools/js2c.py; binary search needs it sorted, which js2c guarantees.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "runtime.h"

static const char *const params[] = {"exports", "require", "module", "process", "internalBinding"};

static const rt_builtin_source *find(const char *id) {
  size_t lo = 0, hi = rt_builtin_count;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(rt_builtin_sources[mid].id, id);
    if (c == 0) return &rt_builtin_sources[mid];
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}

bool rt_builtin_exists(const char *id) { return find(id) != NULL; }

rt_val rt_builtin_compile(const char *id) {
  const rt_builtin_source *b = find(id);
  if (!b) return rt_throw_error("No such built-in module: %s", id);
  rt_val src = rt_string_n((const char *)b->data, b->len);
  if (!src) return NULL;
  char name[256];
  snprintf(name, sizeof name, "node:%s", id);
  return rt_compile_function(src, rt_string(name), 5, params, NULL, 0, NULL);
}

static void compile(rt_args *a) {
  char *id = RT_ARG_STR(a, 0);
  rt_val fn = rt_builtin_compile(id);
  free(id);
  if (fn) rt_return(a, fn);
}

static void exists(rt_args *a) {
  char *id = RT_ARG_STR(a, 0);
  rt_return_bool(a, rt_builtin_exists(id));
  free(id);
}

static void list(rt_args *a) {
  rt_val arr = rt_array(0);
  uint32_t k = 0;
  for (size_t i = 0; i < rt_builtin_count; i++)
    rt_set_i(arr, k++, rt_string(rt_builtin_sources[i].id));
  rt_return(a, arr);
}

void rt_binding_init_builtins(rt_val exports) {
  rt_set_method(exports, "compile", compile);
  rt_set_method(exports, "exists", exists);
  rt_set_method(exports, "list", list);
}
