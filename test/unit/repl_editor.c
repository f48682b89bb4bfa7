/* repl_editor.c — unit tests for devrun-repl's curses-free layers: the
 * editor model (repl/model.c), the key parser (repl/keys.c) and the history
 * (repl/history.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "keys.h"
#include "model.h"
#include "repl.h"

static void type(repl_model_t *m, const char *s) {
  for (; *s; s++) repl_model_insert(m, s, 1);
}

static void test_model_editing(void **state) {
  repl_model_t m;
  repl_model_init(&m);
  type(&m, "let abc = 1");
  assert_string_equal(m.input.buf, "let abc = 1");
  repl_model_word_left(&m);
  assert_int_equal(m.cursor, 10);
  repl_model_word_left(&m);
  repl_model_kill_to_end(&m);
  assert_string_equal(m.input.buf, "let ");
  repl_model_yank(&m);
  assert_string_equal(m.input.buf, "let abc = 1");
  repl_model_home(&m);
  repl_model_delete(&m);
  assert_string_equal(m.input.buf, "et abc = 1");
  /* undo: delete, yank, kill, then the typed run in one step */
  assert_true(repl_model_undo(&m));
  assert_string_equal(m.input.buf, "let abc = 1");
  assert_true(repl_model_undo(&m));
  assert_string_equal(m.input.buf, "let ");
  assert_true(repl_model_undo(&m));
  assert_string_equal(m.input.buf, "let abc = 1");
  while (repl_model_undo(&m)) {
  }
  assert_string_equal(m.input.buf, "");
  repl_model_release(&m);
}

static void test_model_utf8_and_lines(void **state) {
  repl_model_t m;
  int line, col;
  repl_model_init(&m);
  repl_model_insert(&m, "'h\xc3\xa9'", 5);
  repl_model_left(&m);
  repl_model_left(&m);
  assert_int_equal(m.cursor, 2); /* before é, on a character boundary */
  repl_model_backspace(&m);
  assert_string_equal(m.input.buf, "'\xc3\xa9'");
  repl_model_set_input(&m, "function f() {\n  return 1\n}");
  repl_model_cursor_pos(&m, &line, &col);
  assert_int_equal(line, 2);
  assert_int_equal(col, 1);
  assert_true(repl_model_line_up(&m));
  repl_model_cursor_pos(&m, &line, &col);
  assert_int_equal(line, 1);
  assert_int_equal(col, 1);
  assert_true(repl_model_line_up(&m));
  assert_false(repl_model_line_up(&m)); /* first line: caller browses history */
  repl_model_end(&m);
  assert_int_equal(m.cursor, 14);
  repl_model_kill_to_end(&m); /* at end of line: joins */
  assert_string_equal(m.input.buf, "function f() {  return 1\n}");
  repl_model_release(&m);
}

static void test_model_popup_and_output(void **state) {
  repl_model_t m;
  char *items[] = {"alphaOne", "alphaTwo"};
  repl_model_init(&m);
  type(&m, "obj.al");
  repl_model_popup(&m, items, 2, 2);
  m.popup_sel = 1;
  repl_model_popup_accept(&m);
  assert_string_equal(m.input.buf, "obj.alphaTwo");
  assert_false(m.popup_visible);
  repl_model_output(&m, "one\ntwo\n");
  repl_model_output(&m, "three");
  assert_int_equal(m.nout, 3);
  assert_string_equal(m.out[2].text, "three");
  /* expandable lines: insert children, browse, collapse */
  repl_model_output_obj(&m, "{ a: 1 }", "obj-1", 0);
  assert_true(repl_model_browse(&m, -1));
  assert_int_equal(m.browse, 3);
  {
    char *texts[] = {"  a: 1", "  b: [Object]"};
    char *oids[] = {NULL, "obj-2"};
    repl_model_insert_lines(&m, 3, texts, oids, 2, 1);
  }
  assert_int_equal(m.nout, 6);
  assert_true(m.out[3].open);
  assert_true(repl_model_browse(&m, 1));
  assert_int_equal(m.browse, 5); /* skips the line without an object */
  repl_model_collapse(&m, 3);
  assert_int_equal(m.nout, 4);
  assert_int_equal(m.browse, 3);
  assert_false(m.out[3].open);
  repl_model_release(&m);
}

