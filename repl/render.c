/* render.c — the renderer: the only file that calls ncurses.
 *
 * Draws a repl_model_t.  Layout, bottom up: the status line (reverse
 * video), one line for the eager preview (or the search prompt), the input
 * with its prompt, the completion popup floating above the cursor, and the
 * output log filling the rest.  While paused the top of the screen becomes
 * the debugger (pudb style): source with line numbers, a '>' marker on the
 * current line, '●' in the breakpoint gutter and the source cursor in
 * reverse; on the right the call stack, scopes and watches.
 * Styled text arrives with ANSI SGR; put_styled() maps it to curses
 * attributes (16/256-color terminals use bright colors, 8-color terminals
 * bold, and without colors only bold/dim/reverse remain).
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "devrun/util.h"
#include "model.h"
#include "render.h"
#include "repl.h"

static int use_color, ncolors;

int repl_render_init(int color) {
  if (!initscr()) return -1;
  raw();
  noecho();
  nonl();
  typeahead(-1);
  use_color = color && has_colors();
  if (use_color) {
    start_color();
    use_default_colors();
    ncolors = COLORS >= 16 ? 16 : 8;
    for (int i = 0; i < 8; i++) init_pair((short)(1 + i), (short)i, -1);
    if (ncolors == 16)
      for (int i = 0; i < 8; i++) init_pair((short)(9 + i), (short)(8 + i), -1);
  }
  /* bracketed paste on */
  fputs("\033[?2004h", stdout);
  fflush(stdout);
  return 0;
}

void repl_render_end(void) {
  fputs("\033[?2004l", stdout);
  fflush(stdout);
  endwin();
}

void repl_render_suspend(void) {
  fputs("\033[?2004l", stdout);
  fflush(stdout);
  def_prog_mode();
  endwin();
}

void repl_render_resume(void) {
  reset_prog_mode();
  fputs("\033[?2004h", stdout);
  fflush(stdout);
  clearok(stdscr, TRUE);
}

void repl_render_resize(int rows, int cols) {
  if (rows > 0 && cols > 0) resizeterm(rows, cols);
  clearok(stdscr, TRUE);
}

void repl_render_size(int *rows, int *cols) {
  *rows = LINES;
  *cols = COLS;
}

/* SGR state -> attr_t */
typedef struct {
  int fg; /* -1 default, 0..15 */
  int bold, dim, reverse;
} sgr_t;

static attr_t to_attr(const sgr_t *s) {
  attr_t a = A_NORMAL;
  int fg = s->fg;
  if (s->bold) a |= A_BOLD;
  if (s->dim) a |= A_DIM;
  if (s->reverse) a |= A_REVERSE;
  if (fg == 8) { /* grey */
    if (use_color && ncolors == 16)
      a |= COLOR_PAIR(9);
    else
      a |= A_DIM;
  } else if (use_color && fg >= 0) {
    if (fg >= 8 && ncolors < 16) {
      a |= A_BOLD;
      fg -= 8;
    }
    a |= COLOR_PAIR(1 + fg);
  }
  return a;
}

static void apply_sgr(sgr_t *s, const char *params, size_t n) {
  int v = 0, have = 0;
  for (size_t i = 0; i <= n; i++) {
    if (i < n && params[i] >= '0' && params[i] <= '9') {
      v = v * 10 + (params[i] - '0');
      have = 1;
      continue;
    }
    if (!have) v = 0;
    if (v == 0) {
      s->fg = -1;
      s->bold = s->dim = s->reverse = 0;
    } else if (v == 1)
      s->bold = 1;
    else if (v == 2)
      s->dim = 1;
    else if (v == 7)
      s->reverse = 1;
    else if (v == 22)
      s->bold = s->dim = 0;
    else if (v == 27)
      s->reverse = 0;
    else if (v >= 30 && v <= 37)
      s->fg = v - 30;
    else if (v == 39)
      s->fg = -1;
    else if (v >= 90 && v <= 97)
      s->fg = v - 90 + 8;
    v = 0;
    have = 0;
  }
}

