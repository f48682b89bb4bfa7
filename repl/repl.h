/* repl.h — internal header of devrun-repl, prototypes grouped by file.
 *
 * Layers (tmux-style; only render.c includes curses):
 *   main.c       options, mode selection, starting the local runtime
 *   target.c     spawning devrun-js/node with --inspect and reading its URL
 *   session.c    the evaluation engine over CDP: Node REPL semantics (_,
 *                _error, replMode top-level await), completeness check,
 *                eager preview, console events
 *   inspect.c    RemoteObject -> util.inspect-like text (ANSI SGR styled)
 *   highlight.c  JavaScript tokenizer -> ANSI-styled source
 *   complete.c   completion candidates (globals, prototype chain, require
 *                paths, dot-commands), ranking
 *   history.c    the history list and ~/.devrun_repl_history
 *   debugger.c   paused state, call frames, scopes, breakpoints, commands
 *   line.c       line mode (stdin not a TTY)
 *   model.c      the full-screen model: editor buffer, undo, output, popup
 *   keys.c       table-driven key parser (bytes -> keys, bracketed paste)
 *   ui.c         the full-screen controller: poll loop, key -> action
 *   render.c     the one renderer: model -> ncurses
 * Styled text everywhere is UTF-8 with ANSI SGR escapes; the line mode
 * prints it (or strips it), the renderer turns SGR into curses attributes.
 */
#ifndef DEVRUN_REPL_H
#define DEVRUN_REPL_H

#include <stddef.h>

#include <jansson.h>

#include "devrun/buf.h"
#include "devrun/cdp.h"

/* SGR used by inspect.c / highlight.c (Node's util.inspect palette). */
#define SGR_RESET "\033[0m"
#define SGR_NUMBER "\033[33m"
#define SGR_STRING "\033[32m"
#define SGR_GREY "\033[90m"
#define SGR_BOLD "\033[1m"
#define SGR_SPECIAL "\033[36m"
#define SGR_DATE "\033[35m"
#define SGR_REGEXP "\033[31m"
#define SGR_KEYWORD "\033[35m"
#define SGR_ERROR "\033[31m"

/* --- target.c ---------------------------------------------------------- */
typedef struct repl_child_s {
  int pid;
  int out_fd, err_fd; /* the child's stdout/stderr (nonblocking), or -1 */
  char *ws_url;
} repl_child_t;
/* Starts `runtime` with --inspect=127.0.0.1:0 and a keep-alive script,
 * waits for "Debugger listening on ws://..." on its stderr. */
int repl_child_start(repl_child_t *ch, const char *runtime, char *err, size_t errlen);
/* Reads what the child wrote (nonblocking) into out/err (either may be NULL
 * to discard), dropping the inspector's own notices. */
void repl_child_drain(repl_child_t *ch, dr_buf_t *out, dr_buf_t *err);
void repl_child_stop(repl_child_t *ch);
/* Makes SIGHUP/SIGTERM stop the child before devrun-repl dies
 * (repl_child_start calls it; the child also has PR_SET_PDEATHSIG). */
void repl_child_guard(repl_child_t *ch);
/* Waits up to timeout_ms for the child to exit; returns its status as a
 * shell would (code, or 128 + signal), or -1 while it runs. */
int repl_child_exited(repl_child_t *ch, int timeout_ms);

/* --- session.c --------------------------------------------------------- */
typedef struct repl_session_s repl_session_t;
typedef struct repl_eval_s {
  int ok;         /* 1: value, 0: exception */
  char *text;     /* styled, formatted result or "Uncaught ..." */
  json_t *remote; /* the RemoteObject (owned), for expansion */
} repl_eval_t;

typedef void (*repl_console_fn)(void *ud, const char *level, const char *styled_text);
typedef void (*repl_paused_fn)(void *ud, json_t *params); /* Debugger.paused */
typedef void (*repl_resumed_fn)(void *ud);
typedef void (*repl_gone_fn)(void *ud, const char *why);

typedef struct repl_session_cbs_s {
  repl_console_fn console;
  repl_paused_fn paused;
  repl_resumed_fn resumed;
  repl_gone_fn gone;
  void *ud;
} repl_session_cbs_t;

repl_session_t *repl_session_new(const repl_session_cbs_t *cbs, int color, int width);
/* Opens the CDP session and enables Runtime/Debugger. */
int repl_session_attach(repl_session_t *s, const char *target, char *err, size_t errlen);
void repl_session_free(repl_session_t *s);
dr_cdp_t *repl_session_cdp(repl_session_t *s);
const char *repl_session_target(repl_session_t *s);
void repl_session_set_width(repl_session_t *s, int width);
void repl_session_set_color(repl_session_t *s, int color);
/* 1 complete, 0 needs more input (unterminated block/string/template). */
int repl_session_is_complete(repl_session_t *s, const char *src);
/* Evaluates with Node REPL semantics; in the selected frame when paused. */
int repl_session_eval(repl_session_t *s, const char *src, repl_eval_t *out);
void repl_eval_release(repl_eval_t *e);
/* The same without waiting: cb runs from a later dispatch (rc DR_EOF when
 * the target went away; ev->text then says so).  ev is borrowed. */
