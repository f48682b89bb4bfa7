/* model.h — the full-screen state, with no curses in it (model.c).
 *
 * ui.c changes it in response to keys and CDP events; render.c draws it.
 * Text is UTF-8; styled text carries ANSI SGR (see repl.h).
 */
#ifndef DEVRUN_REPL_MODEL_H
#define DEVRUN_REPL_MODEL_H

#include <stddef.h>

#include "devrun/buf.h"

typedef struct repl_undo_s {
  char *text;
  size_t cursor;
} repl_undo_t;

/* One line of the output log.  A line holding a printed object carries its
 * RemoteObject id and can be expanded in place (its properties are inserted
 * below it, one level deeper). */
typedef struct repl_line_s {
  char *text; /* styled */
  char *oid;  /* objectId of the value on this line, or NULL */
  int depth;  /* nesting level of an expanded property */
  int open;   /* expanded */
} repl_line_t;

typedef struct repl_model_s {
  /* the editor */
  dr_buf_t input;
  size_t cursor; /* byte offset into input */
  repl_undo_t *undo;
  size_t nundo;
  int undo_coalesce; /* last edit was a typed character */
  char *kill;
  /* the output log (oldest first) */
  repl_line_t *out;
  size_t nout, capout;
  size_t scroll; /* lines scrolled back from the bottom */
  long browse;   /* selected output line while browsing results, or -1 */
  /* under the input */
  char *preview; /* styled, or NULL */
  /* completion popup */
  char **popup;
  size_t npopup, popup_sel, popup_prefix;
  int popup_visible;
  int popup_chosen; /* opened by Tab or navigated: Enter accepts */
  /* history browsing and search */
  long hist_pos; /* -1: editing a new input */
  char *hist_saved;
  int searching;
  dr_buf_t search;
  long search_hit;
  /* state shown in the status line */
  int busy;
  char *status;
  char *title;
  /* the debugger view (valid while paused) */
  int paused;
  char *where; /* "Paused (other) in f at app.js:3" */
  char *src;   /* source text of the selected frame's script */
  char *src_url;
  int src_line;   /* 0-based current line */
  int src_cursor; /* 0-based line under the source cursor */
  int *bp_lines;  /* 1-based lines with breakpoints in src_url */
  size_t nbp_lines;
  char *stack, *scopes, *watches; /* preformatted panes, lines split by \n */
  int rows, cols;
  int color;
} repl_model_t;

void repl_model_init(repl_model_t *m);
void repl_model_release(repl_model_t *m);

/* editing (each pushes undo state as needed) */
void repl_model_insert(repl_model_t *m, const char *s, size_t n);
void repl_model_backspace(repl_model_t *m);
void repl_model_delete(repl_model_t *m);
void repl_model_left(repl_model_t *m);
void repl_model_right(repl_model_t *m);
void repl_model_word_left(repl_model_t *m);
void repl_model_word_right(repl_model_t *m);
void repl_model_home(repl_model_t *m); /* start of the current line */
void repl_model_end(repl_model_t *m);
/* Moves to the previous/next line of a multi-line input; returns 0 when
 * already on the first/last line (the caller then browses history). */
int repl_model_line_up(repl_model_t *m);
int repl_model_line_down(repl_model_t *m);
void repl_model_kill_to_end(repl_model_t *m);
void repl_model_kill_to_start(repl_model_t *m);
void repl_model_kill_word_back(repl_model_t *m);
void repl_model_yank(repl_model_t *m);
void repl_model_transpose(repl_model_t *m);
int repl_model_undo(repl_model_t *m);
void repl_model_set_input(repl_model_t *m, const char *s); /* replaces, keeps undo */
void repl_model_clear_input(repl_model_t *m);
/* the output log */
void repl_model_output(repl_model_t *m, const char *styled); /* split on \n */
/* Same, with the first line holding an expandable object. */
void repl_model_output_obj(repl_model_t *m, const char *styled, const char *oid, int depth);
/* Inserts lines after line `at` (one per element; oids[i] may be NULL). */
void repl_model_insert_lines(repl_model_t *m, size_t at, char **texts, char **oids, size_t n,
                             int depth);
/* Removes the lines nested under line `at` (a collapse). */
void repl_model_collapse(repl_model_t *m, size_t at);
/* Moves the browse selection to the previous/next expandable line (dir -1/+1);
 * from -1 it selects the last one.  Returns 0 when there is none. */
int repl_model_browse(repl_model_t *m, int dir);
void repl_model_clear_output(repl_model_t *m);
/* popup */
void repl_model_popup(repl_model_t *m, char **items, size_t n, size_t prefix_len);
void repl_model_popup_close(repl_model_t *m);
/* Replaces the prefix before the cursor with the selected item. */
void repl_model_popup_accept(repl_model_t *m);
/* 0-based line and display column of the cursor inside the input. */
void repl_model_cursor_pos(const repl_model_t *m, int *line, int *col);
void repl_model_set_str(char **field, const char *v);

#endif