/* Draws styled text at (y, x), at most w columns; returns columns used.
 * `st` carries the SGR state across calls (multi-line spans). */
static int put_styled(int y, int x, int w, const char *s, sgr_t *st, attr_t extra) {
  int used = 0;
  mbstate_t mb;
  memset(&mb, 0, sizeof(mb));
  move(y, x);
  while (*s && used < w) {
    wchar_t wc[2] = {0, 0};
    size_t n;
    int cw;
    if (s[0] == '\033' && s[1] == '[') {
      const char *p = s + 2;
      while (*p && !(*p >= '@' && *p <= '~')) p++;
      if (*p == 'm') apply_sgr(st, s + 2, (size_t)(p - s - 2));
      s = *p ? p + 1 : p;
      continue;
    }
    n = mbrtowc(&wc[0], s, MB_CUR_MAX, &mb);
    if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
      memset(&mb, 0, sizeof(mb));
      wc[0] = L'?';
      n = 1;
    }
    if (wc[0] == L'\t') wc[0] = L' ';
    if (wc[0] < 0x20) wc[0] = L'?';
    cw = wcwidth(wc[0]);
    if (cw < 0) cw = 1;
    if (used + cw > w) break;
    attrset(to_attr(st) | extra);
    addnwstr(wc, 1);
    used += cw;
    s += n;
  }
  attrset(A_NORMAL);
  return used;
}

static void fill(int y, int x, int w, attr_t a) {
  attrset(a);
  for (int i = 0; i < w; i++) mvaddch(y, x + i, ' ');
  attrset(A_NORMAL);
}

static int count_lines(const char *s) {
  int n = 1;
  if (!s) return 0;
  for (; *s; s++)
    if (*s == '\n') n++;
  return n;
}

/* The i-th line of s (0-based) as a pointer and length. */
static const char *nth_line(const char *s, int i, size_t *len) {
  while (i > 0 && s) {
    s = strchr(s, '\n');
    if (s) s++;
    i--;
  }
  if (!s) return NULL;
  *len = strcspn(s, "\n");
  return s;
}

static int has_bp(const repl_model_t *m, int line1) {
  for (size_t i = 0; i < m->nbp_lines; i++)
    if (m->bp_lines[i] == line1) return 1;
  return 0;
}

static void draw_pane(const char *title, const char *text, int y, int x, int h, int w) {
  sgr_t st = {-1, 0, 0, 0};
  fill(y, x, w, A_REVERSE);
  put_styled(y, x + 1, w - 1, title, &st, A_REVERSE | A_BOLD);
  for (int i = 1; i < h; i++) {
    size_t n;
    const char *l = text ? nth_line(text, i - 1, &n) : NULL;
    if (!l) break;
    {
      char *t = dr_strndup(l, n);
      sgr_t s2 = {-1, 0, 0, 0};
      put_styled(y + i, x + 1, w - 1, t, &s2, 0);
      free(t);
    }
  }
}

