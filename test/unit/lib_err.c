/* lib_err.c — unit tests for the DR_E* codes (lib/src/err.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "devrun/err.h"

static void test_own_codes(void **state) {
  assert_true(DR_EFORMAT < 0);
  assert_string_equal(dr_err_name(DR_EFORMAT), "EFORMAT");
  assert_string_equal(dr_strerror(DR_ETRUNC), "truncated input");
  assert_true(DR_EFORMAT != DR_ETRUNC);
}

static void test_system_codes_pass_through(void **state) {
  assert_int_equal(DR_ENOENT, UV_ENOENT);
  assert_string_equal(dr_err_name(DR_ENOENT), "ENOENT");
  assert_string_equal(dr_strerror(UV_EACCES), "permission denied");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_own_codes),
      cmocka_unit_test(test_system_codes_pass_through),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
