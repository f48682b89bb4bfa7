/* heap_graph.c — unit tests of heap/graph.c and heap/classes.c on a small
 * hand-made graph whose dominators, retained sizes and class aggregates are
 * worked out by hand (in the comments), under both rule sets.
 *
 *   root ─element→ (GC roots) ─→ global, Sys
 *   root ─shortcut "global"→ global            (global is the user root)
 *   global ─a→ A ─x→ C ─internal elements→ H (hidden, 16 B)
 *   global ─b→ B ─y→ C
 *   global ─weak w→ D                          (D has only a weak retainer)
 *   Sys ─p→ A                                  (Sys is reachable only from the GC roots)
 *
 * self sizes: global 10, A 100, B 200, C 300, D 50, Sys 40, H 16.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "heap_test.h"

static const char graph[] =
    "{\"snapshot\":" NODE20_META
    ",\n\"nodes\":["
    "9,1,1,0,2,0,0,"    /* 0 root */
    "9,2,3,0,2,0,0,"    /* 1 (GC roots) */
    "3,3,5,10,3,0,0,"   /* 2 global */
    "3,4,7,100,1,0,0,"  /* 3 A */
    "3,5,9,200,1,0,0,"  /* 4 B */
    "3,6,11,300,1,0,0," /* 5 C */
    "3,7,13,50,0,0,0,"  /* 6 D */
    "3,8,15,40,1,0,0,"  /* 7 Sys */
    "0,9,17,16,0,0,0"   /* 8 H */
    "],\n\"edges\":["
    "1,1,7, 5,3,14,"             /* root: [1] (GC roots), shortcut global */
    "1,1,14, 1,2,49,"            /* (GC roots): [1] global, [2] Sys */
    "2,10,21, 2,11,28, 6,12,42," /* global: a→A, b→B, weak w→D */
    "2,13,35,"                   /* A: x→C */
    "2,14,35,"                   /* B: y→C */
    "3,16,56,"                   /* C: elements→H */
    "2,15,21"                    /* Sys: p→A */
    "],\"trace_function_infos\":[],\"trace_tree\":[],\"samples\":[],\"locations\":[],\n"
    "\"strings\":[\"<dummy>\",\"\",\"(GC roots)\",\"global\",\"A\",\"B\",\"C\",\"D\",\"Sys\","
    "\"system / Internal\",\"a\",\"b\",\"w\",\"x\",\"y\",\"p\",\"elements\"]}";

enum { ROOT, GCROOTS, GLOBAL, A, B, C, D, SYS, H };

static uint64_t class_field(heap_snap_t *s, const char *name, int field) {
  uint32_t k;
  heap_class_agg_t *a = heap_classes_aggregate(s, &k);
  uint64_t v = UINT64_MAX;
  for (uint32_t i = 0; i < k; i++)
    if (!strcmp(s->class_names[a[i].cls], name))
      v = field == 0 ? a[i].count : field == 1 ? a[i].self_size : a[i].retained_size;
  free(a);
  return v;
}

/* DevTools: global is page-owned, Sys and (GC roots) are not, so the edges
 * Sys→A and (GC roots)→global do not count for dominators; H's 16 bytes move
 * to its single owner C (shallow-size reassignment). */
static void test_devtools_rules(void **state) {
  (void)state;
  heap_snap_t *s = test_parse(graph, HEAP_RULES_DEVTOOLS);
  assert_non_null(s);
  assert_int_equal(s->n, 9);
  assert_int_equal(s->m, 11);
  assert_int_equal(s->dom[GLOBAL], ROOT);
  assert_int_equal(s->dom[A], GLOBAL);
  assert_int_equal(s->dom[B], GLOBAL);
  assert_int_equal(s->dom[C], GLOBAL);
  assert_int_equal(s->dom[H], C);
  assert_int_equal(s->dom[D], ROOT); /* only a weak retainer */
  assert_int_equal(s->dom[SYS], GCROOTS);
  assert_int_equal(s->nself[C], 316);
  assert_int_equal(s->nself[H], 0);
  assert_int_equal(s->retained[C], 316);
  assert_int_equal(s->retained[GLOBAL], 10 + 100 + 200 + 316);
  assert_int_equal(s->retained[ROOT], 716);
  /* distances: global is a user root (1); system nodes are offset */
  assert_int_equal(s->dist[GLOBAL], 1);
  assert_int_equal(s->dist[A], 2);
  assert_int_equal(s->dist[C], 3);
  assert_int_equal(s->dist[H], 4);
  assert_int_equal(s->dist[ROOT], HEAP_SYSTEM_DISTANCE);
  assert_int_equal(s->dist[SYS], HEAP_SYSTEM_DISTANCE + 2);
  assert_int_equal(s->dist[D], HEAP_NO_DISTANCE);
  /* classes: (system) no longer counts (self 0) */
  assert_int_equal(class_field(s, "global", 2), 626);
  assert_int_equal(class_field(s, "C", 1), 316);
  assert_int_equal(class_field(s, "(system)", 0), UINT64_MAX);
  /* path to C: global --a--> A --x--> C */
  uint32_t p[8];
  int len = heap_path_to(s, C, p, 8);
  assert_int_equal(len, 3);
  dr_buf_t b = DR_BUF_INIT;
  heap_path_format(s, p, len, &b);
  assert_string_equal(b.buf, "global @5 --a--> A @7 --x--> C @11");
  dr_buf_release(&b);
  heap_snap_free(s);
}

