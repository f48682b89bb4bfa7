/* heap_gc.c — unit tests of heap/gctrace.c: the three trace formats, pause
 * percentiles, minimum mutator utilization and the leak verdict. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "devrun/err.h"
#include "heap.h"

static json_t *stats_of(const char *text, heap_gc_trace_t *t) {
  dr_buf_t err = DR_BUF_INIT;
  memset(t, 0, sizeof *t);
  int rc = heap_gc_parse(text, strlen(text), t, &err);
  if (rc < 0) fail_msg("parse: %s", err.buf);
  dr_buf_release(&err);
  return heap_gc_stats(t);
}

static json_t *type_row(json_t *st, const char *type) {
  size_t i;
  json_t *x;
  json_array_foreach(json_object_get(st, "types"), i, x) {
    if (!strcmp(json_string_value(json_object_get(x, "type")), type)) return x;
  }
  fail_msg("no type %s", type);
  return NULL;
}

static void test_trace_gc(void **state) {
  (void)state;
  const char *text =
      "hello from the app\n"
      "[1:0x55]       36 ms: Scavenge 4.1 (4.8) -> 3.6 (5.8) MB, 1.00 / 0.00 ms  (average mu = "
      "1.000, current mu = 1.000) allocation failure; \n"
      "[1:0x55]      100 ms: Scavenge 5.1 (6.8) -> 4.6 (6.8) MB, 3.00 / 0.00 ms  (average mu = "
      "1.000, current mu = 0.970) allocation failure; \n"
      "[1:0x55]      200 ms: Mark-Compact (reduce) 40.2 (73.4) -> 33.0 (73.9) MB, 7.12 / 0.00 ms  "
      "(+ 9.5 ms in 121 steps since start of marking, biggest step 0.3 ms, walltime since start of "
      "marking 50 ms) (average mu = 0.977, current mu = 0.958) finalize incremental marking via "
      "stack guard; GC in old space requested\n";
  heap_gc_trace_t t;
  json_t *st = stats_of(text, &t);
  assert_int_equal(t.n, 3);
  assert_int_equal(t.skipped, 1);
  assert_string_equal(t.ev[2].type, "mark-compact");
  assert_true(t.ev[2].after_used == 33.0 * 1024 * 1024);
  assert_true(t.ev[2].before_committed == 73.4 * 1024 * 1024);
  assert_true(t.ev[1].mutator_util == 0.970);
  assert_string_equal(json_string_value(json_object_get(st, "format")), "trace-gc");
  json_t *sc = type_row(st, "scavenge");
  assert_int_equal(json_integer_value(json_object_get(sc, "count")), 2);
  assert_true(json_real_value(json_object_get(sc, "p50_ms")) == 1.0);
  assert_true(json_real_value(json_object_get(sc, "max_ms")) == 3.0);
  /* 3 full GCs are needed for a trend */
  assert_false(json_is_true(json_object_get(st, "leak_suspected")));
  assert_non_null(strstr(json_string_value(json_object_get(st, "verdict")), "not enough"));
  json_decref(st);
  heap_gc_release(&t);
}

static void test_nvp(void **state) {
  (void)state;
  const char *text =
      "[7:0x1]       44 ms: pause=8.7 mutator=0.1 gc=mc reduce_memory=0 total_size_before=4000000 "
      "total_size_after=3000000 promotion_rate=10.0%\n"
      "[7:0x1]       90 ms: pause=0.5 mutator=40.0 gc=s reduce_memory=0 total_size_before=5000000 "
      "total_size_after=3500000\n"
      "[7:0x1]      120 ms: pause=0.4 mutator=30.0 gc=mmc total_size_before=5000000 "
      "total_size_after=3600000\n";
  heap_gc_trace_t t;
  json_t *st = stats_of(text, &t);
  assert_int_equal(t.n, 3);
  assert_string_equal(t.ev[0].type, "mark-compact");
  assert_string_equal(t.ev[1].type, "scavenge");
  assert_string_equal(t.ev[2].type, "minor-mark-compact");
  assert_true(t.ev[0].after_used == 3000000);
  assert_true(t.ev[0].duration_ms == 8.7);
  assert_string_equal(json_string_value(json_object_get(st, "format")), "trace-gc-nvp");
  json_decref(st);
  heap_gc_release(&t);
}

/* JSON lines: old space after each full GC rises 1 MB every 6 s for a
 * minute: 10 MB/min, a leak.  A flat series is not. */
