/* keys.h — the key parser's interface (keys.c), used by ui.c and tests. */
#ifndef DEVRUN_REPL_KEYS_H
#define DEVRUN_REPL_KEYS_H

#include <stddef.h>

#include "devrun/buf.h"

enum {
  KEY_NONE_ = 0,
  K_CHAR,  /* text holds one UTF-8 character */
  K_PASTE, /* text_ptr/text_len hold the pasted block */
  K_ENTER,
  K_TAB,
  K_BACKTAB,
  K_BACKSPACE,
  K_DELETE,
  K_ESC,
  K_LEFT,
  K_RIGHT,
  K_UP,
  K_DOWN,
  K_HOME,
  K_END,
  K_PGUP,
  K_PGDN,
  K_F1,
  K_F2,
  K_F3,
  K_F4,
  K_F5,
  K_F6,
  K_F7,
  K_F8,
  K_F9,
  K_F10,
  K_F11,
  K_F12,
  K_CTRL, /* ch holds 'a'..'z' or '_' '\\' ']' '^' */
  K_ALT,  /* ch holds the character */
};

/* Modifier bits for special keys (Shift+F11, Alt+Up, Ctrl+Left ...). */
#define KM_SHIFT 1
#define KM_ALT 2
#define KM_CTRL 4

typedef struct repl_key_s {
  int key;
  int mod;
  int ch;
  char text[8];
  const char *paste; /* K_PASTE: borrowed until the next feed */
  size_t paste_len;
} repl_key_t;

typedef void (*repl_key_fn)(void *ud, const repl_key_t *k);

typedef struct repl_keys_s {
  dr_buf_t pending; /* bytes of an unfinished sequence */
  int in_paste;
  dr_buf_t paste;
} repl_keys_t;

void repl_keys_init(repl_keys_t *p);
void repl_keys_release(repl_keys_t *p);
/* Parses bytes, calling fn for every complete key.  An incomplete escape
 * sequence waits for more bytes or for repl_keys_flush(). */
void repl_keys_feed(repl_keys_t *p, const char *bytes, size_t n, repl_key_fn fn, void *ud);
/* No more bytes came for a while: a lone ESC is the Escape key. */
void repl_keys_flush(repl_keys_t *p, repl_key_fn fn, void *ud);
/* Nonzero while bytes wait for a timeout. */
int repl_keys_pending(const repl_keys_t *p);
/* "C-r", "F5", "Up", "a" ... (tests, debugging). */
void repl_key_name(const repl_key_t *k, char *buf, size_t len);

#endif