/* memlab: everything reachable from the GC roots is flagged, so Sys→A
 * counts, A's and C's immediate dominator becomes the root, and nothing is
 * reassigned. */
static void test_memlab_rules(void **state) {
  (void)state;
  heap_snap_t *s = test_parse(graph, HEAP_RULES_MEMLAB);
  assert_non_null(s);
  assert_int_equal(s->dom[A], ROOT);
  assert_int_equal(s->dom[B], GLOBAL);
  assert_int_equal(s->dom[C], ROOT);
  assert_int_equal(s->dom[H], C);
  assert_int_equal(s->nself[C], 300);
  assert_int_equal(s->retained[C], 316);
  assert_int_equal(s->retained[GLOBAL], 210);
  assert_int_equal(s->retained[ROOT], 716);
  assert_int_equal(class_field(s, "(system)", 2), 16);
  assert_int_equal(class_field(s, "global", 2), 210);
  heap_snap_free(s);
}

/* A class's retained size counts only the topmost instance on each
 * dominator path: a chain X1 → X2 → X3 (each dominating the next) of class
 * X retains 3+2+1 but the class total is X1's retained size, 6. */
static void test_topmost_instance(void **state) {
  (void)state;
  static const char chain[] = "{\"snapshot\":" NODE20_META
                              ",\"nodes\":["
                              "9,1,1,0,1,0,0, 3,2,3,3,1,0,0, 3,2,5,2,1,0,0, 3,2,7,1,0,0,0],"
                              "\"edges\":[5,3,7, 2,4,14, 2,4,21],\"locations\":[],"
                              "\"strings\":[\"<dummy>\",\"\",\"X\",\"g\",\"next\"]}";
  heap_snap_t *s = test_parse(chain, HEAP_RULES_DEVTOOLS);
  assert_non_null(s);
  assert_int_equal(s->retained[1], 6);
  assert_int_equal(s->retained[2], 3);
  assert_int_equal(class_field(s, "X", 0), 3);
  assert_int_equal(class_field(s, "X", 1), 6);
  assert_int_equal(class_field(s, "X", 2), 6);
  heap_snap_free(s);
}

/* Class names: Function, RegExp, (string), "<div>" for "<div id=x>" and
 * "Detached ..." for detached native nodes (DevTools); "(closure)" and
 * "(regexp)" under the memlab rules. */
static void test_class_names(void **state) {
  (void)state;
  static const char names[] =
      "{\"snapshot\":" NODE20_META
      ",\"nodes\":["
      "9,1,1,0,5,0,0, 5,2,3,8,0,0,0, 6,3,5,8,0,0,0, 2,4,7,8,0,0,0, 8,5,9,8,0,0,1, 8,6,11,8,0,0,2],"
      "\"edges\":[5,7,7, 5,7,14, 5,7,21, 5,7,28, 5,7,35],\"locations\":[],"
      "\"strings\":[\"<dummy>\",\"\",\"f\",\"/re/\",\"str\",\"<div id=x>\",\"Node / Foo\",\"k\"]}";
  heap_snap_t *s = test_parse(names, HEAP_RULES_DEVTOOLS);
  assert_non_null(s);
  assert_string_equal(heap_class_name(s, 1), "Function");
  assert_string_equal(heap_class_name(s, 2), "RegExp");
  assert_string_equal(heap_class_name(s, 3), "(string)");
  assert_string_equal(heap_class_name(s, 4), "<div>");
  assert_string_equal(heap_class_name(s, 5), "Detached Node / Foo");
  heap_snap_free(s);
  s = test_parse(names, HEAP_RULES_MEMLAB);
  assert_non_null(s);
  assert_string_equal(heap_class_name(s, 1), "(closure)");
  assert_string_equal(heap_class_name(s, 2), "(regexp)");
  assert_string_equal(heap_class_name(s, 4), "<div id=x>");
  heap_snap_free(s);
}

/* Plain Objects sharing a shape get an interface name "{a, b}" once at
 * least two share it. */
static void test_interfaces(void **state) {
  (void)state;
  static const char objs[] =
      "{\"snapshot\":" NODE20_META
      ",\"nodes\":["
      "9,1,1,0,3,0,0, 3,2,3,8,2,0,0, 3,2,5,8,2,0,0, 3,2,7,8,1,0,0, 7,5,9,8,0,0,0],"
      "\"edges\":[5,6,7, 5,6,14, 5,6,21, 2,3,28, 2,4,28, 2,3,28, 2,4,28, 2,3,28],"
      "\"locations\":[],"
      "\"strings\":[\"<dummy>\",\"\",\"Object\",\"a\",\"b\",\"n\",\"k\"]}";
  heap_snap_t *s = test_parse(objs, HEAP_RULES_DEVTOOLS);
  assert_non_null(s);
  assert_string_equal(heap_class_name(s, 1), "{a, b}");
  assert_string_equal(heap_class_name(s, 2), "{a, b}");
  assert_string_equal(heap_class_name(s, 3), "Object"); /* {a} is seen once */
  heap_snap_free(s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_devtools_rules),   cmocka_unit_test(test_memlab_rules),
      cmocka_unit_test(test_topmost_instance), cmocka_unit_test(test_class_names),
      cmocka_unit_test(test_interfaces),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