static void test_jsonl_trend(void **state) {
  (void)state;
  dr_buf_t b = DR_BUF_INIT, flat = DR_BUF_INIT;
  for (int i = 0; i <= 10; i++) {
    double t = i * 6000.0, old = (20.0 + i) * 1048576.0;
    dr_buf_addf(
        &b,
        "{\"type\":\"scavenge\",\"start_ms\":%.1f,\"duration_ms\":1.5,\"after\":{\"used\":1}}\n",
        t + 3000);
    dr_buf_addf(
        &b,
        "{\"type\":\"mark-compact\",\"start_ms\":%.1f,\"duration_ms\":10,"
        "\"before\":{\"used\":%.0f,\"committed\":1},\"after\":{\"used\":%.0f,\"committed\":1,"
        "\"spaces\":{\"old_space\":{\"used\":%.0f,\"committed\":1}}},\"external\":0}\n",
        t, old * 2, old * 1.5, old);
    dr_buf_addf(&flat,
                "{\"type\":\"mark-compact\",\"start_ms\":%.1f,\"duration_ms\":10,"
                "\"after\":{\"used\":%.0f}}\n",
                t, 20.0 * 1048576.0 + (i % 2) * 1000);
  }
  heap_gc_trace_t t;
  json_t *st = stats_of(b.buf, &t);
  assert_int_equal(t.n, 22);
  assert_string_equal(json_string_value(json_object_get(st, "format")), "gc-trace-json");
  json_t *tr = json_object_get(st, "trend");
  assert_string_equal(json_string_value(json_object_get(tr, "metric")), "old_space_used");
  double slope = json_real_value(json_object_get(tr, "slope_bytes_per_min"));
  assert_true(slope > 10.0 * 1048576 - 1 && slope < 10.0 * 1048576 + 1);
  assert_true(json_is_true(json_object_get(st, "leak_suspected")));
  assert_string_equal(json_string_value(json_object_get(st, "verdict")),
                      "old space grows 10.0 MB/min after full GCs over 1 min: likely leak");
  /* time in GC: 11 × 10 ms + 11 × 1.5 ms */
  assert_true(json_real_value(json_object_get(st, "gc_time_ms")) == 126.5);
  json_decref(st);
  heap_gc_release(&t);
  st = stats_of(flat.buf, &t);
  assert_false(json_is_true(json_object_get(st, "leak_suspected")));
  assert_non_null(strstr(json_string_value(json_object_get(st, "verdict")), "no sign of a leak"));
  json_decref(st);
  heap_gc_release(&t);
  dr_buf_release(&b);
  dr_buf_release(&flat);
}

/* MMU: one 20 ms pause at 100 ms in a 1 s trace: the worst 10 ms and 20 ms
 * windows are fully paused (0), the worst 50 ms window is 60% mutator. */
static void test_mmu(void **state) {
  (void)state;
  const char *text =
      "{\"type\":\"scavenge\",\"start_ms\":100,\"duration_ms\":20}\n"
      "{\"type\":\"scavenge\",\"start_ms\":990,\"duration_ms\":10}\n";
  heap_gc_trace_t t;
  json_t *st = stats_of(text, &t);
  size_t i;
  json_t *x;
  int seen = 0;
  json_array_foreach(json_object_get(st, "mmu"), i, x) {
    double w = json_real_value(json_object_get(x, "window_ms")),
           u = json_real_value(json_object_get(x, "mmu"));
    if (w == 10) {
      assert_true(u == 0);
      seen++;
    }
    if (w == 50) {
      assert_true(u > 0.599 && u < 0.601);
      seen++;
    }
  }
  assert_int_equal(seen, 2);
  json_decref(st);
  heap_gc_release(&t);
}

static void test_rejects_non_trace(void **state) {
  (void)state;
  heap_gc_trace_t t = {0};
  dr_buf_t err = DR_BUF_INIT;
  const char *text = "just some log\n{\"not\":\"a gc\"}\n[x] nope\n";
  assert_int_equal(heap_gc_parse(text, strlen(text), &t, &err), DR_EFORMAT);
  assert_non_null(strstr(err.buf, "no GC events found in 3 lines"));
  heap_gc_release(&t);
  dr_buf_release(&err);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_trace_gc),          cmocka_unit_test(test_nvp),
      cmocka_unit_test(test_jsonl_trend),       cmocka_unit_test(test_mmu),
      cmocka_unit_test(test_rejects_non_trace),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
