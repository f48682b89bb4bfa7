/* repl_format.c — unit tests for devrun-repl's formatting and completion
 * helpers: RemoteObject -> util.inspect text (repl/inspect.c), syntax
 * highlighting (repl/highlight.c), and completion splitting and ranking
 * (repl/complete.c).  Expected strings are what Node's util.inspect prints
 * for the same values (recorded with node 20). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <locale.h>

#include "repl.h"

static char *fmt(const char *json, int color) {
  json_t *ro = json_loads(json, 0, NULL);
  dr_buf_t b = DR_BUF_INIT;
  assert_non_null(ro);
  repl_inspect_remote(&b, ro, color, 1);
  json_decref(ro);
  return dr_buf_detach(&b, NULL);
}

#define EXPECT(json, want)           \
  do {                               \
    char *got_ = fmt(json, 0);       \
    assert_string_equal(got_, want); \
    free(got_);                      \
  } while (0)

static void test_primitives(void **state) {
  EXPECT("{\"type\":\"number\",\"value\":3,\"description\":\"3\"}", "3");
  EXPECT("{\"type\":\"number\",\"unserializableValue\":\"-0\",\"description\":\"-0\"}", "-0");
  EXPECT("{\"type\":\"bigint\",\"unserializableValue\":\"12n\",\"description\":\"12n\"}", "12n");
  EXPECT("{\"type\":\"string\",\"value\":\"it's\"}", "\"it's\"");
  EXPECT("{\"type\":\"string\",\"value\":\"a\\nb\"}", "'a\\nb'");
  EXPECT("{\"type\":\"undefined\"}", "undefined");
  EXPECT("{\"type\":\"object\",\"subtype\":\"null\",\"value\":null}", "null");
  EXPECT("{\"type\":\"boolean\",\"value\":true}", "true");
  EXPECT("{\"type\":\"symbol\",\"description\":\"Symbol(x)\"}", "Symbol(x)");
  EXPECT("{\"type\":\"function\",\"description\":\"function add(a, b) { return a + b }\"}",
         "[Function: add]");
  EXPECT("{\"type\":\"function\",\"description\":\"class Point { }\"}", "[class Point]");
  EXPECT("{\"type\":\"function\",\"description\":\"async function go() {}\"}",
         "[AsyncFunction: go]");
}

static void test_previews(void **state) {
  /* ({a:1, b:"x", c:[1,2], d:{e:1}}) as Runtime.evaluate previews it */
  EXPECT(
      "{\"type\":\"object\",\"className\":\"Object\",\"description\":\"Object\",\"preview\":"
      "{\"type\":\"object\",\"description\":\"Object\",\"overflow\":false,\"properties\":["
      "{\"name\":\"a\",\"type\":\"number\",\"value\":\"1\"},"
      "{\"name\":\"b\",\"type\":\"string\",\"value\":\"x\"},"
      "{\"name\":\"c\",\"type\":\"object\",\"value\":\"Array(2)\",\"subtype\":\"array\"},"
      "{\"name\":\"my-key\",\"type\":\"object\",\"value\":\"Object\"}]}}",
      "{ a: 1, b: 'x', c: [Array], 'my-key': [Object] }");
  EXPECT(
      "{\"type\":\"object\",\"subtype\":\"array\",\"className\":\"Array\",\"description\":"
      "\"Array(3)\",\"preview\":{\"type\":\"object\",\"subtype\":\"array\",\"description\":"
      "\"Array(3)\",\"overflow\":false,\"properties\":[{\"name\":\"0\",\"type\":\"number\","
      "\"value\":\"1\"},{\"name\":\"1\",\"type\":\"number\",\"value\":\"2\"},{\"name\":\"2\","
      "\"type\":\"number\",\"value\":\"3\"}]}}",
      "[ 1, 2, 3 ]");
  EXPECT(
      "{\"type\":\"object\",\"subtype\":\"array\",\"description\":\"Array(0)\",\"preview\":"
      "{\"type\":\"object\",\"subtype\":\"array\",\"description\":\"Array(0)\",\"overflow\":"
      "false,\"properties\":[]}}",
      "[]");
  EXPECT(
      "{\"type\":\"object\",\"subtype\":\"map\",\"className\":\"Map\",\"description\":"
      "\"Map(1)\",\"preview\":{\"type\":\"object\",\"subtype\":\"map\",\"description\":"
      "\"Map(1)\",\"overflow\":false,\"properties\":[],\"entries\":[{\"key\":{\"type\":"
      "\"string\",\"description\":\"k\",\"overflow\":false,\"properties\":[]},\"value\":"
      "{\"type\":\"number\",\"description\":\"1\",\"overflow\":false,\"properties\":[]}}]}}",
      "Map(1) { 'k' => 1 }");
  EXPECT(
      "{\"type\":\"object\",\"subtype\":\"promise\",\"className\":\"Promise\",\"description\":"
      "\"Promise\",\"preview\":{\"type\":\"object\",\"subtype\":\"promise\",\"description\":"
      "\"Promise\",\"overflow\":false,\"properties\":[{\"name\":\"[[PromiseState]]\",\"type\":"
      "\"string\",\"value\":\"fulfilled\"},{\"name\":\"[[PromiseResult]]\",\"type\":\"number\","
      "\"value\":\"5\"}]}}",
      "Promise { 5 }");
  EXPECT(
      "{\"type\":\"object\",\"className\":\"Point\",\"description\":\"Point\",\"preview\":"
      "{\"type\":\"object\",\"description\":\"Point\",\"overflow\":false,\"properties\":"
      "[{\"name\":\"x\",\"type\":\"number\",\"value\":\"7\"}]}}",
      "Point { x: 7 }");
  EXPECT(
      "{\"type\":\"object\",\"subtype\":\"error\",\"className\":\"TypeError\",\"description\":"
      "\"TypeError: boom\\n    at f (a.js:1:1)\"}",
      "TypeError: boom\n    at f (a.js:1:1)");
}

