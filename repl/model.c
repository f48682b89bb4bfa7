/* model.c — the full-screen model: the line editor, its undo stack, the
 * output log and the popup (see model.h).  No terminal code: the same
 * functions are unit-tested in test/unit/repl_model.c.
 *
 * Editor invariants: `cursor` <= input.len and always on a UTF-8 character
 * boundary.  Undo: every edit pushes the previous text unless it continues a
 * run of typed characters (readline's coalescing); 200 steps are kept.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "devrun/util.h"
#include "model.h"
#include "repl.h"

#define MAX_UNDO 200
#define MAX_OUT 5000

void repl_model_init(repl_model_t *m) {
  memset(m, 0, sizeof(*m));
  dr_buf_init(&m->input, 0);
  dr_buf_init(&m->search, 0);
  m->hist_pos = -1;
  m->search_hit = -1;
  m->browse = -1;
  m->rows = 24;
  m->cols = 80;
}

void repl_model_set_str(char **field, const char *v) {
  free(*field);
  *field = v ? dr_strdup(v) : NULL;
}

void repl_model_release(repl_model_t *m) {
  dr_buf_release(&m->input);
  dr_buf_release(&m->search);
  for (size_t i = 0; i < m->nundo; i++) free(m->undo[i].text);
  free(m->undo);
  free(m->kill);
  repl_model_clear_output(m);
  free(m->out);
  free(m->preview);
  repl_model_popup_close(m);
  free(m->hist_saved);
  free(m->status);
  free(m->title);
  free(m->where);
  free(m->src);
  free(m->src_url);
  free(m->bp_lines);
  free(m->stack);
  free(m->scopes);
  free(m->watches);
  memset(m, 0, sizeof(*m));
}

static void push_undo(repl_model_t *m, int typing) {
  if (typing && m->undo_coalesce) return;
  m->undo_coalesce = typing;
  if (m->nundo && !strcmp(m->undo[m->nundo - 1].text, m->input.buf)) return;
  if (m->nundo == MAX_UNDO) {
    free(m->undo[0].text);
    memmove(m->undo, m->undo + 1, (MAX_UNDO - 1) * sizeof(repl_undo_t));
    m->nundo--;
  }
  m->undo = dr_realloc(m->undo, (m->nundo + 1) * sizeof(repl_undo_t));
  m->undo[m->nundo].text = dr_strdup(m->input.buf);
  m->undo[m->nundo].cursor = m->cursor;
  m->nundo++;
}

int repl_model_undo(repl_model_t *m) {
  repl_undo_t u;
  if (!m->nundo) return 0;
  u = m->undo[--m->nundo];
  dr_buf_reset(&m->input);
  dr_buf_adds(&m->input, u.text);
  m->cursor = u.cursor <= m->input.len ? u.cursor : m->input.len;
  free(u.text);
  m->undo_coalesce = 0;
  return 1;
}

static void buf_splice(repl_model_t *m, size_t at, size_t del, const char *s, size_t n) {
  size_t tail = m->input.len - at - del;
  dr_buf_grow(&m->input, n);
  memmove(m->input.buf + at + n, m->input.buf + at + del, tail);
  memcpy(m->input.buf + at, s, n);
  dr_buf_setlen(&m->input, m->input.len - del + n);
}

void repl_model_insert(repl_model_t *m, const char *s, size_t n) {
  int typing = n == 1 || (n <= 4 && (unsigned char)s[0] >= 0x80);
  if (typing && !isalnum((unsigned char)s[0]) && s[0] != '_') typing = 0;
  push_undo(m, typing);
  buf_splice(m, m->cursor, 0, s, n);
  m->cursor += n;
}

static size_t prev_char(const repl_model_t *m, size_t at) {
  if (at == 0) return 0;
  at--;
  while (at > 0 && ((unsigned char)m->input.buf[at] & 0xc0) == 0x80) at--;
  return at;
}

static size_t next_char(const repl_model_t *m, size_t at) {
  if (at >= m->input.len) return m->input.len;
  at++;
  while (at < m->input.len && ((unsigned char)m->input.buf[at] & 0xc0) == 0x80) at++;
  return at;
}

void repl_model_backspace(repl_model_t *m) {
  size_t p = prev_char(m, m->cursor);
  if (p == m->cursor) return;
  push_undo(m, 0);
  buf_splice(m, p, m->cursor - p, "", 0);
  m->cursor = p;
}

void repl_model_delete(repl_model_t *m) {
  size_t n = next_char(m, m->cursor);
  if (n == m->cursor) return;
  push_undo(m, 0);
  buf_splice(m, m->cursor, n - m->cursor, "", 0);
}

void repl_model_left(repl_model_t *m) {
  m->cursor = prev_char(m, m->cursor);
  m->undo_coalesce = 0;
}
void repl_model_right(repl_model_t *m) {
  m->cursor = next_char(m, m->cursor);
  m->undo_coalesce = 0;
}

static int wordch(char c) {
  return isalnum((unsigned char)c) || c == '_' || c == '$' || (c & 0x80);
}

void repl_model_word_left(repl_model_t *m) {
  size_t p = m->cursor;
  while (p > 0 && !wordch(m->input.buf[p - 1])) p--;
  while (p > 0 && wordch(m->input.buf[p - 1])) p--;
  m->cursor = p;
}

void repl_model_word_right(repl_model_t *m) {
  size_t p = m->cursor;
  while (p < m->input.len && !wordch(m->input.buf[p])) p++;
  while (p < m->input.len && wordch(m->input.buf[p])) p++;
  m->cursor = p;
}

static size_t line_start(const repl_model_t *m, size_t at) {
  while (at > 0 && m->input.buf[at - 1] != '\n') at--;
  return at;
}

static size_t line_end(const repl_model_t *m, size_t at) {
  while (at < m->input.len && m->input.buf[at] != '\n') at++;
  return at;
}

void repl_model_home(repl_model_t *m) {
  m->cursor = line_start(m, m->cursor);
}
void repl_model_end(repl_model_t *m) {
  m->cursor = line_end(m, m->cursor);
}

/* Byte offset of display column `col` within the line starting at `start`. */
static size_t at_column(const repl_model_t *m, size_t start, size_t col) {
  size_t p = start, end = line_end(m, start), c = 0;
  while (p < end && c < col) {
    p = next_char(m, p);
    c++;
  }
  return p;
}

