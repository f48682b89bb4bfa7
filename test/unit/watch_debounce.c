/* watch_debounce.c — unit tests for the debounce batch (watch/debounce.c)
 * and the path map under it (watch/pathmap.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "watch.h"

static void test_quiet_period_restarts(void **state) {
  watch_debounce_t d;
  watch_debounce_init(&d, 50);
  assert_int_equal(watch_debounce_remaining(&d, 0), -1);
  watch_debounce_add(&d, "/r/a.js", WATCH_EV_CHANGE, 1000);
  assert_int_equal(watch_debounce_remaining(&d, 1010), 40);
  watch_debounce_add(&d, "/r/a.js", WATCH_EV_CHANGE, 1030); /* truncate then write */
  assert_int_equal(watch_debounce_remaining(&d, 1050), 30); /* not due at 1050 */
  watch_debounce_add(&d, "/r/b.js", WATCH_EV_CHANGE, 1070);
  assert_int_equal(watch_debounce_remaining(&d, 1100), 20);
  assert_int_equal(watch_debounce_remaining(&d, 1120), 0);
  assert_int_equal(watch_debounce_remaining(&d, 5000), 0);
  watch_pathmap_t batch;
  watch_debounce_take(&d, &batch);
  assert_int_equal(batch.len, 2);
  assert_int_equal(watch_debounce_remaining(&d, 5000), -1);
  watch_pathmap_release(&batch, NULL);
  watch_debounce_release(&d);
}

static void test_max_wait(void **state) {
  watch_debounce_t d;
  watch_debounce_init(&d, 50);
  assert_int_equal(d.max_ms, 1000);
  /* an event every 10 ms for ever: due 1000 ms after the first one */
  uint64_t t;
  for (t = 0; t < 990; t += 10) {
    watch_debounce_add(&d, "/r/gen.js", WATCH_EV_CHANGE, t);
    assert_true(watch_debounce_remaining(&d, t) > 0);
  }
  watch_debounce_add(&d, "/r/gen.js", WATCH_EV_CHANGE, 990);
  assert_int_equal(watch_debounce_remaining(&d, 990), 10);
  assert_int_equal(watch_debounce_remaining(&d, 1000), 0);
  watch_debounce_release(&d);
  watch_debounce_init(&d, 200);
  assert_int_equal(d.max_ms, 4000);
  watch_debounce_release(&d);
}

static void test_flags_merge(void **state) {
  watch_debounce_t d;
  watch_debounce_init(&d, 50);
  /* atomic save: tmp created+written, renamed over the file */
  watch_debounce_add(&d, "/r/a.js", WATCH_EV_CHANGE | WATCH_EV_CREATE, 0);
  watch_debounce_add(&d, "/r/a.js", WATCH_EV_REMOVE, 1);
  /* a file that existed first: a later CREATE does not mark it new */
  watch_debounce_add(&d, "/r/b.js", WATCH_EV_REMOVE, 2);
  watch_debounce_add(&d, "/r/b.js", WATCH_EV_CHANGE | WATCH_EV_CREATE, 3);
  watch_pathmap_t batch;
  watch_debounce_take(&d, &batch);
  uintptr_t a = (uintptr_t)watch_pathmap_get(&batch, "/r/a.js");
  uintptr_t b = (uintptr_t)watch_pathmap_get(&batch, "/r/b.js");
  assert_int_equal(a, WATCH_EV_CHANGE | WATCH_EV_CREATE | WATCH_EV_REMOVE);
  assert_int_equal(b, WATCH_EV_CHANGE | WATCH_EV_REMOVE);
  watch_pathmap_release(&batch, NULL);
  watch_debounce_release(&d);
}

static void test_pathmap_many(void **state) {
  watch_pathmap_t m = WATCH_PATHMAP_INIT;
  char key[64];
  for (int i = 0; i < 5000; i++) {
    snprintf(key, sizeof(key), "/r/dir%d/file%d.js", i % 50, i);
    int created;
    *watch_pathmap_put(&m, key, &created) = (void *)(uintptr_t)(i + 1);
    assert_true(created);
  }
  assert_int_equal(m.len, 5000);
  for (int i = 0; i < 5000; i += 2) { /* delete half: exercises backward shift */
    snprintf(key, sizeof(key), "/r/dir%d/file%d.js", i % 50, i);
    assert_int_equal((uintptr_t)watch_pathmap_del(&m, key), (uintptr_t)(i + 1));
  }
  assert_int_equal(m.len, 2500);
  for (int i = 0; i < 5000; i++) {
    snprintf(key, sizeof(key), "/r/dir%d/file%d.js", i % 50, i);
    void *v = watch_pathmap_get(&m, key);
    if (i % 2)
      assert_int_equal((uintptr_t)v, (uintptr_t)(i + 1));
    else
      assert_null(v);
  }
  size_t it = 0, n = 0;
  while (watch_pathmap_next(&m, &it)) n++;
  assert_int_equal(n, 2500);
  assert_null(watch_pathmap_del(&m, "/nope"));
  watch_pathmap_release(&m, NULL);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_quiet_period_restarts),
      cmocka_unit_test(test_max_wait),
      cmocka_unit_test(test_flags_merge),
      cmocka_unit_test(test_pathmap_many),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
