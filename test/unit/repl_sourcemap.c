/* repl_sourcemap.c — unit tests for source maps (repl/sourcemap.c):
 * VLQ decoding, both lookups, sourceRoot, inline data: URLs, bad maps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "devrun/err.h"
#include "sourcemap.h"

/* Line 0 of app.js: nothing; line 1 col 0 -> a.ts 0:0, col 9 -> a.ts 0:16
 * ("AASgB" = +9 col, same src, same line, +16 col); line 2 -> b.ts 4:2 (src +1,
 * line +4, col -14: "ACId"). */
static const char map[] =
    "{\"version\":3,\"sourceRoot\":\"src\",\"sources\":[\"a.ts\",\"b.ts\"],"
    "\"sourcesContent\":[\"let a: number = 1;\",null],\"names\":[],"
    "\"mappings\":\";AAAA,SAAgB;ACId\"}";

static void test_lookups(void **state) {
  repl_srcmap_t *m;
  long src;
  int line, col, gl, gc;
  assert_int_equal(repl_srcmap_parse(map, strlen(map), &m), 0);
  assert_int_equal(repl_srcmap_nsources(m), 2);
  assert_string_equal(repl_srcmap_source(m, 0), "src/a.ts");
  assert_string_equal(repl_srcmap_content(m, 0), "let a: number = 1;");
  assert_int_equal(repl_srcmap_find_source(m, "a.ts"), 0);
  assert_int_equal(repl_srcmap_find_source(m, "src/b.ts"), 1);
  assert_int_equal(repl_srcmap_find_source(m, "x.ts"), -1);
  assert_int_equal(repl_srcmap_original(m, 1, 3, &src, &line, &col), 0);
  assert_int_equal(src, 0);
  assert_int_equal(line, 0);
  assert_int_equal(col, 0);
  assert_int_equal(repl_srcmap_original(m, 1, 12, &src, &line, &col), 0);
  assert_int_equal(col, 16);
  assert_int_equal(repl_srcmap_original(m, 2, 0, &src, &line, &col), 0);
  assert_int_equal(src, 1);
  assert_int_equal(line, 4);
  assert_int_equal(col, 2);
  assert_int_equal(repl_srcmap_original(m, 0, 0, &src, &line, &col), -1);
  assert_int_equal(repl_srcmap_generated(m, 1, 4, &gl, &gc), 0);
  assert_int_equal(gl, 2);
  assert_int_equal(gc, 0);
  assert_int_equal(repl_srcmap_generated(m, 0, 0, &gl, &gc), 0);
  assert_int_equal(gl, 1);
  assert_int_equal(gc, 0);
  assert_int_equal(repl_srcmap_generated(m, 1, 9, &gl, &gc), -1);
  repl_srcmap_free(m);
}

static void test_data_url(void **state) {
  /* {"version":3,"sources":["x.ts"],"mappings":"AAAA"} in base64 */
  const char *url =
      "data:application/json;charset=utf-8;base64,"
      "eyJ2ZXJzaW9uIjozLCJzb3VyY2VzIjpbIngudHMiXSwibWFwcGluZ3MiOiJBQUFBIn0=";
  repl_srcmap_t *m;
  long src;
  int line, col;
  assert_int_equal(repl_srcmap_load(url, "file:///tmp/x.js", &m), 0);
  assert_string_equal(repl_srcmap_source(m, 0), "x.ts");
  assert_int_equal(repl_srcmap_original(m, 0, 0, &src, &line, &col), 0);
  repl_srcmap_free(m);
  assert_int_equal(repl_srcmap_load("http://h/x.map", "file:///tmp/x.js", &m), DR_EUNSUPPORTED);
  assert_true(repl_srcmap_load("missing.map", "file:///nonexistent/x.js", &m) < 0);
}

static void test_bad_maps(void **state) {
  const char *bad[] = {
      "{",
      "{\"version\":2,\"sources\":[],\"mappings\":\"\"}",
      "{\"version\":3,\"sources\":[\"a\"],\"mappings\":\"A!AA\"}",
      "{\"version\":3,\"sources\":[\"a\"],\"mappings\":\"AAAAAA\"}", /* 6 fields */
      "{\"version\":3,\"sources\":[\"a\"],\"mappings\":\"ACAA\"}",   /* source 1 of 1 */
      "{\"version\":3,\"sources\":[\"a\"],\"mappings\":\"AAAD\"}",   /* column -1 */
      "{\"version\":3,\"sources\":[\"a\"],\"mappings\":\"g\"}",      /* truncated VLQ */
  };
  for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
    repl_srcmap_t *m = (repl_srcmap_t *)1;
    assert_int_equal(repl_srcmap_parse(bad[i], strlen(bad[i]), &m), DR_EFORMAT);
    assert_null(m);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_lookups),
      cmocka_unit_test(test_data_url),
      cmocka_unit_test(test_bad_maps),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