static void draw_debugger(const repl_model_t *m, int h) {
  int srcw = m->cols * 3 / 5, rw = m->cols - srcw - 1;
  int nlines = count_lines(m->src), first, gutter = 7;
  sgr_t st = {-1, 0, 0, 0};
  dr_buf_t title = DR_BUF_INIT;
  dr_buf_addf(&title, " %s ", m->where ? m->where : "Paused");
  fill(0, 0, srcw, A_REVERSE);
  put_styled(0, 0, srcw, title.buf, &st, A_REVERSE | A_BOLD);
  dr_buf_release(&title);
  /* Source: keep the source cursor in view, centred. */
  first = m->src_cursor - (h - 1) / 2;
  if (first > nlines - (h - 1)) first = nlines - (h - 1);
  if (first < 0) first = 0;
  for (int i = 1; i < h; i++) {
    int ln = first + i - 1;
    size_t n;
    const char *l = m->src ? nth_line(m->src, ln, &n) : NULL;
    char num[16];
    attr_t extra = ln == m->src_cursor ? A_REVERSE : 0;
    if (!l || ln >= nlines) break;
    snprintf(num, sizeof(num), "%c%c%4d ", ln == m->src_line ? '>' : ' ',
             has_bp(m, ln + 1) ? '*' : ' ', ln + 1);
    attrset((ln == m->src_line ? A_BOLD : A_DIM) | extra);
    mvaddstr(i, 0, num);
    if (has_bp(m, ln + 1)) {
      attrset((use_color ? COLOR_PAIR(2) : 0) | A_BOLD | extra);
      mvaddstr(i, 1, "\xe2\x97\x8f"); /* ● */
    }
    attrset(A_NORMAL);
    {
      dr_buf_t hl = DR_BUF_INIT;
      sgr_t s2 = {-1, 0, 0, 0};
      if (m->color)
        repl_highlight(&hl, l, n);
      else
        dr_buf_add(&hl, l, n);
      if (extra) fill(i, gutter, srcw - gutter, extra);
      put_styled(i, gutter, srcw - gutter, hl.buf, &s2, extra | (ln == m->src_line ? A_BOLD : 0));
      dr_buf_release(&hl);
    }
  }
  /* Right column: stack, scopes, watches. */
  attrset(A_DIM);
  for (int i = 0; i < h; i++) mvaddch(i, srcw, ACS_VLINE);
  attrset(A_NORMAL);
  {
    int hs = h / 4 + 1, hw = m->watches && *m->watches ? h / 4 : 2, hv = h - hs - hw;
    if (hv < 3) hv = 3;
    draw_pane("Stack", m->stack, 0, srcw + 1, hs, rw);
    draw_pane("Variables", m->scopes, hs, srcw + 1, hv, rw);
    draw_pane("Watches", m->watches, hs + hv, srcw + 1, h - hs - hv, rw);
  }
}

