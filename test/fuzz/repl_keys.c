/* repl_keys.c — libFuzzer target for devrun-repl's terminal input parser
 * (repl/keys.c) driving the editor model (repl/model.c): arbitrary bytes
 * from the terminal — escape sequences, bracketed paste, broken UTF-8 —
 * must never crash or break the model's invariants. */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "keys.h"
#include "model.h"

static void on_key(void *ud, const repl_key_t *k) {
  repl_model_t *m = ud;
  switch (k->key) {
    case K_CHAR:
      repl_model_insert(m, k->text, strlen(k->text));
      break;
    case K_PASTE:
      repl_model_insert(m, k->paste, k->paste_len);
      break;
    case K_ENTER:
      repl_model_insert(m, "\n", 1);
      break;
    case K_BACKSPACE:
      repl_model_backspace(m);
      break;
    case K_DELETE:
      repl_model_delete(m);
      break;
    case K_LEFT:
      repl_model_left(m);
      break;
    case K_RIGHT:
      repl_model_right(m);
      break;
    case K_UP:
      repl_model_line_up(m);
      break;
    case K_DOWN:
      repl_model_line_down(m);
      break;
    case K_HOME:
      repl_model_home(m);
      break;
    case K_END:
      repl_model_end(m);
      break;
    case K_CTRL:
      if (k->ch == 'k') repl_model_kill_to_end(m);
      if (k->ch == 'u') repl_model_kill_to_start(m);
      if (k->ch == 'w') repl_model_kill_word_back(m);
      if (k->ch == 'y') repl_model_yank(m);
      if (k->ch == 't') repl_model_transpose(m);
      if (k->ch == '_') repl_model_undo(m);
      break;
    case K_ALT:
      if (k->ch == 'b') repl_model_word_left(m);
      if (k->ch == 'f') repl_model_word_right(m);
      break;
    default:
      break;
  }
  assert(m->cursor <= m->input.len);
  assert(m->input.buf[m->input.len] == '\0');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  repl_keys_t p;
  repl_model_t m;
  int line, col;
  repl_keys_init(&p);
  repl_model_init(&m);
  /* two chunks, so sequences split across reads are exercised */
  repl_keys_feed(&p, (const char *)data, size / 2, on_key, &m);
  repl_keys_feed(&p, (const char *)data + size / 2, size - size / 2, on_key, &m);
  repl_keys_flush(&p, on_key, &m);
  repl_model_cursor_pos(&m, &line, &col);
  repl_keys_release(&p);
  repl_model_release(&m);
  return 0;
}
