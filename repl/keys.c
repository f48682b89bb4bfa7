/* keys.c — turns terminal input bytes into keys (the tmux tty-keys.c model).
 *
 * A table maps escape sequences (xterm, VT220, rxvt and tmux variants) to
 * keys; the parser matches the longest table entry, waits when the bytes so
 * far are a prefix of one, and otherwise decodes control characters, Alt+x
 * (ESC x) and UTF-8 characters.  Bracketed paste (ESC[200~ ... ESC[201~)
 * becomes a single K_PASTE key so a pasted block is one input and is never
 * executed line by line.  No curses here: ui.c reads the terminal itself,
 * which is what makes bracketed paste and this parser testable and
 * fuzzable (test/fuzz/repl_keys.c).  To add a key, add a table row.
 */
#include <stdio.h>
#include <string.h>

#include "keys.h"

static const struct {
  const char *seq;
  int key, mod;
} table[] = {
    {"\033[A", K_UP, 0},
    {"\033[B", K_DOWN, 0},
    {"\033[C", K_RIGHT, 0},
    {"\033[D", K_LEFT, 0},
    {"\033OA", K_UP, 0},
    {"\033OB", K_DOWN, 0},
    {"\033OC", K_RIGHT, 0},
    {"\033OD", K_LEFT, 0},
    {"\033[H", K_HOME, 0},
    {"\033[F", K_END, 0},
    {"\033OH", K_HOME, 0},
    {"\033OF", K_END, 0},
    {"\033[1~", K_HOME, 0},
    {"\033[4~", K_END, 0},
    {"\033[7~", K_HOME, 0},
    {"\033[8~", K_END, 0},
    {"\033[2~", KEY_NONE_, 0},
    {"\033[3~", K_DELETE, 0},
    {"\033[5~", K_PGUP, 0},
    {"\033[6~", K_PGDN, 0},
    {"\033[Z", K_BACKTAB, 0},
    {"\033OP", K_F1, 0},
    {"\033OQ", K_F2, 0},
    {"\033OR", K_F3, 0},
    {"\033OS", K_F4, 0},
    {"\033[11~", K_F1, 0},
    {"\033[12~", K_F2, 0},
    {"\033[13~", K_F3, 0},
    {"\033[14~", K_F4, 0},
    {"\033[15~", K_F5, 0},
    {"\033[17~", K_F6, 0},
    {"\033[18~", K_F7, 0},
    {"\033[19~", K_F8, 0},
    {"\033[20~", K_F9, 0},
    {"\033[21~", K_F10, 0},
    {"\033[23~", K_F11, 0},
    {"\033[24~", K_F12, 0},
    {"\033[23;2~", K_F11, KM_SHIFT},
    {"\033[23$", K_F11, KM_SHIFT},
    {"\033[1;3A", K_UP, KM_ALT},
    {"\033[1;3B", K_DOWN, KM_ALT},
    {"\033[1;5C", K_RIGHT, KM_CTRL},
    {"\033[1;5D", K_LEFT, KM_CTRL},
    {"\033[1;3C", K_RIGHT, KM_ALT},
    {"\033[1;3D", K_LEFT, KM_ALT},
    {"\033\033[A", K_UP, KM_ALT},
    {"\033\033[B", K_DOWN, KM_ALT},
    {"\033[1;2A", K_UP, KM_SHIFT},
    {"\033[1;2B", K_DOWN, KM_SHIFT},
    {"\033[5;5~", K_PGUP, KM_CTRL},
    {"\033[6;5~", K_PGDN, KM_CTRL},
};

#define PASTE_START "\033[200~"
#define PASTE_END "\033[201~"

void repl_keys_init(repl_keys_t *p) {
  memset(p, 0, sizeof(*p));
  dr_buf_init(&p->pending, 0);
  dr_buf_init(&p->paste, 0);
}

void repl_keys_release(repl_keys_t *p) {
  dr_buf_release(&p->pending);
  dr_buf_release(&p->paste);
}

int repl_keys_pending(const repl_keys_t *p) {
  return p->pending.len > 0 && !p->in_paste;
}

static void emit(repl_key_fn fn, void *ud, int key, int mod, int ch) {
  repl_key_t k;
  memset(&k, 0, sizeof(k));
  k.key = key;
  k.mod = mod;
  k.ch = ch;
  if (key) fn(ud, &k);
}

static size_t utf8_len(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xe0) == 0xc0) return 2;
  if ((c & 0xf0) == 0xe0) return 3;
  if ((c & 0xf8) == 0xf0) return 4;
  return 1; /* stray byte: taken alone */
}

/* Tries to decode one key at s[0..n).  Returns bytes used, 0 when more are
 * needed (only if !final), emitting the key through fn. */