void repl_render(const repl_model_t *m) {
  int rows = m->rows, cols = m->cols;
  int nin = count_lines(m->input.buf[0] ? m->input.buf : "");
  int in_h = nin < rows / 2 ? nin : rows / 2;
  int status_y = rows - 1, preview_y = rows - 2, in_y = preview_y - in_h;
  int top = 0, out_h;
  int cur_line, cur_col, in_first = 0;
  const char *prompt = m->paused ? "debug> " : "> ";
  int pw = (int)strlen(prompt);
  sgr_t st = {-1, 0, 0, 0};
  erase();
  if (rows < 5 || cols < 20) {
    mvaddstr(0, 0, "terminal too small");
    refresh();
    return;
  }
  repl_model_cursor_pos(m, &cur_line, &cur_col);
  if (m->paused) {
    int dh = (in_y)*3 / 5;
    if (dh >= 4) {
      draw_debugger(m, dh);
      top = dh;
    }
  }
  /* Output log: the tail, minus scrollback. */
  out_h = in_y - top;
  if (out_h > 0) {
    long last = (long)m->nout - 1 - (long)m->scroll;
    long first = last - out_h + 1;
    if (first < 0) first = 0;
    for (long i = first, y = top; i <= last && y < in_y; i++, y++) {
      sgr_t s2 = {-1, 0, 0, 0};
      attr_t sel = i == m->browse ? A_REVERSE : 0;
      if (sel) fill((int)y, 0, cols, sel);
      put_styled((int)y, 0, cols, m->out[i].text, &s2, sel);
    }
  }
  /* Input (highlighted), scrolled so the cursor line is visible. */
  {
    dr_buf_t hl = DR_BUF_INIT;
    int first = cur_line - in_h + 1 > 0 ? cur_line - in_h + 1 : 0;
    sgr_t s2 = {-1, 0, 0, 0};
    if (m->color)
      repl_highlight(&hl, m->input.buf, m->input.len);
    else
      dr_buf_add(&hl, m->input.buf, m->input.len);
    for (int i = 0; i < nin; i++) {
      size_t n;
      const char *l = nth_line(hl.buf, i, &n);
      char *t;
      if (!l) break;
      t = dr_strndup(l, n);
      if (i >= first && i < first + in_h) {
        attrset(A_BOLD);
        mvaddstr(in_y + i - first, 0, i == 0 ? prompt : "... ");
        attrset(A_NORMAL);
        put_styled(in_y + i - first, i == 0 ? pw : 4, cols - pw, t, &s2, 0);
      } else {
        /* keep SGR state consistent for lines scrolled off */
        sgr_t tmp = s2;
        (void)tmp;
      }
      free(t);
    }
    dr_buf_release(&hl);
    in_first = first;
    cur_line -= first;
  }
  /* Preview or reverse search. */
  if (m->searching) {
    dr_buf_t b = DR_BUF_INIT;
    dr_buf_addf(&b, "(reverse-i-search)`%s': ", m->search.buf);
    put_styled(preview_y, 0, cols, b.buf, &st, A_BOLD);
    dr_buf_release(&b);
  } else if (m->preview) {
    sgr_t s2 = {8, 0, 0, 0}; /* grey */
    char *t = dr_strdup(m->preview);
    if (!m->color)
      repl_strip_sgr(t);
    else {
      /* greyed: drop colors from the formatted preview */
      repl_strip_sgr(t);
    }
    put_styled(preview_y, 0, cols, t, &s2, use_color ? 0 : A_DIM);
    free(t);
  }
  /* Status line. */
  fill(status_y, 0, cols, A_REVERSE);
  {
    dr_buf_t b = DR_BUF_INIT;
    if (m->browse >= 0)
      dr_buf_adds(&b,
                  " [browse] Up/Down select  Enter/Tab/Right expand  Left collapse  Esc back |");
    dr_buf_addf(&b, " %s%s%s", m->busy && !m->paused ? "[running] " : "",
                m->paused ? "[paused] F5 cont F10 next F11 step S-F11 out F9 bp | " : "",
                m->status ? m->status : "");
    put_styled(status_y, 0, cols, b.buf, &st, A_REVERSE);
    dr_buf_release(&b);
  }
  /* Popup above (or below) the cursor. */
  if (m->popup_visible && m->npopup) {
    int show = m->npopup < 8 ? (int)m->npopup : 8, w = 0;
    size_t start = m->popup_sel >= (size_t)show ? m->popup_sel - show + 1 : 0;
    int py, px = (cur_line + in_first == 0 ? pw : 4) + cur_col - (int)m->popup_prefix;
    for (size_t i = 0; i < m->npopup && i < 200; i++) {
      int l = (int)strlen(m->popup[i]);
      if (l > w) w = l;
    }
    w += 2;
    if (w > cols / 2) w = cols / 2;
    if (px + w > cols) px = cols - w;
    if (px < 0) px = 0;
    py = in_y + cur_line - show;
    if (py < 0) py = in_y + cur_line + 1;
    for (int i = 0; i < show; i++) {
      size_t idx = start + (size_t)i;
      attr_t a = idx == m->popup_sel ? A_REVERSE | A_BOLD : A_REVERSE | A_DIM;
      sgr_t s2 = {-1, 0, 0, 0};
      if (use_color) a = idx == m->popup_sel ? A_REVERSE | COLOR_PAIR(7) | A_BOLD : A_REVERSE;
      fill(py + i, px, w, a);
      put_styled(py + i, px + 1, w - 2, m->popup[idx], &s2, a);
    }
    if (m->npopup > (size_t)show) {
      char more[32];
      snprintf(more, sizeof(more), "%zu/%zu", m->popup_sel + 1, m->npopup);
      attrset(A_DIM);
      mvaddstr(py + show < rows - 1 ? py + show : py - 1, px, more);
      attrset(A_NORMAL);
    }
  }
  if (m->searching) {
    move(preview_y, (int)strlen("(reverse-i-search)`") + repl_text_width(m->search.buf));
  } else {
    move(in_y + cur_line, (cur_line + in_first == 0 ? pw : 4) + cur_col);
  }
  curs_set(1);
  refresh();
}