static size_t column_of(const repl_model_t *m, size_t at) {
  size_t p = line_start(m, at), c = 0;
  while (p < at) {
    p = next_char(m, p);
    c++;
  }
  return c;
}

int repl_model_line_up(repl_model_t *m) {
  size_t s = line_start(m, m->cursor), col;
  if (s == 0) return 0;
  col = column_of(m, m->cursor);
  m->cursor = at_column(m, line_start(m, s - 1), col);
  return 1;
}

int repl_model_line_down(repl_model_t *m) {
  size_t e = line_end(m, m->cursor), col;
  if (e >= m->input.len) return 0;
  col = column_of(m, m->cursor);
  m->cursor = at_column(m, e + 1, col);
  return 1;
}

static void set_kill(repl_model_t *m, size_t from, size_t to) {
  free(m->kill);
  m->kill = dr_strndup(m->input.buf + from, to - from);
}

void repl_model_kill_to_end(repl_model_t *m) {
  size_t e = line_end(m, m->cursor);
  if (e == m->cursor && e < m->input.len) e++; /* at end of line: join lines */
  if (e == m->cursor) return;
  push_undo(m, 0);
  set_kill(m, m->cursor, e);
  buf_splice(m, m->cursor, e - m->cursor, "", 0);
}

void repl_model_kill_to_start(repl_model_t *m) {
  size_t s = line_start(m, m->cursor);
  if (s == m->cursor) return;
  push_undo(m, 0);
  set_kill(m, s, m->cursor);
  buf_splice(m, s, m->cursor - s, "", 0);
  m->cursor = s;
}

void repl_model_kill_word_back(repl_model_t *m) {
  size_t end = m->cursor;
  repl_model_word_left(m);
  if (m->cursor == end) return;
  {
    size_t start = m->cursor;
    m->cursor = end;
    push_undo(m, 0);
    set_kill(m, start, end);
    buf_splice(m, start, end - start, "", 0);
    m->cursor = start;
  }
}

void repl_model_yank(repl_model_t *m) {
  if (!m->kill || !*m->kill) return;
  push_undo(m, 0);
  buf_splice(m, m->cursor, 0, m->kill, strlen(m->kill));
  m->cursor += strlen(m->kill);
}

void repl_model_transpose(repl_model_t *m) {
  size_t a, b;
  char tmp[8];
  if (m->cursor == 0 || m->input.len < 2) return;
  if (m->cursor == m->input.len) m->cursor = prev_char(m, m->cursor);
  a = prev_char(m, m->cursor);
  b = next_char(m, m->cursor);
  if (m->cursor - a > 4 || b - m->cursor > 4) return;
  push_undo(m, 0);
  {
    size_t la = m->cursor - a, lb = b - m->cursor;
    memcpy(tmp, m->input.buf + a, la);
    memmove(m->input.buf + a, m->input.buf + m->cursor, lb);
    memcpy(m->input.buf + a + lb, tmp, la);
  }
  m->cursor = b;
}

void repl_model_set_input(repl_model_t *m, const char *s) {
  push_undo(m, 0);
  dr_buf_reset(&m->input);
  dr_buf_adds(&m->input, s);
  m->cursor = m->input.len;
  m->undo_coalesce = 0;
}

void repl_model_clear_input(repl_model_t *m) {
  dr_buf_reset(&m->input);
  m->cursor = 0;
  for (size_t i = 0; i < m->nundo; i++) free(m->undo[i].text);
  m->nundo = 0;
  m->undo_coalesce = 0;
  repl_model_set_str(&m->preview, NULL);
  repl_model_popup_close(m);
}

static void line_free(repl_line_t *l) {
  free(l->text);
  free(l->oid);
}