typedef struct {
  char names[32][32];
  int n;
  char paste[256];
} keys_seen_t;

static void on_key(void *ud, const repl_key_t *k) {
  keys_seen_t *s = ud;
  if (k->key == K_PASTE) snprintf(s->paste, sizeof(s->paste), "%.*s", (int)k->paste_len, k->paste);
  if (s->n < 32) repl_key_name(k, s->names[s->n++], 32);
}

static void test_keys(void **state) {
  repl_keys_t p;
  keys_seen_t s;
  const char in[] =
      "a\x12\033[A\033OB\033[15~\033[23;2~\033b\r\033[200~x\ny\r\033[201~\t\xc3\xa9\x7f";
  memset(&s, 0, sizeof(s));
  repl_keys_init(&p);
  /* byte by byte: sequences split across reads must still parse */
  for (size_t i = 0; i < sizeof(in) - 1; i++) repl_keys_feed(&p, in + i, 1, on_key, &s);
  repl_keys_flush(&p, on_key, &s);
  assert_int_equal(s.n, 12);
  assert_string_equal(s.names[0], "a");
  assert_string_equal(s.names[1], "C-r");
  assert_string_equal(s.names[2], "Up");
  assert_string_equal(s.names[3], "Down");
  assert_string_equal(s.names[4], "F5");
  assert_string_equal(s.names[5], "S-F11");
  assert_string_equal(s.names[6], "M-b");
  assert_string_equal(s.names[7], "Enter");
  assert_string_equal(s.names[8], "Paste");
  assert_string_equal(s.paste, "x\ny\r"); /* one key, newlines kept */
  assert_string_equal(s.names[9], "Tab");
  assert_string_equal(s.names[10], "\xc3\xa9");
  assert_string_equal(s.names[11], "BSpace");
  /* a lone ESC waits, then becomes Escape on flush */
  memset(&s, 0, sizeof(s));
  repl_keys_feed(&p, "\033", 1, on_key, &s);
  assert_int_equal(s.n, 0);
  assert_true(repl_keys_pending(&p));
  repl_keys_flush(&p, on_key, &s);
  assert_int_equal(s.n, 1);
  assert_string_equal(s.names[0], "Escape");
  repl_keys_release(&p);
}

static void test_history(void **state) {
  char dir[] = "/tmp/repl-hist-XXXXXX", path[64];
  repl_history_t h, h2;
  struct stat st;
  assert_non_null(mkdtemp(dir));
  snprintf(path, sizeof(path), "%s/h", dir);
  repl_history_init(&h, 3);
  repl_history_load(&h, path);
  repl_history_add(&h, "one");
  repl_history_add(&h, "one"); /* consecutive duplicate */
  repl_history_add(&h, "function f() {\n  return '\\\\';\n}");
  repl_history_add(&h, "   ");
  repl_history_add(&h, "three");
  repl_history_add(&h, "four"); /* drops "one" (max 3) */
  assert_int_equal(h.n, 3);
  assert_int_equal(repl_history_save(&h), 0);
  assert_int_equal(stat(path, &st), 0);
  assert_int_equal(st.st_mode & 0777, 0600);
  repl_history_init(&h2, 10);
  assert_int_equal(repl_history_load(&h2, path), 0);
  assert_int_equal(h2.n, 3);
  assert_string_equal(h2.items[0], "function f() {\n  return '\\\\';\n}");
  assert_int_equal(repl_history_search(&h2, "ret", 3), 0);
  assert_int_equal(repl_history_search(&h2, "f", 3), 2);
  assert_int_equal(repl_history_search(&h2, "nothing", 3), -1);
  repl_history_release(&h);
  repl_history_release(&h2);
  /* an empty path disables persistence */
  repl_history_init(&h, 10);
  repl_history_load(&h, "");
  repl_history_add(&h, "x");
  assert_int_equal(repl_history_save(&h), 0);
  repl_history_release(&h);
  unlink(path);
  rmdir(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_model_editing),
      cmocka_unit_test(test_model_utf8_and_lines),
      cmocka_unit_test(test_model_popup_and_output),
      cmocka_unit_test(test_keys),
      cmocka_unit_test(test_history),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
