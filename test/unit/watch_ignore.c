/* watch_ignore.c — unit tests for the watcher's gitignore matcher
 * (watch/wildmatch.c, watch/ignore.c): git's glob dialect and its
 * .gitignore semantics (anchoring, dir-only, negation, precedence). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "watch.h"

#define M(p, t) assert_int_equal(watch_wildmatch(p, t, WATCH_WM_PATHNAME), WATCH_WM_MATCH)
#define N(p, t) assert_int_equal(watch_wildmatch(p, t, WATCH_WM_PATHNAME), WATCH_WM_NOMATCH)

static void test_wildmatch_basics(void **state) {
  M("foo", "foo");
  N("foo", "bar");
  M("*", "foo");
  M("f*", "foo");
  N("*f", "foo");
  M("*.js", "app.js");
  N("*.js", "src/app.js"); /* '*' does not cross '/' */
  M("???", "abc");
  N("??", "abc");
  N("a?c", "a/c");
  M("\\*", "*");
  N("\\*", "x");
  M("foo\\ ", "foo ");
}

static void test_wildmatch_sets(void **state) {
  M("[a-c]at", "bat");
  N("[a-c]at", "dat");
  M("[!a-c]at", "dat");
  M("[^a-c]at", "dat");
  N("[!a-c]at", "cat");
  M("[[:digit:]]x", "5x");
  N("[[:digit:]]x", "ax");
  M("[[:alpha:][:digit:]]", "q");
  M("[]]", "]");
  M("[a-]", "-");
  N("[/]", "/");
  N("[[:nope:]]", "a"); /* unknown class: no match, no crash */
  N("[abc", "a");       /* unterminated set */
}

static void test_wildmatch_starstar(void **state) {
  M("**/foo", "foo");
  M("**/foo", "a/b/foo");
  M("a/**/b", "a/b");
  M("a/**/b", "a/x/y/b");
  N("a/**/b", "a/x/y/c");
  M("a/**", "a/b/c");
  N("a/**", "a");
  M("**", "a/b/c");
  M("foo/*", "foo/bar");
  N("foo/*", "foo/bar/baz");
  M("foo/*/baz", "foo/bar/baz");
  M("a**b", "axxb"); /* not between slashes: a plain '*' */
  N("a**b", "a/b");
  M("*/*/*", "a/b/c");
}

static watch_ignore_t *with(const char *base, const char *text) {
  watch_ignore_t *ig = watch_ignore_new();
  watch_ignore_add_text(ig, base, text, strlen(text));
  return ig;
}

#define IGN(ig, p, d) assert_true(watch_ignore_match(ig, p, 2, d))
#define NOT(ig, p, d) assert_false(watch_ignore_match(ig, p, 2, d))

static void test_basename_and_anchored(void **state) {
  watch_ignore_t *ig = with("/r", "*.log\n/build\ndoc/\nsrc/gen.js\n# a comment\n\n");
  IGN(ig, "/r/a.log", 0);
  IGN(ig, "/r/sub/deep/b.log", 0); /* no slash: any depth */
  IGN(ig, "/r/build", 1);
  NOT(ig, "/r/sub/build", 1); /* leading slash: anchored */
  IGN(ig, "/r/doc", 1);
  NOT(ig, "/r/doc", 0); /* trailing slash: directories only */
  IGN(ig, "/r/sub/doc", 1);
  IGN(ig, "/r/src/gen.js", 0);
  NOT(ig, "/r/x/src/gen.js", 0); /* a middle slash anchors too */
  NOT(ig, "/r/app.js", 0);
  NOT(ig, "/other/a.log", 0); /* outside the file's directory */
  assert_int_equal(watch_ignore_count(ig), 4);
  watch_ignore_free(ig);
}