/* Makes room for n lines at index `at` (dropping the oldest beyond MAX_OUT). */
static void open_gap(repl_model_t *m, size_t at, size_t n) {
  if (m->nout + n > m->capout) {
    m->capout = (m->nout + n) * 2 > 256 ? (m->nout + n) * 2 : 256;
    m->out = dr_realloc(m->out, m->capout * sizeof(repl_line_t));
  }
  memmove(m->out + at + n, m->out + at, (m->nout - at) * sizeof(repl_line_t));
  memset(m->out + at, 0, n * sizeof(repl_line_t));
  m->nout += n;
}

static void trim(repl_model_t *m) {
  if (m->nout <= MAX_OUT) return;
  {
    size_t drop = m->nout - MAX_OUT;
    for (size_t i = 0; i < drop; i++) line_free(&m->out[i]);
    memmove(m->out, m->out + drop, (m->nout - drop) * sizeof(repl_line_t));
    m->nout -= drop;
    if (m->browse >= 0) m->browse = m->browse >= (long)drop ? m->browse - (long)drop : -1;
  }
}

void repl_model_output_obj(repl_model_t *m, const char *styled, const char *oid, int depth) {
  const char *p = styled;
  int first = 1;
  for (;;) {
    size_t n = strcspn(p, "\n");
    repl_line_t *l;
    open_gap(m, m->nout, 1);
    l = &m->out[m->nout - 1];
    l->text = dr_strndup(p, n);
    l->oid = first && oid ? dr_strdup(oid) : NULL;
    l->depth = depth;
    first = 0;
    p += n;
    if (!*p) break;
    p++;
    if (!*p) break; /* trailing newline */
  }
  trim(m);
  m->scroll = 0;
}

void repl_model_output(repl_model_t *m, const char *styled) {
  repl_model_output_obj(m, styled, NULL, 0);
}

void repl_model_insert_lines(repl_model_t *m, size_t at, char **texts, char **oids, size_t n,
                             int depth) {
  if (at >= m->nout || !n) return;
  open_gap(m, at + 1, n);
  for (size_t i = 0; i < n; i++) {
    m->out[at + 1 + i].text = dr_strdup(texts[i]);
    m->out[at + 1 + i].oid = oids && oids[i] ? dr_strdup(oids[i]) : NULL;
    m->out[at + 1 + i].depth = depth;
  }
  m->out[at].open = 1;
  if (m->browse > (long)at) m->browse += (long)n;
  trim(m);
}

void repl_model_collapse(repl_model_t *m, size_t at) {
  size_t end = at + 1;
  if (at >= m->nout) return;
  while (end < m->nout && m->out[end].depth > m->out[at].depth) end++;
  for (size_t i = at + 1; i < end; i++) line_free(&m->out[i]);
  memmove(m->out + at + 1, m->out + end, (m->nout - end) * sizeof(repl_line_t));
  m->nout -= end - at - 1;
  m->out[at].open = 0;
  if (m->browse > (long)at) m->browse = (long)at;
}

int repl_model_browse(repl_model_t *m, int dir) {
  long i = m->browse < 0 ? (long)m->nout : m->browse;
  if (m->browse < 0) dir = -1;
  for (i += dir; i >= 0 && i < (long)m->nout; i += dir)
    if (m->out[i].oid) {
      m->browse = i;
      return 1;
    }
  return m->browse >= 0;
}

void repl_model_clear_output(repl_model_t *m) {
  for (size_t i = 0; i < m->nout; i++) line_free(&m->out[i]);
  m->nout = 0;
  m->scroll = 0;
  m->browse = -1;
}

void repl_model_popup(repl_model_t *m, char **items, size_t n, size_t prefix_len) {
  repl_model_popup_close(m);
  m->popup = dr_calloc(n ? n : 1, sizeof(char *));
  for (size_t i = 0; i < n; i++) m->popup[i] = dr_strdup(items[i]);
  m->npopup = n;
  m->popup_prefix = prefix_len;
  m->popup_sel = 0;
  m->popup_visible = n > 0;
  m->popup_chosen = 0;
}

void repl_model_popup_close(repl_model_t *m) {
  for (size_t i = 0; i < m->npopup; i++) free(m->popup[i]);
  free(m->popup);
  m->popup = NULL;
  m->npopup = m->popup_sel = m->popup_prefix = 0;
  m->popup_visible = 0;
}

void repl_model_popup_accept(repl_model_t *m) {
  const char *item;
  size_t pre;
  if (!m->popup_visible || m->popup_sel >= m->npopup) return;
  item = m->popup[m->popup_sel];
  pre = m->popup_prefix <= m->cursor ? m->popup_prefix : m->cursor;
  push_undo(m, 0);
  buf_splice(m, m->cursor - pre, pre, item, strlen(item));
  m->cursor = m->cursor - pre + strlen(item);
  repl_model_popup_close(m);
}

void repl_model_cursor_pos(const repl_model_t *m, int *line, int *col) {
  int l = 0;
  size_t s = 0;
  for (size_t i = 0; i < m->cursor; i++)
    if (m->input.buf[i] == '\n') {
      l++;
      s = i + 1;
    }
  *line = l;
  {
    char *t = dr_strndup(m->input.buf + s, m->cursor - s);
    *col = repl_text_width(t);
    free(t);
  }
}
