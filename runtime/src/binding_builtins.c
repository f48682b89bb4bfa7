/* binding_builtins.c — compiling embedded builtin modules (runtime/lib, all
 * .js files), with V8's code cache.
 *
 * Builtins are compiled lazily, on first require, as functions with the
 * parameters (exports, require, module, process, internalBinding) and the
 * resource name "node:<id>" so stacks read like Node's.  The table comes from
 * tools/js2c.py, sorted by id for binary search.
 *
 * Code cache: after the build, `devrun-js --build-code-cache=FILE` runs a
 * warm-up that loads the builtins and writes V8's code cache for each of them
 * to build/bin/devrun-js.cache.  At start-up the runtime reads that file if it
 * sits next to the binary and was made from the same builtin sources (the
 * js2c digest) and the same V8; otherwise it compiles from source as usual.
 * The cache holds compiled code, never JavaScript source.
 *
 * File format: "DRCC1\n", the 32-character source digest, the V8 version
 * (NUL-terminated), a u32 entry count, then per entry: u32 id length, id,
 * u32 data length, data.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builtins.h"
#include "devrun/buf.h"
#include "devrun/util.h"
#include "runtime.h"

static const char *const params[] = {"exports", "require", "module", "process", "internalBinding"};

typedef struct {
  const unsigned char *data;
  size_t len;
} cache_entry;

static cache_entry *cache;     /* indexed like rt_builtin_sources, or NULL */
static unsigned char *cache_file;
static _Thread_local bool dumping;
static _Thread_local rt_ref **compiled;      /* with --build-code-cache: every compiled function */

static long find_index(const char *id) {
  size_t lo = 0, hi = rt_builtin_count;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(rt_builtin_sources[mid].id, id);
    if (c == 0) return (long)mid;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return -1;
}

bool rt_builtin_exists(const char *id) { return find_index(id) >= 0; }

static uint32_t rd32(const unsigned char *p) {
  uint32_t v;
  memcpy(&v, p, 4);
  return v;
}

void rt_code_cache_load(const char *exe_path) {
  char path[4096];
  snprintf(path, sizeof path, "%s.cache", exe_path);
  dr_buf_t b = DR_BUF_INIT;
  if (dr_buf_read_file(&b, path) < 0) {
    dr_buf_release(&b);
    return;
  }
  const unsigned char *p = (const unsigned char *)b.buf, *end = p + b.len;
  const char *v8 = rt_engine_v8_version();
  size_t v8len = strlen(v8) + 1;
  if (b.len < 6 + 32 + v8len + 4 || memcmp(p, "DRCC1\n", 6) || memcmp(p + 6, rt_builtin_hash, 32) ||
      memcmp(p + 38, v8, v8len)) {
    dr_buf_release(&b);
    return;
  }
  p += 38 + v8len;
  uint32_t n = rd32(p);
  p += 4;
  cache = dr_calloc(rt_builtin_count, sizeof *cache);
  for (uint32_t i = 0; i < n; i++) {
    if (end - p < 4) break;
    uint32_t idlen = rd32(p);
    p += 4;
    if ((size_t)(end - p) < (size_t)idlen + 4 || idlen > 255) break;
    char id[256];
    memcpy(id, p, idlen);
    id[idlen] = 0;
    p += idlen;
    uint32_t len = rd32(p);
    p += 4;
    if ((size_t)(end - p) < len) break;
    long k = find_index(id);
    if (k >= 0) cache[k] = (cache_entry){p, len};
    p += len;
  }
  cache_file = (unsigned char *)dr_buf_detach(&b, NULL);
}

rt_val rt_builtin_compile(const char *id) {
  long k = find_index(id);
  if (k < 0) return rt_throw_error("No such built-in module: %s", id);
  const rt_builtin_source *b = &rt_builtin_sources[k];
  rt_val src = rt_string_n((const char *)b->data, b->len);
  if (!src) return NULL;
  char name[256];
  snprintf(name, sizeof name, "node:%s", id);
  const void *cd = cache && !dumping ? cache[k].data : NULL;
  size_t cdlen = cache && !dumping ? cache[k].len : 0;
  rt_val fn = rt_compile_function(src, rt_string(name), 5, params, cd, cdlen, NULL);
  if (fn && dumping) {
    if (!compiled) compiled = dr_calloc(rt_builtin_count, sizeof *compiled);
    if (!compiled[k]) compiled[k] = rt_ref_new(fn);
  }
  return fn;
}

void rt_code_cache_start_dump(void) { dumping = true; }

static void put32(FILE *f, uint32_t v) { fwrite(&v, 4, 1, f); }

int rt_code_cache_write(const char *path) {
  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s.tmp", path);
  FILE *f = fopen(tmp, "wb");
  if (!f) return dr_error("cannot write '%s'", tmp);
  uint32_t n = 0;
  for (size_t i = 0; compiled && i < rt_builtin_count; i++) n += compiled[i] != NULL;
  fwrite("DRCC1\n", 1, 6, f);
  fwrite(rt_builtin_hash, 1, 32, f);
  fwrite(rt_engine_v8_version(), 1, strlen(rt_engine_v8_version()) + 1, f);
  put32(f, n);
  rt_scope *s = rt_scope_open();
  for (size_t i = 0; compiled && i < rt_builtin_count; i++) {
    if (!compiled[i]) continue;
    size_t len = 0;
    void *data = rt_function_code_cache(rt_ref_get(compiled[i]), &len);
    const char *id = rt_builtin_sources[i].id;
    put32(f, (uint32_t)strlen(id));
    fwrite(id, 1, strlen(id), f);
    put32(f, (uint32_t)(data ? len : 0));
    if (data) fwrite(data, 1, len, f);
    free(data);
  }
  rt_scope_close(s);
  if (fclose(f) != 0 || rename(tmp, path) != 0) return dr_error("cannot write '%s'", path);
  return 0;
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