static void test_color_and_width(void **state) {
  char *s = fmt("{\"type\":\"number\",\"value\":3,\"description\":\"3\"}", 1);
  assert_string_equal(s, "\033[33m3\033[39m");
  assert_int_equal(repl_text_width(s), 1);
  assert_int_equal(repl_strip_sgr(s), 1);
  assert_string_equal(s, "3");
  free(s);
  assert_int_equal(repl_text_width("h\xc3\xa9\xe4\xb8\xad"), 4); /* é is 1, 中 is 2 */
}

static void test_highlight(void **state) {
  dr_buf_t b = DR_BUF_INIT;
  const char *src = "const s = 'x' // c";
  repl_highlight(&b, src, strlen(src));
  assert_non_null(strstr(b.buf, SGR_KEYWORD "const"));
  assert_non_null(strstr(b.buf, SGR_STRING "'x'"));
  assert_non_null(strstr(b.buf, SGR_GREY "// c"));
  repl_strip_sgr(b.buf);
  assert_string_equal(b.buf, src); /* highlighting never changes the text */
  dr_buf_release(&b);
}

static void test_complete_split(void **state) {
  char *expr, *word;
  assert_true(repl_complete_split("foo.bar.ba", 10, &expr, &word));
  assert_string_equal(expr, "foo.bar");
  assert_string_equal(word, "ba");
  free(expr);
  free(word);
  assert_true(repl_complete_split("x = a[0].", 9, &expr, &word));
  assert_string_equal(expr, "a[0]");
  assert_string_equal(word, "");
  free(expr);
  free(word);
  assert_true(repl_complete_split("Math.ma", 7, &expr, &word));
  free(expr);
  free(word);
  assert_true(repl_complete_split("cons", 4, &expr, &word));
  assert_null(expr);
  assert_string_equal(word, "cons");
  free(word);
  assert_false(repl_complete_split("1.", 2, &expr, &word));   /* a number */
  assert_false(repl_complete_split("a).b", 4, &expr, &word)); /* unbalanced */
}

static void test_rank(void **state) {
  char *names[] = {"Map", "map", "flatMap", "mapValues", "__map", "other", "MAX"};
  repl_completion_t c;
  repl_rank(names, 7, "map", &c);
  assert_int_equal(c.n, 5);
  assert_string_equal(c.items[0], "map"); /* exact-case prefix */
  assert_string_equal(c.items[1], "mapValues");
  assert_string_equal(c.items[2], "Map");     /* case-insensitive prefix */
  assert_string_equal(c.items[3], "flatMap"); /* substring */
  assert_string_equal(c.items[4], "__map");   /* underscore names last */
  repl_completion_release(&c);
}

int main(void) {
  setlocale(LC_ALL, "C.UTF-8"); /* as devrun-repl does with the user's locale */
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_primitives),      cmocka_unit_test(test_previews),
      cmocka_unit_test(test_color_and_width), cmocka_unit_test(test_highlight),
      cmocka_unit_test(test_complete_split),  cmocka_unit_test(test_rank),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