typedef void (*repl_eval_cb)(void *ud, int rc, repl_eval_t *ev);
int repl_session_eval_async(repl_session_t *s, const char *src, repl_eval_cb cb, void *ud);
/* Side-effect-free one-line preview, styled; NULL when there is none. */
char *repl_session_preview(repl_session_t *s, const char *src, int maxcols);
/* Evaluates side-effect-free, returns the RemoteObject (caller decrefs). */
json_t *repl_session_eval_pure(repl_session_t *s, const char *expr, const char *group);
/* The Runtime.getProperties reply ({result, internalProperties}), caller
 * decrefs; `preview` asks for previews of object values. */
json_t *repl_session_properties(repl_session_t *s, const char *object_id, int own, int preview);
/* Set when the last eval/preview reported the target gone. */
int repl_session_alive(repl_session_t *s);
/* Bumped by every evaluation and frame change. */
unsigned repl_session_generation(repl_session_t *s);
/* Dispatches pending events (nonblocking). */
void repl_session_poll(repl_session_t *s, int timeout_ms);
/* Paused call frame to evaluate in (borrowed id, NULL when running). */
void repl_session_set_frame(repl_session_t *s, const char *call_frame_id);
/* The frame's scopeChain (borrowed; kept with a reference), for completing
 * local names while paused; NULL when running. */
void repl_session_set_scopes(repl_session_t *s, json_t *scope_chain);
json_t *repl_session_scopes(repl_session_t *s);
/* Show Runtime.consoleAPICalled output through cbs.console (attach mode;
 * a local child's own stdout is shown instead). */
void repl_session_show_console(repl_session_t *s, int on);
/* Re-attaches to the same target after it went away (one try). */
int repl_session_reattach(repl_session_t *s, char *err, size_t errlen);

/* --- inspect.c --------------------------------------------------------- */
/* Formats a RemoteObject (with preview when present) into `out`, styled
 * when color is set.  Strings are quoted like util.inspect unless top==2
 * (console.log argument: raw). */
void repl_inspect_remote(dr_buf_t *out, json_t *ro, int color, int top);
/* Quotes a string as util.inspect does ('x', "it's", `both'"`). */
void repl_inspect_quote(dr_buf_t *out, const char *s, size_t n);
/* Removes SGR escapes in place; returns the new length. */
size_t repl_strip_sgr(char *s);
/* Display width (columns) of styled UTF-8 text, escapes excluded. */
int repl_text_width(const char *s);

/* --- highlight.c --------------------------------------------------------- */
/* Appends `src` styled with SGR (keywords, strings, numbers, comments). */
void repl_highlight(dr_buf_t *out, const char *src, size_t n);

/* --- complete.c ---------------------------------------------------------- */
typedef struct repl_completion_s {
  char **items; /* candidates, ranked */
  size_t n;
  size_t prefix_len; /* bytes before the cursor that the candidates replace */
} repl_completion_t;
int repl_complete(repl_session_t *s, const char *line, size_t cursor, repl_completion_t *out);
void repl_completion_release(repl_completion_t *c);
/* Drops the cached name list (tests, reattach). */
void repl_complete_reset(void);
/* Ranks names against prefix (case-insensitive, exact-case prefix first,
 * then prefix, then substring); keeps matches only.  Exposed for tests. */
void repl_rank(char **names, size_t n, const char *prefix, repl_completion_t *out);
/* Splits "foo.bar.ba" into the expression "foo.bar" and the partial word
 * "ba"; returns 0 when the text before the cursor is not completable. */
int repl_complete_split(const char *line, size_t cursor, char **expr, char **word);

/* --- history.c ----------------------------------------------------------- */
typedef struct repl_history_s {
  char **items; /* oldest first */
  size_t n, cap, max;
  char *path; /* NULL: not persisted */
} repl_history_t;
void repl_history_init(repl_history_t *h, size_t max);
/* Path from DEVRUN_REPL_HISTORY (empty: disabled) or ~/.devrun_repl_history. */
int repl_history_load(repl_history_t *h, const char *path);
void repl_history_add(repl_history_t *h, const char *entry);
int repl_history_save(const repl_history_t *h);
/* Index of the newest entry before `from` containing `needle`, or -1. */
long repl_history_search(const repl_history_t *h, const char *needle, long from);
void repl_history_release(repl_history_t *h);
/* Encoding of one entry on one line (newlines and backslashes escaped). */
void repl_history_encode(dr_buf_t *out, const char *entry);
char *repl_history_decode(const char *line, size_t n);

