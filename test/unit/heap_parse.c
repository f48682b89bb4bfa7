/* heap_parse.c — unit tests of heap/snapshot.c: field layouts come from
 * snapshot.meta, strings are unescaped, and malformed or truncated input is
 * rejected with the byte offset where it went wrong (never a crash: every
 * prefix of a valid snapshot is tried). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "devrun/err.h"
#include "heap_test.h"

static const char small[] =
    "{\"snapshot\":" NODE20_META
    ",\n\"nodes\":[9,1,1,0,1,0,0\n,3,2,3,24,1,0,0\n,2,3,5,16,0,0,0],\n"
    "\"edges\":[5,4,7\n,2,5,14],\n\"trace_function_infos\":[],\"trace_tree\":[],\"samples\":[],"
    "\"locations\":[7,1,10,4],\n\"strings\":[\"<dummy>\",\"\",\"Foo\",\"caf\\u00e9 "
    "\\ud83d\\ude00\","
    "\"g\",\"s\\n\\\"q\\\"\"]}";

static void test_small(void **state) {
  (void)state;
  heap_snap_t *s = test_parse(small, HEAP_RULES_DEVTOOLS);
  assert_non_null(s);
  assert_int_equal(s->n, 3);
  assert_int_equal(s->m, 2);
  assert_int_equal(s->n_node_types, 16);
  assert_string_equal(s->node_types[15], "wasm object");
  assert_int_equal(s->ntype[1], T_OBJECT);
  assert_string_equal(heap_node_name(s, 1), "Foo");
  assert_int_equal(s->nid[2], 5);
  assert_int_equal(s->nself[2], 16);
  assert_int_equal(s->eto[1], 2);
  assert_string_equal(heap_str(s, 3), "caf\xc3\xa9 \xf0\x9f\x98\x80");
  assert_string_equal(heap_str(s, 5), "s\n\"q\"");
  /* the location (script 1, line 10) split Foo's class key; the arrays are
   * freed once the classes are built */
  assert_null(s->nloc);
  assert_int_equal(s->retained[0], 40);
  heap_snap_free(s);
}

/* Newer V8 drops trace_node_id (stride 6) and fields may come in any
 * order: only meta says where they are. */
static void test_meta_layout(void **state) {
  (void)state;
  static const char six[] =
      "{\"snapshot\":{\"meta\":{\"node_fields\":[\"id\",\"type\",\"edge_count\",\"name\","
      "\"self_size\",\"detachedness\"],\"node_types\":[\"number\",[\"hidden\",\"array\",\"string\","
      "\"object\",\"code\",\"closure\",\"regexp\",\"number\",\"native\",\"synthetic\"],\"number\","
      "\"string\",\"number\",\"number\"],\"edge_fields\":[\"to_node\",\"type\",\"name_or_index\"],"
      "\"edge_types\":[\"node\",[\"context\",\"element\",\"property\",\"internal\",\"hidden\","
      "\"shortcut\",\"weak\"],\"string_or_number\"]}},"
      "\"nodes\":[1,9,1,1,0,0, 3,3,0,2,24,0],\"edges\":[6,5,3],"
      "\"strings\":[\"<dummy>\",\"\",\"Bar\",\"g\"]}";
  heap_snap_t *s = test_parse(six, HEAP_RULES_DEVTOOLS);
  assert_non_null(s);
  assert_int_equal(s->n, 2);
  assert_int_equal(s->nid[1], 3);
  assert_int_equal(s->ntype[1], T_OBJECT);
  assert_string_equal(heap_node_name(s, 1), "Bar");
  assert_int_equal(s->nself[1], 24);
  assert_int_equal(s->eto[0], 1);
  assert_int_equal(s->etype[0], E_SHORTCUT);
  assert_int_equal(s->retained[0], 24);
  assert_int_equal(s->n_node_types, 10);
  heap_snap_free(s);
}

