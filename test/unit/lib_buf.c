/* lib_buf.c — unit tests for dr_buf (lib/src/buf.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "devrun/buf.h"
#include "devrun/err.h"

static void test_init_is_empty(void **state) {
  dr_buf_t b = DR_BUF_INIT;
  assert_non_null(b.buf);
  assert_string_equal(b.buf, "");
  assert_int_equal(b.len, 0);
  dr_buf_release(&b);
  assert_string_equal(b.buf, "");
}

static void test_add_and_format(void **state) {
  dr_buf_t b = DR_BUF_INIT;
  dr_buf_adds(&b, "hello");
  dr_buf_addch(&b, ' ');
  dr_buf_addf(&b, "%d-%s", 42, "x");
  assert_string_equal(b.buf, "hello 42-x");
  assert_int_equal(b.len, 10);
  for (int i = 0; i < 1000; i++) dr_buf_addf(&b, "%04d", i);
  assert_int_equal(b.len, 10 + 4000);
  assert_memory_equal(b.buf + b.len - 4, "0999", 4);
  dr_buf_setlen(&b, 5);
  assert_string_equal(b.buf, "hello");
  size_t n;
  char *s = dr_buf_detach(&b, &n);
  assert_int_equal(n, 5);
  assert_string_equal(s, "hello");
  assert_int_equal(b.len, 0);
  free(s);
}

static void test_detach_empty_gives_heap_string(void **state) {
  dr_buf_t b = DR_BUF_INIT;
  char *s = dr_buf_detach(&b, NULL);
  assert_string_equal(s, "");
  free(s);
}

static void test_read_file(void **state) {
  char path[] = "/tmp/dr_buf_testXXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  char data[200000];
  for (size_t i = 0; i < sizeof data; i++) data[i] = (char)('a' + i % 26);
  assert_int_equal(write(fd, data, sizeof data), (ssize_t)sizeof data);
  close(fd);
  dr_buf_t b = DR_BUF_INIT;
  assert_int_equal(dr_buf_read_file(&b, path), 0);
  assert_int_equal(b.len, sizeof data);
  assert_memory_equal(b.buf, data, sizeof data);
  assert_int_equal(b.buf[b.len], 0);
  unlink(path);
  dr_buf_reset(&b);
  assert_int_equal(dr_buf_read_file(&b, path), DR_ENOENT);
  dr_buf_release(&b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_init_is_empty),
      cmocka_unit_test(test_add_and_format),
      cmocka_unit_test(test_detach_empty_gives_heap_string),
      cmocka_unit_test(test_read_file),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