/* --- debugger.c ---------------------------------------------------------- */
typedef struct repl_bp_s {
  char *url_regex_or_file; /* what the user typed: file path or URL */
  int line;                /* 1-based */
  char *condition;         /* NULL, or a condition / logpoint expression */
  int logpoint;
  char *id;        /* breakpointId of the current attachment */
  char **more_ids; /* more, when several mapped scripts have the source */
  size_t nmore;
} repl_bp_t;

typedef struct repl_frame_s {
  char *id, *function, *url, *script_id;
  int line, col;  /* 0-based, in the generated script */
  json_t *scopes; /* scopeChain (owned) */
  /* With a source map: the original source (path as in the map) and line;
   * `orig_text` borrowed from the map.  NULL/-1 without one. */
  char *orig_url;
  int orig_line;
  const char *orig_text;
} repl_frame_t;

struct repl_srcmap_s;
typedef struct repl_script_s {
  char *id, *url, *map_url;
  struct repl_srcmap_s *map; /* loaded lazily */
  int map_tried;
} repl_script_t;

typedef struct repl_debugger_s {
  repl_session_t *s;
  int paused;
  char *reason;
  repl_frame_t *frames;
  size_t nframes, selected;
  repl_bp_t *bps;
  size_t nbps;
  char **watches;
  size_t nwatches;
  char *pause_on;       /* "none" | "uncaught" | "all" */
  json_t *scripts;      /* scriptId -> url */
  repl_script_t *smaps; /* scripts that name a source map */
  size_t nsmaps;
  json_t *sources; /* scriptId -> source text (cache) */
  unsigned seq;    /* bumped on every pause/resume (stale-view check) */
} repl_debugger_t;

void repl_debugger_init(repl_debugger_t *d, repl_session_t *s);
void repl_debugger_release(repl_debugger_t *d);
/* Hooks the Debugger.* events of the session. */
void repl_debugger_attach(repl_debugger_t *d);
/* Called from the session's paused callback. */
void repl_debugger_on_paused(repl_debugger_t *d, json_t *params);
void repl_debugger_on_resumed(repl_debugger_t *d);
/* Runs a debugger command typed at the prompt ("c", "n", "b a.js:3",
 * "watch x" ...).  Returns 2 for a command that resumed execution (c, n, s,
 * o), 1 for another command (output appended to `out`), 0 when it is not
 * one (evaluate it instead). */
int repl_debugger_command(repl_debugger_t *d, const char *cmd, dr_buf_t *out);
/* The source of a script (cached); NULL when unavailable.  Borrowed. */
const char *repl_debugger_source(repl_debugger_t *d, const char *script_id);
/* Scope variables of the selected frame, formatted one per line. */
void repl_debugger_scopes(repl_debugger_t *d, dr_buf_t *out, int color, int maxlines);
void repl_debugger_watches(repl_debugger_t *d, dr_buf_t *out, int color);
void repl_debugger_backtrace(repl_debugger_t *d, dr_buf_t *out);
/* Re-sends breakpoints/pause state after a reattach. */
void repl_debugger_restore(repl_debugger_t *d);
/* Toggles a breakpoint at script_id's 1-based line; returns 1 set, 0 clear. */
int repl_debugger_toggle(repl_debugger_t *d, const char *url, int line, dr_buf_t *out);
int repl_debugger_has_bp(repl_debugger_t *d, const char *url, int line);
/* The generated position of a 0-based line of the frame's displayed source
 * (the original one when mapped).  Returns 0 or -1. */
int repl_debugger_gen_location(repl_debugger_t *d, const repl_frame_t *f, int line, int *gen_line,
                               int *gen_col);
/* The source text and URL to show for a frame (original when mapped). */
const char *repl_debugger_frame_text(repl_debugger_t *d, const repl_frame_t *f);
const char *repl_debugger_frame_url(const repl_frame_t *f);
int repl_debugger_frame_line(const repl_frame_t *f);
/* "Paused (reason) in fn at file.js:3". */
void repl_debugger_where(repl_debugger_t *d, dr_buf_t *out);

/* --- line.c -------------------------------------------------------------- */
int repl_line_run(repl_session_t *s, repl_child_t *child, int color);
/* Session callbacks for line mode (set before repl_session_new). */
void repl_line_callbacks(repl_session_cbs_t *cbs);

/* --- ui.c ---------------------------------------------------------------- */
int repl_ui_run(repl_session_t *s, repl_child_t *child, int color);
void repl_ui_callbacks(repl_session_cbs_t *cbs);

/* --- dot commands (line.c) ------------------------------------------------ */
/* Handles .help/.break/.clear/.load/.save/.exit and debugger text commands
 * common to both modes.  Returns 1 handled, 0 not a command, -1 exit. */
extern const char *repl_dot_commands[];
extern const char *repl_help_text;

#endif