static size_t decode(repl_keys_t *p, const char *s, size_t n, int final, repl_key_fn fn, void *ud) {
  unsigned char c = (unsigned char)s[0];
  if (c == 0x1b) {
    size_t best = 0;
    int prefix = 0;
    if (n >= 6 && !memcmp(s, PASTE_START, 6)) {
      p->in_paste = 1;
      dr_buf_reset(&p->paste);
      return 6;
    }
    if (n < 6 && !memcmp(s, PASTE_START, n)) prefix = 1;
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
      size_t len = strlen(table[i].seq);
      if (len <= n && !memcmp(s, table[i].seq, len) && len > best) best = len;
      if (len > n && !memcmp(s, table[i].seq, n)) prefix = 1;
    }
    if (prefix && !final) return 0;
    if (best) {
      for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
        if (strlen(table[i].seq) == best && !memcmp(s, table[i].seq, best)) {
          emit(fn, ud, table[i].key, table[i].mod, 0);
          break;
        }
      return best;
    }
    if (n == 1) {
      if (!final) return 0;
      emit(fn, ud, K_ESC, 0, 0);
      return 1;
    }
    /* Unknown CSI / SS3 sequence: swallow it whole. */
    if (s[1] == '[' || s[1] == 'O') {
      size_t i = 2;
      if (s[1] == 'O') return n >= 3 ? 3 : (final ? n : 0);
      while (i < n && !((unsigned char)s[i] >= 0x40 && (unsigned char)s[i] <= 0x7e)) i++;
      if (i < n) return i + 1;
      return final ? n : 0;
    }
    /* ESC x: Alt+x (ESC + Enter = Alt+Enter). */
    if ((unsigned char)s[1] == '\r' || (unsigned char)s[1] == '\n') {
      emit(fn, ud, K_ENTER, KM_ALT, 0);
      return 2;
    }
    if ((unsigned char)s[1] >= 0x20 && (unsigned char)s[1] < 0x7f) {
      emit(fn, ud, K_ALT, 0, s[1]);
      return 2;
    }
    if ((unsigned char)s[1] == 0x7f) {
      emit(fn, ud, K_ALT, 0, 0x7f);
      return 2;
    }
    emit(fn, ud, K_ESC, 0, 0);
    return 1;
  }
  if (c == '\r' || c == '\n') {
    emit(fn, ud, K_ENTER, 0, 0);
    return (c == '\r' && n > 1 && s[1] == '\n') ? 2 : 1;
  }
  if (c == '\t') {
    emit(fn, ud, K_TAB, 0, 0);
    return 1;
  }
  if (c == 0x7f || c == 0x08) {
    emit(fn, ud, K_BACKSPACE, 0, 0);
    return 1;
  }
  if (c == 0) {
    emit(fn, ud, K_CTRL, 0, ' ');
    return 1;
  }
  if (c < 0x20) {
    emit(fn, ud, K_CTRL, 0, c >= 28 ? "\\]^_"[c - 28] : 'a' + c - 1); /* 27 (ESC): above */
    return 1;
  }
  {
    size_t len = utf8_len(c);
    repl_key_t k;
    if (len > n) return final ? n : 0;
    for (size_t i = 1; i < len; i++)
      if (((unsigned char)s[i] & 0xc0) != 0x80) len = 1; /* invalid: take one byte */
    memset(&k, 0, sizeof(k));
    k.key = K_CHAR;
    memcpy(k.text, s, len);
    k.text[len] = '\0';
    k.ch = c;
    fn(ud, &k);
    return len;
  }
}

static void run(repl_keys_t *p, int final, repl_key_fn fn, void *ud) {
  size_t off = 0;
  while (off < p->pending.len) {
    const char *s = p->pending.buf + off;
    size_t n = p->pending.len - off, used;
    if (p->in_paste) {
      const char *end = NULL;
      for (size_t i = 0; i + 6 <= n; i++)
        if (!memcmp(s + i, PASTE_END, 6)) {
          end = s + i;
          break;
        }
      if (end) {
        repl_key_t k;
        dr_buf_add(&p->paste, s, (size_t)(end - s));
        memset(&k, 0, sizeof(k));
        k.key = K_PASTE;
        k.paste = p->paste.buf;
        k.paste_len = p->paste.len;
        p->in_paste = 0;
        fn(ud, &k);
        dr_buf_reset(&p->paste);
        off += (size_t)(end - s) + 6;
        continue;
      }
      /* keep a possible partial end marker pending */
      {
        size_t keep = n < 5 ? n : 5;
        dr_buf_add(&p->paste, s, n - keep);
        off += n - keep;
        if (final && keep) {
          dr_buf_add(&p->paste, s + n - keep, keep);
          off += keep;
        }
        break;
      }
    }
    used = decode(p, s, n, final, fn, ud);
    if (used == 0) break;
    off += used;
  }
  memmove(p->pending.buf, p->pending.buf + off, p->pending.len - off);
  dr_buf_setlen(&p->pending, p->pending.len - off);
}

void repl_keys_feed(repl_keys_t *p, const char *bytes, size_t n, repl_key_fn fn, void *ud) {
  dr_buf_add(&p->pending, bytes, n);
  run(p, 0, fn, ud);
}

void repl_keys_flush(repl_keys_t *p, repl_key_fn fn, void *ud) {
  if (!p->in_paste) run(p, 1, fn, ud);
}

void repl_key_name(const repl_key_t *k, char *buf, size_t len) {
  static const char *names[] = {
      "",      "",   "Paste", "Enter", "Tab", "BTab",  "BSpace", "Delete", "Escape", "Left",
      "Right", "Up", "Down",  "Home",  "End", "PPage", "NPage",  "F1",     "F2",     "F3",
      "F4",    "F5", "F6",    "F7",    "F8",  "F9",    "F10",    "F11",    "F12"};
  const char *m = k->mod & KM_SHIFT ? "S-" : k->mod & KM_ALT ? "M-" : k->mod & KM_CTRL ? "C-" : "";
  if (k->key == K_CHAR)
    snprintf(buf, len, "%s", k->text);
  else if (k->key == K_CTRL)
    snprintf(buf, len, "C-%c", k->ch);
  else if (k->key == K_ALT)
    snprintf(buf, len, "M-%c", k->ch);
  else if (k->key > 0 && k->key < (int)(sizeof(names) / sizeof(names[0])))
    snprintf(buf, len, "%s%s", m, names[k->key]);
  else
    snprintf(buf, len, "?");
}
