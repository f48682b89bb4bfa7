/* watch_config.c — unit tests for devrun's configuration: devrun.json /
 * package.json (watch/config.c), --env-file (watch/envfile.c), durations
 * and signal names. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "devrun/err.h"
#include "watch.h"

static int apply(watch_opts_t *o, const char *json, int pkg, char **err) {
  return watch_config_apply_json(o, "devrun.json", json, strlen(json), pkg, err);
}

static void test_keys(void **state) {
  watch_opts_t o;
  watch_opts_init(&o);
  char *err = NULL;
  assert_int_equal(
      apply(&o,
            "{\"watch\":[\"src\",\"lib\"],\"ext\":\"js, ts\",\"delay\":\"2s\","
            "\"debounce\":80,\"signal\":\"SIGINT\",\"poll\":true,\"env\":{\"A\":\"1\",\"B\":2},"
            "\"restartOnCrash\":true,\"crashLimit\":3,\"instances\":2,\"ignore\":\"*.tmp.js\","
            "\"script\":\"app.js\",\"args\":[\"--port\",\"1\"],\"inspect\":\"9230\"}",
            0, &err),
      0);
  assert_null(err);
  assert_int_equal(o.watch.n, 2);
  assert_string_equal(o.watch.v[1], "lib");
  assert_int_equal(o.exts.n, 2);
  assert_string_equal(o.exts.v[1], "ts");
  assert_int_equal(o.delay_ms, 2000);
  assert_int_equal(o.debounce_ms, 80);
  assert_int_equal(o.signal, SIGINT);
  assert_int_equal(o.poll_ms, 250);
  assert_int_equal(o.env.n, 2);
  assert_string_equal(o.env.v[1], "B=2");
  assert_true(o.restart_on_crash);
  assert_int_equal(o.crash_limit, 3);
  assert_int_equal(o.instances, 2);
  assert_int_equal(o.mode, WATCH_MODE_APP);
  assert_int_equal(o.args.n, 3);
  assert_string_equal(o.rtflags.v[0], "--inspect=9230");
  watch_opts_release(&o);
}

static void test_errors(void **state) {
  watch_opts_t o;
  watch_opts_init(&o);
  char *err = NULL;
  assert_int_equal(apply(&o, "{\"delay\": true}", 0, &err), DR_EFORMAT);
  assert_non_null(strstr(err, "\"delay\" must be a duration"));
  free(err);
  assert_int_equal(apply(&o, "{\"watch\": [1]}", 0, &err), DR_EFORMAT);
  assert_non_null(strstr(err, "\"watch\""));
  free(err);
  assert_int_equal(apply(&o, "{\"instances\": 0}", 0, &err), DR_EFORMAT);
  free(err);
  assert_int_equal(apply(&o, "{\"signal\": \"SIGNOPE\"}", 0, &err), DR_EFORMAT);
  free(err);
  assert_int_equal(apply(&o, "{\"env\": {\"A\": []}}", 0, &err), DR_EFORMAT);
  free(err);
  assert_int_equal(apply(&o, "[1,2]", 0, &err), DR_EFORMAT);
  free(err);
  assert_int_equal(apply(&o, "{\"watch\": ", 0, &err), DR_EFORMAT);
  assert_non_null(strstr(err, "invalid JSON at line 1"));
  free(err);
  /* package.json: no "devrun" key is fine; a non-object one is not */
  assert_int_equal(apply(&o, "{\"name\": \"x\"}", 1, &err), 0);
  assert_null(err);
  assert_int_equal(apply(&o, "{\"devrun\": 3}", 1, &err), DR_EFORMAT);
  free(err);
  assert_int_equal(apply(&o, "{\"devrun\": {\"quiet\": true}}", 1, &err), 0);
  assert_true(o.quiet);
  watch_opts_release(&o);
}

static void test_durations_and_signals(void **state) {
  assert_int_equal(watch_parse_ms("250"), 250);
  assert_int_equal(watch_parse_ms("250ms"), 250);
  assert_int_equal(watch_parse_ms("2s"), 2000);
  assert_int_equal(watch_parse_ms("1.5s"), 1500);
  assert_int_equal(watch_parse_ms("-1"), -1);
  assert_int_equal(watch_parse_ms("abc"), -1);
  assert_int_equal(watch_parse_ms("5x"), -1);
  assert_int_equal(watch_parse_ms(""), -1);
  assert_int_equal(watch_parse_signal("SIGTERM"), SIGTERM);
  assert_int_equal(watch_parse_signal("int"), SIGINT);
  assert_int_equal(watch_parse_signal("9"), SIGKILL);
  assert_int_equal(watch_parse_signal("99"), -1);
  assert_int_equal(watch_parse_signal("SIGFOO"), -1);
  assert_string_equal(watch_signal_name(SIGUSR2), "SIGUSR2");
}

static void test_envfile(void **state) {
  static const char text[] =
      "# comment\n"
      "A=1\n"
      "export B = two words  # trailing comment\n"
      "C=\"line1\\nline2\"\n"
      "D='raw \\n $x'\n"
      "\n"
      "E=\n"
      "F=\"multi\n"
      "line\"\n"
      "G=a=b\r\n";
  watch_strv_t v = WATCH_STRV_INIT;
  int line = 0;
  assert_int_equal(watch_envfile_parse(text, sizeof(text) - 1, &v, &line), 7);
  assert_string_equal(v.v[0], "A=1");
  assert_string_equal(v.v[1], "B=two words");
  assert_string_equal(v.v[2], "C=line1\nline2");
  assert_string_equal(v.v[3], "D=raw \\n $x");
  assert_string_equal(v.v[4], "E=");
  assert_string_equal(v.v[5], "F=multi\nline");
  assert_string_equal(v.v[6], "G=a=b");
  watch_strv_release(&v);
  static const char bad[] = "A=1\nthis is not a var\n";
  assert_int_equal(watch_envfile_parse(bad, sizeof(bad) - 1, &v, &line), DR_EFORMAT);
  assert_int_equal(line, 2);
  watch_strv_release(&v);
  static const char unterminated[] = "A=\"open\n";
  assert_int_equal(watch_envfile_parse(unterminated, sizeof(unterminated) - 1, &v, &line),
                   DR_EFORMAT);
  watch_strv_release(&v);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_keys),
      cmocka_unit_test(test_errors),
      cmocka_unit_test(test_durations_and_signals),
      cmocka_unit_test(test_envfile),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