static void expect_error(const char *json, int code, const char *needle, long offset) {
  dr_buf_t err = DR_BUF_INIT;
  int rc = test_parse_error(json, strlen(json), &err);
  if (rc != code || !strstr(err.buf, needle))
    fail_msg("expected %d '%s', got %d '%s'", code, needle, rc, err.buf);
  if (offset >= 0) {
    char at[48];
    snprintf(at, sizeof at, "at byte %ld", offset);
    if (!strstr(err.buf, at)) fail_msg("expected '%s' in '%s'", at, err.buf);
  }
  dr_buf_release(&err);
}

static void test_errors(void **state) {
  (void)state;
  char buf[sizeof small + 64];
  const char *p;
  /* a letter inside the nodes array, reported where it is */
  strcpy(buf, small);
  p = strstr(buf, "3,2,3,24");
  buf[p - buf + 2] = 'x';
  expect_error(buf, DR_EFORMAT, "expected a non-negative integer", (long)(p - buf + 2));
  /* to_node that is not a multiple of the node field count */
  strcpy(buf, small);
  p = strstr(buf, "5,4,7");
  buf[p - buf + 4] = '8';
  expect_error(buf, DR_EFORMAT, "multiple of the node field count", (long)(p - buf + 4));
  /* an unknown node type */
  strcpy(buf, small);
  p = strstr(buf, "3,2,3,24");
  memcpy(buf + (p - buf), "99", 2);
  expect_error(buf, DR_EFORMAT, "node type", (long)(p - buf));
  /* counts that do not add up */
  strcpy(buf, small);
  p = strstr(buf, "3,2,3,24,1");
  buf[p - buf + 9] = '2';
  expect_error(buf, DR_EFORMAT, "edge", -1);
  /* meta without edge_count */
  strcpy(buf, small);
  p = strstr(buf, "\"edge_count\",");
  memcpy(buf + (p - buf), "\"edge_xount\"", 12);
  expect_error(buf, DR_EFORMAT, "lacks \"edge_count\"", -1);
  /* a bad escape */
  strcpy(buf, small);
  p = strstr(buf, "\\u00e9");
  buf[p - buf + 1] = 'q';
  expect_error(buf, DR_EFORMAT, "valid escape", (long)(p - buf));
  /* not a snapshot at all */
  expect_error("[1,2,3]", DR_EFORMAT, "expected '{'", 0);
  expect_error("{\"nodes\":[1]}", DR_EFORMAT, "missing \"edges\"", -1);
  /* garbage after the end */
  snprintf(buf, sizeof buf, "%s x", small);
  expect_error(buf, DR_EFORMAT, "unexpected data after", (long)strlen(small) + 1);
}

/* Every prefix of a valid snapshot is rejected as truncated (or malformed),
 * never accepted, never a crash. */
static void test_truncated(void **state) {
  (void)state;
  size_t n = strlen(small);
  dr_buf_t err = DR_BUF_INIT;
  for (size_t len = 0; len < n; len++) {
    char *copy = malloc(len + 1); /* exact size: ASan catches overreads */
    memcpy(copy, small, len);
    int rc = test_parse_error(copy, len, &err);
    if (rc >= 0) fail_msg("prefix of %zu bytes accepted", len);
    if (!strstr(err.buf, "at byte")) fail_msg("no byte offset for prefix %zu: %s", len, err.buf);
    free(copy);
  }
  /* the last byte missing: truncated at the end of the input */
  int rc = test_parse_error(small, n - 1, &err);
  assert_int_equal(rc, DR_ETRUNC);
  char at[48];
  snprintf(at, sizeof at, "at byte %zu", n - 1);
  assert_non_null(strstr(err.buf, at));
  dr_buf_release(&err);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_small),
      cmocka_unit_test(test_meta_layout),
      cmocka_unit_test(test_errors),
      cmocka_unit_test(test_truncated),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
