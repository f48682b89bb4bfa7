/* watch_hashcache.c — unit tests for the content-hash cache
 * (watch/hashcache.c): touch, identical rewrites, atomic saves, real
 * changes, deletions and temporary files, in a temporary directory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include <cmocka.h>

#include "watch.h"

static char dir[256];

static void put(const char *name, const char *text) {
  char p[512];
  snprintf(p, sizeof(p), "%s/%s", dir, name);
  FILE *f = fopen(p, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

static const char *at(const char *name) {
  static char p[4][512];
  static int k;
  k = (k + 1) % 4;
  snprintf(p[k], sizeof(p[k]), "%s/%s", dir, name);
  return p[k];
}

static int setup(void **state) {
  snprintf(dir, sizeof(dir), "/tmp/devrun-hashcache-XXXXXX");
  return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state) {
  char cmd[300];
  snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
  return system(cmd) == 0 ? 0 : -1;
}

static void test_verdicts(void **state) {
  watch_hashcache_t c = WATCH_HASHCACHE_INIT;
  put("a.js", "one");
  assert_int_equal(watch_hashcache_record(&c, at("a.js")), 0);
  assert_int_equal(c.hashed, 1);
  /* nothing happened */
  assert_int_equal(watch_hashcache_check(&c, at("a.js"), 0), WATCH_SAME);
  /* touch: new mtime, same content */
  struct utimbuf ut = {1000000, 1000000};
  utime(at("a.js"), &ut);
  assert_int_equal(watch_hashcache_check(&c, at("a.js"), 0), WATCH_SAME);
  /* the same bytes written again */
  put("a.js", "one");
  assert_int_equal(watch_hashcache_check(&c, at("a.js"), 0), WATCH_SAME);
  /* atomic save of identical content (new inode) */
  put("a.js.tmp", "one");
  rename(at("a.js.tmp"), at("a.js"));
  assert_int_equal(watch_hashcache_check(&c, at("a.js"), 0), WATCH_SAME);
  /* a real change of the same size, right after: stat alone cannot tell */
  put("a.js", "two");
  assert_int_equal(watch_hashcache_check(&c, at("a.js"), 0), WATCH_CHANGED);
  assert_int_equal(watch_hashcache_check(&c, at("a.js"), 0), WATCH_SAME);
  /* deleted */
  unlink(at("a.js"));
  assert_int_equal(watch_hashcache_check(&c, at("a.js"), 0), WATCH_REMOVED);
  assert_int_equal(c.hashed, 0);
  /* a new file */
  put("b.js", "new");
  assert_int_equal(watch_hashcache_check(&c, at("b.js"), 1), WATCH_ADDED);
  assert_int_equal(watch_hashcache_check(&c, at("b.js"), 0), WATCH_SAME);
  /* created and gone within one batch: never existed for the app */
  assert_int_equal(watch_hashcache_check(&c, at("tmp.js"), 1), WATCH_GONE);
  /* gone, never recorded, not seen created: it must have existed */
  assert_int_equal(watch_hashcache_check(&c, at("old.js"), 0), WATCH_REMOVED);
  watch_hashcache_release(&c);
}

static void test_lazy_and_forget(void **state) {
  watch_hashcache_t c = WATCH_HASHCACHE_INIT;
  mkdir(at("sub"), 0755);
  put("sub/x.js", "x");
  put("sub/y.js", "y");
  put("z.js", "z");
  watch_hashcache_know(&c, at("sub/x.js")); /* large trees: known, not hashed */
  assert_int_equal(watch_hashcache_check(&c, at("sub/x.js"), 0), WATCH_CHANGED);
  assert_int_equal(watch_hashcache_check(&c, at("sub/x.js"), 0), WATCH_SAME);
  watch_hashcache_record(&c, at("sub/y.js"));
  watch_hashcache_record(&c, at("z.js"));
  assert_int_equal(watch_hashcache_forget_dir(&c, at("sub")), 2);
  assert_int_equal(watch_hashcache_forget_dir(&c, at("sub")), 0);
  assert_int_equal(c.map.len, 1);
  uint64_t h1, h2;
  assert_int_equal(watch_hash_file(at("z.js"), &h1), 0);
  put("z2.js", "z");
  assert_int_equal(watch_hash_file(at("z2.js"), &h2), 0);
  assert_true(h1 == h2);
  assert_true(watch_hash_file(at("missing"), &h1) < 0);
  watch_hashcache_release(&c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_verdicts),
      cmocka_unit_test(test_lazy_and_forget),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