static void test_negation_and_precedence(void **state) {
  watch_ignore_t *ig = with("/r", "*.log\n!keep.log\n");
  IGN(ig, "/r/x.log", 0);
  NOT(ig, "/r/keep.log", 0);
  /* a deeper .gitignore overrides the root's */
  watch_ignore_add_text(ig, "/r/sub", "!*.log\n", 7);
  NOT(ig, "/r/sub/x.log", 0);
  IGN(ig, "/r/other/x.log", 0);
  /* the command line (base NULL) overrides files, whatever the order */
  watch_ignore_add_text(ig, NULL, "sub/y.log\n", 10);
  watch_ignore_add_text(ig, "/r/sub", "!y.log\n", 7); /* added later, lower priority */
  IGN(ig, "/r/sub/y.log", 0);
  watch_ignore_free(ig);
}

static void test_escapes_and_spaces(void **state) {
  watch_ignore_t *ig = with("/r", "\\#hash\n\\!bang\ntrail   \nkeep\\ \n");
  IGN(ig, "/r/#hash", 0);
  IGN(ig, "/r/!bang", 0);
  IGN(ig, "/r/trail", 0);
  NOT(ig, "/r/trail   ", 0);
  IGN(ig, "/r/keep ", 0);
  watch_ignore_free(ig);
  ig = with("/r", "crlf.js\r\n");
  IGN(ig, "/r/crlf.js", 0);
  watch_ignore_free(ig);
}

static void test_defaults(void **state) {
  watch_ignore_t *ig = watch_ignore_new();
  watch_ignore_add_defaults(ig);
  IGN(ig, "/r/node_modules", 1);
  IGN(ig, "/r/a/node_modules", 1);
  NOT(ig, "/r/node_modules", 0); /* a file of that name is not a directory */
  IGN(ig, "/r/.git", 1);
  IGN(ig, "/r/coverage", 1);
  IGN(ig, "/r/app.js~", 0);
  IGN(ig, "/r/.app.js.swp", 0);
  IGN(ig, "/r/4913", 0);
  IGN(ig, "/r/app.js___jb_tmp___", 0);
  IGN(ig, "/r/.#app.js", 0);
  NOT(ig, "/r/app.js", 0);
  NOT(ig, "/r/src", 1);
  /* files may re-include a default, --ignore may re-include anything */
  watch_ignore_add_text(ig, "/r", "!build/\n", 8);
  NOT(ig, "/r/build", 1);
  watch_ignore_add_text(ig, NULL, "!coverage/\n", 11);
  NOT(ig, "/r/coverage", 1);
  /* the root-relative rules apply relative to the root, whatever it is */
  assert_true(watch_ignore_match(ig, "/x/y/node_modules", 4, 1));
  watch_ignore_free(ig);
}

static void test_parent_dirs(void **state) {
  watch_ignore_t *ig = with(NULL, "node_modules/\nlogs/**/*.js\n");
  assert_true(watch_ignore_path(ig, "/r/node_modules/x/y.js", 2, 0));
  assert_false(watch_ignore_path(ig, "/r/src/x/y.js", 2, 0));
  assert_true(watch_ignore_path(ig, "/r/logs/a/b/c.js", 2, 0));
  assert_true(watch_ignore_path(ig, "/r/logs/c.js", 2, 0));
  assert_false(watch_ignore_path(ig, "/r", 2, 1));
  watch_ignore_free(ig);
}

static void test_garbage_is_harmless(void **state) {
  static const char junk[] = "[\n!\n/\n\\\n**\n***/\n[[:\n!/\n\0hidden\n";
  watch_ignore_t *ig = with("/r", "");
  watch_ignore_add_text(ig, "/r", junk, sizeof(junk) - 1);
  (void)watch_ignore_match(ig, "/r/a/b", 2, 0);
  (void)watch_ignore_path(ig, "/r/a/b/c", 2, 1);
  watch_ignore_free(ig);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_wildmatch_basics),
      cmocka_unit_test(test_wildmatch_sets),
      cmocka_unit_test(test_wildmatch_starstar),
      cmocka_unit_test(test_basename_and_anchored),
      cmocka_unit_test(test_negation_and_precedence),
      cmocka_unit_test(test_escapes_and_spaces),
      cmocka_unit_test(test_defaults),
      cmocka_unit_test(test_parent_dirs),
      cmocka_unit_test(test_garbage_is_harmless),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
