/* ui.c — the full-screen controller: input, events, actions.
 *
 * Owns the poll loop (terminal, CDP session, SIGWINCH self-pipe, the local
 * runtime's output), feeds terminal bytes to the key parser (keys.c), maps
 * keys to actions through the binding table below, changes the model
 * (model.c) and asks the renderer (render.c, the only curses code) to draw.
 * Evaluation is asynchronous so the screen stays live while code runs:
 * Ctrl+C then pauses the target (Debugger.pause) and the debugger view
 * opens; when the target pauses the controller fetches source, stack,
 * scopes and watches into the model.  To add a key: a row in `bindings`.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "devrun/err.h"
#include "devrun/util.h"
#include "keys.h"
#include "model.h"
#include "render.h"
#include "repl.h"

typedef struct ui_s {
  repl_session_t *s;
  repl_child_t *child;
  repl_debugger_t dbg;
  repl_model_t m;
  repl_keys_t keys;
  repl_history_t hist;
  dr_buf_t saved; /* evaluated inputs, for .save */
  int color;
  int quit;
  int winch[2];
  int dirty, input_changed, auto_complete;
  int ctrl_c;
  /* Keys that must wait for the running evaluation (Enter, Tab and all
   * that follow them), replayed in order when it completes. */
  repl_key_t *queue;
  size_t nqueue;
  int gone;
  int exit_code; /* the local runtime's, when it exited (process.exit) */
  double next_reattach;
  unsigned frame_gen;
} ui_t;

static ui_t U;

/* --- output helpers ------------------------------------------------------ */

static void out(ui_t *u, const char *styled) {
  char *t = dr_strdup(styled);
  if (!u->color) repl_strip_sgr(t);
  repl_model_output(&u->m, t);
  free(t);
  u->dirty = 1;
}

/* A result whose first line holds an expandable object. */
static void out_obj(ui_t *u, const char *styled, const char *oid, int depth) {
  char *t = dr_strdup(styled);
  if (!u->color) repl_strip_sgr(t);
  repl_model_output_obj(&u->m, t, oid, depth);
  free(t);
  u->dirty = 1;
}

static void echo_input(ui_t *u, const char *text) {
  dr_buf_t b = DR_BUF_INIT, hl = DR_BUF_INIT;
  const char *p = text;
  int first = 1;
  while (*p || first) {
    size_t n = strcspn(p, "\n");
    dr_buf_reset(&hl);
    repl_highlight(&hl, p, n);
    dr_buf_addf(&b, "%s%s\n", first ? (u->m.paused ? "debug> " : "> ") : "... ", hl.buf);
    first = 0;
    p += n;
    if (*p)
      p++;
    else
      break;
  }
  out(u, b.buf);
  dr_buf_release(&b);
  dr_buf_release(&hl);
}

static void set_status(ui_t *u) {
  dr_buf_t b = DR_BUF_INIT;
  if (u->gone)
    dr_buf_adds(&b, "target gone - waiting for it to come back | .exit quits");
  else
    dr_buf_addf(&b, "%s | Tab complete | C-r search | .help | C-d exit",
                dr_cdp_url(repl_session_cdp(u->s)) ? dr_cdp_url(repl_session_cdp(u->s)) : "");
  repl_model_set_str(&u->m.status, b.buf);
  dr_buf_release(&b);
}

/* --- the debugger view --------------------------------------------------- */

static void debugger_view(ui_t *u, int new_pause) {
  repl_debugger_t *d = &u->dbg;
  repl_model_t *m = &u->m;
  dr_buf_t b = DR_BUF_INIT;
  repl_frame_t *f;
  unsigned seq = d->seq;
  const char *src;
  m->paused = d->paused;
  u->dirty = 1;
  if (!d->paused || !d->nframes) return;
    /* Every fetch below is a CDP call that may dispatch a newer pause or a
     * resume (which refreshes the view itself): then this one is stale. */
#define STALE() (d->seq != seq)
  f = &d->frames[d->selected];
  src = repl_debugger_frame_text(d, f);
  if (STALE()) goto out;
  repl_model_set_str(&m->src, src);
  repl_model_set_str(&m->src_url, repl_debugger_frame_url(f));
  m->src_line = repl_debugger_frame_line(f);
  if (new_pause) m->src_cursor = m->src_line;
  free(m->bp_lines);
  m->bp_lines = NULL;
  m->nbp_lines = 0;
  for (size_t i = 0; i < d->nbps; i++)
    if (repl_debugger_has_bp(d, repl_debugger_frame_url(f), d->bps[i].line)) {
      m->bp_lines = dr_realloc(m->bp_lines, (m->nbp_lines + 1) * sizeof(int));
      m->bp_lines[m->nbp_lines++] = d->bps[i].line;
    }
  repl_debugger_where(d, &b);
  repl_model_set_str(&m->where, b.buf);
  dr_buf_reset(&b);
  repl_debugger_backtrace(d, &b);
  repl_model_set_str(&m->stack, b.buf);
  dr_buf_reset(&b);
  repl_debugger_scopes(d, &b, u->color, 200);
  if (STALE()) goto out;
  repl_model_set_str(&m->scopes, b.buf);
  dr_buf_reset(&b);
  repl_debugger_watches(d, &b, u->color);
  if (STALE()) goto out;
  repl_model_set_str(&m->watches, b.buf);
#undef STALE
out:
  dr_buf_release(&b);
}

static void on_paused(void *ud, json_t *params) {
  ui_t *u = ud;
  repl_debugger_on_paused(&u->dbg, params);
  debugger_view(u, 1);
  u->input_changed = 1;
}

static void on_resumed(void *ud) {
  ui_t *u = ud;
  repl_debugger_on_resumed(&u->dbg);
  u->m.paused = 0;
  u->dirty = 1;
}

static void on_console(void *ud, const char *level, const char *text) {
  out(ud, text);
}

static void on_gone(void *ud, const char *why) {
  ui_t *u = ud;
  int st = u->child ? repl_child_exited(u->child, 3000) : -1;
  if (st >= 0) { /* process.exit() in local mode ends the REPL, as in Node */
    u->exit_code = st;
    u->quit = 1;
    u->gone = 1;
    return;
  }
  u->gone = 1;
  u->m.busy = 0;
  repl_debugger_on_resumed(&u->dbg);
  u->m.paused = 0;
  out(u, "\033[31mthe target went away\033[0m");
  u->next_reattach = dr_now_ms() + 500;
  set_status(u);
}

void repl_ui_callbacks(repl_session_cbs_t *cbs) {
  cbs->console = on_console;
  cbs->paused = on_paused;
  cbs->resumed = on_resumed;
  cbs->gone = on_gone;
  cbs->ud = &U;
}

/* --- evaluation ---------------------------------------------------------- */

static void handle_key(void *ud, const repl_key_t *k);

static void a_ctrl_c(ui_t *u, const repl_key_t *k);

static void replay_queue(ui_t *u) {
  repl_key_t *q = u->queue;
  size_t n = u->nqueue;
  u->queue = NULL;
  u->nqueue = 0;
  for (size_t i = 0; i < n; i++) {
    handle_key(u, &q[i]); /* re-queues itself if an evaluation starts again */
    free((char *)q[i].paste);
  }
  free(q);
}

static void on_eval_done(void *ud, int rc, repl_eval_t *ev) {
  ui_t *u = ud;
  u->m.busy = 0;
  if (ev->text) {
    const char *type = json_string_value(json_object_get(ev->remote, "type"));
    const char *sub = json_string_value(json_object_get(ev->remote, "subtype"));
    const char *oid = json_string_value(json_object_get(ev->remote, "objectId"));
    if (ev->ok && oid && type && (!strcmp(type, "object") || !strcmp(type, "function")) &&
        !(sub && !strcmp(sub, "null")))
      out_obj(u, ev->text, oid, 0);
    else
      out(u, ev->text);
  }
  if (u->dbg.paused) debugger_view(u, 0);
  u->dirty = 1;
  u->input_changed = 1;
  replay_queue(u);
}

static void run_editor(ui_t *u);

static int dot_command(ui_t *u, const char *in) {
  char cmd[16];
  const char *arg;
  size_t n = strcspn(in, " \t");
  if (n >= sizeof(cmd)) return 0;
  memcpy(cmd, in, n);
  cmd[n] = '\0';
  arg = in + n;
  while (*arg == ' ' || *arg == '\t') arg++;
  if (!strcmp(cmd, ".exit")) {
    u->quit = 1;
  } else if (!strcmp(cmd, ".help")) {
    out(u, repl_help_text);
  } else if (!strcmp(cmd, ".break") || !strcmp(cmd, ".clear")) {
    repl_model_clear_input(&u->m);
    if (!strcmp(cmd, ".clear")) repl_model_clear_output(&u->m);
  } else if (!strcmp(cmd, ".editor")) {
    run_editor(u);
    return 2;
  } else if (!strcmp(cmd, ".load")) {
    dr_buf_t b = DR_BUF_INIT;
    int r = dr_buf_read_file(&b, arg);
    if (r < 0) {
      dr_buf_t e = DR_BUF_INIT;
      dr_buf_addf(&e, "cannot open '%s': %s", arg, dr_strerror(r));
      out(u, e.buf);
      dr_buf_release(&e);
    } else if (repl_session_eval_async(u->s, b.buf, on_eval_done, u) == 0) {
      u->m.busy = 1;
      dr_buf_adds(&u->saved, b.buf);
      dr_buf_addch(&u->saved, '\n');
    }
    dr_buf_release(&b);
  } else if (!strcmp(cmd, ".save")) {
    FILE *f = *arg ? fopen(arg, "w") : NULL;
    dr_buf_t e = DR_BUF_INIT;
    if (!f) {
      dr_buf_addf(&e, "cannot write '%s': %s", arg, strerror(errno));
    } else {
      fwrite(u->saved.buf, 1, u->saved.len, f);
      fclose(f);
      dr_buf_addf(&e, "Session saved to: %s", arg);
    }
    out(u, e.buf);
    dr_buf_release(&e);
  } else {
    out(u, "Invalid REPL keyword");
  }
  return 1;
}

/* `vars` while paused: the selected frame's scope variables into the
 * output, objects among them expandable in place (F2). */
static void show_vars(ui_t *u) {
  repl_debugger_t *d = &u->dbg;
  json_t *sc;
  size_t i;
  if (!d->paused || d->selected >= d->nframes) return;
  json_array_foreach(d->frames[d->selected].scopes, i, sc) {
    const char *type = json_string_value(json_object_get(sc, "type"));
    const char *oid = json_string_value(json_object_get(json_object_get(sc, "object"), "objectId"));
    json_t *props, *p;
    size_t k;
    dr_buf_t line = DR_BUF_INIT;
    if (!type || !strcmp(type, "global") || !oid) continue;
    dr_buf_addf(&line, "%s:", type);
    out(u, line.buf);
    props = repl_session_properties(u->s, oid, 1, 1);
    json_array_foreach(json_object_get(props, "result"), k, p) {
      json_t *v = json_object_get(p, "value");
      const char *vt = json_string_value(json_object_get(v, "type"));
      const char *vs = json_string_value(json_object_get(v, "subtype"));
      const char *id = json_string_value(json_object_get(v, "objectId"));
      dr_buf_reset(&line);
      dr_buf_addf(&line, "  %s = ", json_string_value(json_object_get(p, "name")));
      if (v) repl_inspect_remote(&line, v, u->color, 1);
      if (id && vt && (!strcmp(vt, "object") || !strcmp(vt, "function")) &&
          !(vs && !strcmp(vs, "null")))
        out_obj(u, line.buf, id, 1); /* indented: its properties go deeper */
      else
        out(u, line.buf);
    }
    json_decref(props);
    dr_buf_release(&line);
  }
}

static void submit(ui_t *u) {
  int r;
  char *text = dr_strdup(u->m.input.buf);
  dr_buf_t o = DR_BUF_INIT;
  repl_history_add(&u->hist, text);
  repl_history_save(&u->hist);
  u->m.hist_pos = -1;
  echo_input(u, text);
  repl_model_clear_input(&u->m);
  u->input_changed = 1;
  if (text[0] == '.' && text[1] != '.' && !(text[1] >= '0' && text[1] <= '9')) {
    dot_command(u, text);
  } else if (u->dbg.paused && !strcmp(text, "vars")) {
    show_vars(u);
  } else if ((r = repl_debugger_command(&u->dbg, text, &o))) {
    if (o.len) out(u, o.buf);
    if (r != 2) debugger_view(u, 0);
  } else if (!*text) {
    /* empty line */
  } else if (repl_session_eval_async(u->s, text, on_eval_done, u) == 0) {
    u->m.busy = 1;
    dr_buf_adds(&u->saved, text);
    dr_buf_addch(&u->saved, '\n');
  } else {
    out(u, "\033[31mnot connected\033[0m");
  }
  dr_buf_release(&o);
  free(text);
}

static void run_editor(ui_t *u) {
  char path[] = "/tmp/devrun-repl-XXXXXX.js";
  int fd = mkstemps(path, 3);
  const char *ed = getenv("VISUAL") && *getenv("VISUAL")   ? getenv("VISUAL")
                   : getenv("EDITOR") && *getenv("EDITOR") ? getenv("EDITOR")
                                                           : "vi";
  dr_buf_t cmd = DR_BUF_INIT, b = DR_BUF_INIT;
  if (fd < 0) return;
  (void)!write(fd, u->m.input.buf, u->m.input.len);
  close(fd);
  dr_buf_addf(&cmd, "%s '%s'", ed, path);
  repl_render_suspend();
  (void)!system(cmd.buf);
  repl_render_resume();
  if (dr_buf_read_file(&b, path) == 0) {
    while (b.len && b.buf[b.len - 1] == '\n') dr_buf_setlen(&b, b.len - 1);
    repl_model_set_input(&u->m, b.buf);
  }
  unlink(path);
  dr_buf_release(&cmd);
  dr_buf_release(&b);
  u->input_changed = 1;
}

/* --- completion ---------------------------------------------------------- */

static void complete(ui_t *u, int explicit_tab) {
  repl_completion_t c;
  if (!repl_session_alive(u->s) || (u->m.busy && !u->m.paused)) return;
  repl_complete(u->s, u->m.input.buf, u->m.cursor, &c);
  if (c.n == 1 && explicit_tab) {
    repl_model_popup(&u->m, c.items, 1, c.prefix_len);
    repl_model_popup_accept(&u->m);
    u->input_changed = 1;
  } else if (c.n > 0 && !(c.n == 1 && strlen(c.items[0]) == c.prefix_len)) {
    repl_model_popup(&u->m, c.items, c.n < 500 ? c.n : 500, c.prefix_len);
    u->m.popup_chosen = explicit_tab;
  } else {
    repl_model_popup_close(&u->m);
  }
  repl_completion_release(&c);
  u->dirty = 1;
}

/* --- actions ------------------------------------------------------------- */

typedef void (*action_fn)(ui_t *u, const repl_key_t *k);

static void a_enter(ui_t *u, const repl_key_t *k) {
  if (u->m.busy && !u->m.paused) return;
  if (repl_session_is_complete(u->s, u->m.input.buf) || u->m.input.buf[0] == '.' ||
      !repl_session_alive(u->s))
    submit(u);
  else
    repl_model_insert(&u->m, "\n", 1);
}
static void a_newline(ui_t *u, const repl_key_t *k) {
  repl_model_insert(&u->m, "\n", 1);
}
static void a_tab(ui_t *u, const repl_key_t *k) {
  complete(u, 1);
}
static void a_bs(ui_t *u, const repl_key_t *k) {
  repl_model_backspace(&u->m);
}
static void a_del(ui_t *u, const repl_key_t *k) {
  repl_model_delete(&u->m);
}
static void a_left(ui_t *u, const repl_key_t *k) {
  repl_model_left(&u->m);
}
static void a_right(ui_t *u, const repl_key_t *k) {
  repl_model_right(&u->m);
}
static void a_wleft(ui_t *u, const repl_key_t *k) {
  repl_model_word_left(&u->m);
}
static void a_wright(ui_t *u, const repl_key_t *k) {
  repl_model_word_right(&u->m);
}
static void a_home(ui_t *u, const repl_key_t *k) {
  repl_model_home(&u->m);
}
static void a_end(ui_t *u, const repl_key_t *k) {
  repl_model_end(&u->m);
}
static void a_kill_end(ui_t *u, const repl_key_t *k) {
  repl_model_kill_to_end(&u->m);
}
static void a_kill_start(ui_t *u, const repl_key_t *k) {
  repl_model_kill_to_start(&u->m);
}
static void a_kill_word(ui_t *u, const repl_key_t *k) {
  repl_model_kill_word_back(&u->m);
}
static void a_yank(ui_t *u, const repl_key_t *k) {
  repl_model_yank(&u->m);
}
static void a_transpose(ui_t *u, const repl_key_t *k) {
  repl_model_transpose(&u->m);
}
static void a_undo(ui_t *u, const repl_key_t *k) {
  repl_model_undo(&u->m);
}

static void history_move(ui_t *u, int dir) {
  repl_history_t *h = &u->hist;
  repl_model_t *m = &u->m;
  if (!h->n) return;
  if (dir < 0) {
    if (m->hist_pos == -1) {
      repl_model_set_str(&m->hist_saved, m->input.buf);
      m->hist_pos = (long)h->n - 1;
    } else if (m->hist_pos > 0) {
      m->hist_pos--;
    } else {
      return;
    }
    repl_model_set_input(m, h->items[m->hist_pos]);
  } else {
    if (m->hist_pos == -1) return;
    if (m->hist_pos + 1 < (long)h->n) {
      m->hist_pos++;
      repl_model_set_input(m, h->items[m->hist_pos]);
    } else {
      m->hist_pos = -1;
      repl_model_set_input(m, m->hist_saved ? m->hist_saved : "");
    }
  }
}

static void a_up(ui_t *u, const repl_key_t *k) {
  if (!repl_model_line_up(&u->m)) history_move(u, -1);
}
static void a_down(ui_t *u, const repl_key_t *k) {
  if (!repl_model_line_down(&u->m)) history_move(u, 1);
}
static void a_hprev(ui_t *u, const repl_key_t *k) {
  history_move(u, -1);
}
static void a_hnext(ui_t *u, const repl_key_t *k) {
  history_move(u, 1);
}
static void a_pgup(ui_t *u, const repl_key_t *k) {
  size_t page = (size_t)(u->m.rows / 2);
  u->m.scroll = u->m.scroll + page < u->m.nout ? u->m.scroll + page : u->m.nout ? u->m.nout - 1 : 0;
}
static void a_pgdn(ui_t *u, const repl_key_t *k) {
  size_t page = (size_t)(u->m.rows / 2);
  u->m.scroll = u->m.scroll > page ? u->m.scroll - page : 0;
}
static void a_esc(ui_t *u, const repl_key_t *k) {
  repl_model_popup_close(&u->m);
}
static void a_clear_screen(ui_t *u, const repl_key_t *k) {
  repl_model_clear_output(&u->m);
}

static void a_search(ui_t *u, const repl_key_t *k) {
  u->m.searching = 1;
  dr_buf_reset(&u->m.search);
  u->m.search_hit = (long)u->hist.n;
}

static void a_ctrl_c(ui_t *u, const repl_key_t *k) {
  if (u->m.busy && !u->m.paused) {
    if (u->ctrl_c) {
      /* Node cannot pause inside an evaluation it is running for us: stop
       * waiting (a late result is still printed). */
      u->m.busy = 0;
      u->ctrl_c = 0;
      out(u, "(stopped waiting; the evaluation may still be running in the target)");
      replay_queue(u);
      return;
    }
    repl_debugger_command(&u->dbg, "pause", &(dr_buf_t)DR_BUF_INIT);
    out(u, "(pausing the target... Ctrl+C again to stop waiting)");
    u->ctrl_c = 1;
    return;
  }
  if (u->m.input.len) {
    repl_model_clear_input(&u->m);
    u->ctrl_c = 0;
    return;
  }
  if (u->ctrl_c) {
    u->quit = 1;
    return;
  }
  u->ctrl_c = 1;
  out(u, "(To exit, press Ctrl+C again or Ctrl+D or type .exit)");
}

static void a_ctrl_d(ui_t *u, const repl_key_t *k) {
  if (!u->m.input.len)
    u->quit = 1;
  else
    repl_model_delete(&u->m);
}

static void dbg_cmd(ui_t *u, const char *cmd) {
  dr_buf_t o = DR_BUF_INIT;
  int r = repl_debugger_command(&u->dbg, cmd, &o);
  if (r && o.len) out(u, o.buf);
  dr_buf_release(&o);
  if (r != 2) debugger_view(u, 0); /* resuming: the events refresh it */
}
static void a_cont(ui_t *u, const repl_key_t *k) {
  dbg_cmd(u, "c");
}
static void a_next(ui_t *u, const repl_key_t *k) {
  dbg_cmd(u, "n");
}
static void a_step(ui_t *u, const repl_key_t *k) {
  dbg_cmd(u, "s");
}
static void a_out(ui_t *u, const repl_key_t *k) {
  dbg_cmd(u, "o");
}
static void a_src_up(ui_t *u, const repl_key_t *k) {
  if (u->m.src_cursor > 0) u->m.src_cursor--;
}
static void a_src_down(ui_t *u, const repl_key_t *k) {
  u->m.src_cursor++;
}
static void a_toggle_bp(ui_t *u, const repl_key_t *k) {
  dr_buf_t o = DR_BUF_INIT;
  if (!u->m.paused || !u->m.src_url) return;
  repl_debugger_toggle(&u->dbg, u->m.src_url, u->m.src_cursor + 1, &o);
  out(u, o.buf);
  dr_buf_release(&o);
  debugger_view(u, 0);
}
static void a_run_to_cursor(ui_t *u, const repl_key_t *k) {
  json_t *r = NULL;
  repl_frame_t *f;
  if (!u->dbg.paused || !u->dbg.nframes) return;
  f = &u->dbg.frames[u->dbg.selected];
  {
    int gl, gc;
    if (repl_debugger_gen_location(&u->dbg, f, u->m.src_cursor, &gl, &gc) < 0) return;
    dr_cdp_call(repl_session_cdp(u->s), "Debugger.continueToLocation",
                json_pack("{s:{s:s, s:i, s:i}}", "location", "scriptId", f->script_id, "lineNumber",
                          gl, "columnNumber", gc),
                &r, 5000);
  }
  json_decref(r);
}
static void a_frame_up(ui_t *u, const repl_key_t *k) {
  dbg_cmd(u, "up");
}
static void a_pause(ui_t *u, const repl_key_t *k) {
  if (!u->m.paused) dbg_cmd(u, "pause");
}
static void a_frame_down(ui_t *u, const repl_key_t *k) {
  dbg_cmd(u, "down");
}

/* --- browsing and expanding printed objects ---------------------------- */

static void ensure_visible(ui_t *u) {
  repl_model_t *m = &u->m;
  long h = m->rows - 3 - (m->paused ? (m->rows - 3) * 3 / 5 : 0), last, first;
  if (m->browse < 0) return;
  if (h < 1) h = 1;
  last = (long)m->nout - 1 - (long)m->scroll;
  first = last - h + 1;
  if (m->browse > last)
    m->scroll = (size_t)((long)m->nout - 1 - m->browse);
  else if (m->browse < first)
    m->scroll = (size_t)((long)m->nout - 1 - (m->browse + h - 1));
}

static void a_browse(ui_t *u, const repl_key_t *k) {
  if (repl_model_browse(&u->m, -1))
    ensure_visible(u);
  else
    out(u, "(no printed object to expand yet)");
}

static void add_child(dr_buf_t *line, int depth, const char *name, json_t *value, int color) {
  dr_buf_reset(line);
  for (int i = 0; i <= depth; i++) dr_buf_adds(line, "  ");
  dr_buf_addf(line, "%s: ", name ? name : "?");
  if (value)
    repl_inspect_remote(line, value, color, 1);
  else
    dr_buf_adds(line, color ? SGR_SPECIAL "[Getter/Setter]" SGR_RESET : "[Getter/Setter]");
}

/* Opens the object on line `idx`: its properties (fetched now, lazily) go
 * below it, objects among them expandable in turn. */
static void expand(ui_t *u, size_t idx) {
  repl_model_t *m = &u->m;
  repl_line_t *l = &m->out[idx];
  json_t *r, *p;
  size_t i, n = 0, cap = 0;
  char **texts = NULL, **oids = NULL;
  dr_buf_t line = DR_BUF_INIT;
  int depth = l->depth;
  char *oid = dr_strdup(l->oid);
  if (l->open) {
    repl_model_collapse(m, idx);
    free(oid);
    return;
  }
  r = repl_session_properties(u->s, oid, 1, 1);
  free(oid);
  if (!r) {
    char *t[] = {"  (object no longer available)"};
    repl_model_insert_lines(m, idx, t, NULL, 1, depth + 1);
    return;
  }
#define PUSH(text, id)                                 \
  do {                                                 \
    if (n == cap) {                                    \
      cap = cap ? cap * 2 : 32;                        \
      texts = dr_realloc(texts, cap * sizeof(char *)); \
      oids = dr_realloc(oids, cap * sizeof(char *));   \
    }                                                  \
    texts[n] = dr_strdup(text);                        \
    oids[n] = (id) ? dr_strdup(id) : NULL;             \
    n++;                                               \
  } while (0)
  json_array_foreach(json_object_get(r, "result"), i, p) {
    json_t *v = json_object_get(p, "value");
    const char *vt = json_string_value(json_object_get(v, "type"));
    const char *vs = json_string_value(json_object_get(v, "subtype"));
    const char *id = json_string_value(json_object_get(v, "objectId"));
    if (!json_is_true(json_object_get(p, "enumerable")) || json_object_get(p, "symbol")) continue;
    if (n >= 200) {
      size_t left = json_array_size(json_object_get(r, "result")) - i;
      dr_buf_reset(&line);
      for (int k = 0; k <= depth; k++) dr_buf_adds(&line, "  ");
      dr_buf_addf(&line, "... %zu more", left);
      PUSH(line.buf, NULL);
      break;
    }
    add_child(&line, depth, json_string_value(json_object_get(p, "name")), v, u->color);
    PUSH(line.buf,
         vt && (!strcmp(vt, "object") || !strcmp(vt, "function")) && !(vs && !strcmp(vs, "null"))
             ? id
             : NULL);
  }
  json_array_foreach(json_object_get(r, "internalProperties"), i, p) {
    json_t *v = json_object_get(p, "value");
    const char *id = json_string_value(json_object_get(v, "objectId"));
    add_child(&line, depth, json_string_value(json_object_get(p, "name")), v, u->color);
    PUSH(line.buf, id);
  }
#undef PUSH
  if (!u->color)
    for (size_t k = 0; k < n; k++) repl_strip_sgr(texts[k]);
  if (n)
    repl_model_insert_lines(m, idx, texts, oids, n, depth + 1);
  else {
    char *t[] = {"  (no properties)"};
    repl_model_insert_lines(m, idx, t, NULL, 1, depth + 1);
  }
  for (size_t k = 0; k < n; k++) {
    free(texts[k]);
    free(oids[k]);
  }
  free(texts);
  free(oids);
  dr_buf_release(&line);
  json_decref(r);
}

/* Keys while browsing: returns 1 when used. */
static int browse_key(ui_t *u, const repl_key_t *k) {
  repl_model_t *m = &u->m;
  if (m->browse < 0) return 0;
  switch (k->key) {
    case K_UP:
      repl_model_browse(m, -1);
      break;
    case K_DOWN:
      repl_model_browse(m, 1);
      break;
    case K_ENTER:
    case K_TAB:
    case K_RIGHT:
      if (k->key != K_RIGHT || !m->out[m->browse].open) expand(u, (size_t)m->browse);
      break;
    case K_LEFT:
      if (m->out[m->browse].open) repl_model_collapse(m, (size_t)m->browse);
      break;
    case K_ESC:
    case K_F2:
    case K_BACKTAB:
      m->browse = -1;
      m->scroll = 0;
      return 1;
    default:
      m->browse = -1; /* any other key: back to the input, and use the key */
      m->scroll = 0;
      return 0;
  }
  ensure_visible(u);
  return 1;
}

static const struct {
  int key, mod, ch;
  action_fn fn;
} bindings[] = {
    {K_F2, 0, 0, a_browse},
    {K_BACKTAB, 0, 0, a_browse},
    {K_ENTER, 0, 0, a_enter},
    {K_ENTER, KM_ALT, 0, a_newline},
    {K_TAB, 0, 0, a_tab},
    {K_BACKSPACE, 0, 0, a_bs},
    {K_DELETE, 0, 0, a_del},
    {K_LEFT, 0, 0, a_left},
    {K_RIGHT, 0, 0, a_right},
    {K_LEFT, KM_CTRL, 0, a_wleft},
    {K_RIGHT, KM_CTRL, 0, a_wright},
    {K_LEFT, KM_ALT, 0, a_wleft},
    {K_RIGHT, KM_ALT, 0, a_wright},
    {K_UP, 0, 0, a_up},
    {K_DOWN, 0, 0, a_down},
    {K_HOME, 0, 0, a_home},
    {K_END, 0, 0, a_end},
    {K_PGUP, 0, 0, a_pgup},
    {K_PGDN, 0, 0, a_pgdn},
    {K_ESC, 0, 0, a_esc},
    {K_F5, 0, 0, a_cont},
    {K_F8, 0, 0, a_cont},
    {K_F6, 0, 0, a_pause},
    {K_F10, 0, 0, a_next},
    {K_F11, 0, 0, a_step},
    {K_F11, KM_SHIFT, 0, a_out},
    {K_F9, 0, 0, a_toggle_bp},
    {K_F4, 0, 0, a_run_to_cursor},
    {K_UP, KM_ALT, 0, a_src_up},
    {K_DOWN, KM_ALT, 0, a_src_down},
    {K_PGUP, KM_CTRL, 0, a_frame_up},
    {K_PGDN, KM_CTRL, 0, a_frame_down},
    {K_CTRL, 0, 'a', a_home},
    {K_CTRL, 0, 'e', a_end},
    {K_CTRL, 0, 'b', a_left},
    {K_CTRL, 0, 'f', a_right},
    {K_CTRL, 0, 'h', a_bs},
    {K_CTRL, 0, 'd', a_ctrl_d},
    {K_CTRL, 0, 'k', a_kill_end},
    {K_CTRL, 0, 'u', a_kill_start},
    {K_CTRL, 0, 'w', a_kill_word},
    {K_CTRL, 0, 'y', a_yank},
    {K_CTRL, 0, 't', a_transpose},
    {K_CTRL, 0, '_', a_undo},
    {K_CTRL, 0, 'z', a_undo},
    {K_CTRL, 0, 'l', a_clear_screen},
    {K_CTRL, 0, 'r', a_search},
    {K_CTRL, 0, 'c', a_ctrl_c},
    {K_CTRL, 0, 'p', a_hprev},
    {K_CTRL, 0, 'n', a_hnext},
    {K_CTRL, 0, 'j', a_newline},
    {K_CTRL, 0, 'g', a_esc},
    {K_ALT, 0, 'b', a_wleft},
    {K_ALT, 0, 'f', a_wright},
    {K_ALT, 0, 0x7f, a_kill_word},
};

static int has_binding(const repl_key_t *k) {
  for (size_t i = 0; i < sizeof(bindings) / sizeof(bindings[0]); i++)
    if (bindings[i].key == k->key && bindings[i].mod == k->mod &&
        (bindings[i].ch == 0 || bindings[i].ch == k->ch))
      return 1;
  return 0;
}

static int is_word_char(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$';
}

/* Reverse search keys: typing extends the query, C-r finds older, Enter or
 * any movement accepts, C-g/Esc cancels. */
static int search_key(ui_t *u, const repl_key_t *k) {
  repl_model_t *m = &u->m;
  long hit;
  if (!m->searching) return 0;
  if (k->key == K_CHAR || k->key == K_BACKSPACE || (k->key == K_CTRL && k->ch == 'r')) {
    long from = m->search_hit >= 0 ? m->search_hit : (long)u->hist.n;
    if (k->key == K_CHAR) {
      dr_buf_adds(&m->search, k->text);
      from = m->search_hit >= 0 ? m->search_hit + 1 : (long)u->hist.n;
    } else if (k->key == K_BACKSPACE) {
      if (m->search.len) dr_buf_setlen(&m->search, m->search.len - 1);
      from = (long)u->hist.n;
    }
    hit = m->search.len ? repl_history_search(&u->hist, m->search.buf, from) : -1;
    if (hit >= 0) {
      m->search_hit = hit;
      repl_model_set_input(m, u->hist.items[hit]);
    }
    return 1;
  }
  m->searching = 0;
  if (k->key == K_ESC || (k->key == K_CTRL && k->ch == 'g')) {
    repl_model_clear_input(m);
    return 1;
  }
  if (k->key == K_ENTER) return 1; /* accept into the editor */
  return 0;                        /* accept, then run the key */
}

static int popup_key(ui_t *u, const repl_key_t *k) {
  repl_model_t *m = &u->m;
  if (!m->popup_visible) return 0;
  switch (k->key) {
    case K_UP:
      m->popup_sel = m->popup_sel ? m->popup_sel - 1 : m->npopup - 1;
      m->popup_chosen = 1;
      return 1;
    case K_DOWN:
      m->popup_sel = m->popup_sel + 1 < m->npopup ? m->popup_sel + 1 : 0;
      m->popup_chosen = 1;
      return 1;
    case K_ENTER:
      /* A popup that appeared while typing must not eat Enter. */
      if (!m->popup_chosen) {
        repl_model_popup_close(m);
        return 0;
      }
      repl_model_popup_accept(m);
      u->input_changed = 1;
      return 1;
    case K_TAB:
      repl_model_popup_accept(m);
      u->input_changed = 1;
      return 1;
    case K_ESC:
      repl_model_popup_close(m);
      return 1;
    default:
      return 0;
  }
}

static int has_binding(const repl_key_t *k);

static void handle_key(void *ud, const repl_key_t *k) {
  ui_t *u = ud;
  if (k->key == K_ALT && !has_binding(k) && k->ch >= 0x20 && k->ch < 0x7f) {
    /* ESC then a key typed fast (or sent by a script): Escape, then the key */
    repl_key_t esc = {0}, ch = {0};
    esc.key = K_ESC;
    ch.key = K_CHAR;
    ch.ch = k->ch;
    ch.text[0] = (char)k->ch;
    handle_key(ud, &esc);
    handle_key(ud, &ch);
    return;
  }
  size_t before_len = u->m.input.len, before_cur = u->m.cursor;
  char *before = NULL;
  u->dirty = 1;
  if (u->m.busy && !u->m.paused && !(k->key == K_CTRL && k->ch == 'c') &&
      (u->nqueue || k->key == K_ENTER || k->key == K_TAB)) {
    repl_key_t *q;
    u->queue = dr_realloc(u->queue, (u->nqueue + 1) * sizeof(repl_key_t));
    q = &u->queue[u->nqueue++];
    *q = *k;
    if (k->paste) q->paste = dr_strndup(k->paste, k->paste_len);
    return;
  }
  if (k->key != K_CTRL || k->ch != 'c') u->ctrl_c = 0;
  if (k->key == K_CTRL && k->ch == 'c' && u->m.busy && !u->m.paused) {
    a_ctrl_c(u, k); /* never queued */
    return;
  }
  if (search_key(u, k)) {
    u->input_changed = 1;
    return;
  }
  if (popup_key(u, k)) return;
  if (browse_key(u, k)) return;
  before = dr_strdup(u->m.input.buf);
  if (k->key == K_CHAR) {
    repl_model_insert(&u->m, k->text, strlen(k->text));
    u->auto_complete =
        is_word_char(k->ch) || k->ch == '.' || k->ch == '\'' || k->ch == '"' || k->ch == '/';
    {
      /* no popup inside a number */
      size_t w = u->m.cursor;
      while (w > 0 && is_word_char((unsigned char)u->m.input.buf[w - 1])) w--;
      if (u->m.input.buf[w] >= '0' && u->m.input.buf[w] <= '9') u->auto_complete = 0;
    }
    if (!u->auto_complete) repl_model_popup_close(&u->m);
  } else if (k->key == K_PASTE) {
    /* One input, never executed line by line. */
    char *t = dr_strndup(k->paste, k->paste_len);
    for (char *p = t; *p; p++)
      if (*p == '\r') *p = '\n';
    repl_model_insert(&u->m, t, strlen(t));
    free(t);
    repl_model_popup_close(&u->m);
  } else {
    size_t i;
    for (i = 0; i < sizeof(bindings) / sizeof(bindings[0]); i++)
      if (bindings[i].key == k->key && bindings[i].mod == k->mod &&
          (bindings[i].ch == 0 || bindings[i].ch == k->ch)) {
        bindings[i].fn(u, k);
        break;
      }
    if (k->key != K_TAB) repl_model_popup_close(&u->m);
    if (k->key == K_BACKSPACE && u->m.input.len) u->auto_complete = 1;
  }
  if (strcmp(before, u->m.input.buf) || before_len != u->m.input.len) u->input_changed = 1;
  (void)before_cur;
  free(before);
}

/* --- the loop ------------------------------------------------------------ */

static void on_winch(int sig) {
  int e = errno;
  (void)!write(U.winch[1], "w", 1);
  errno = e;
}

static void update_size(ui_t *u) {
  struct winsize ws;
  if (ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0) {
    repl_render_resize(ws.ws_row, ws.ws_col);
  }
  repl_render_size(&u->m.rows, &u->m.cols);
  repl_session_set_width(u->s, u->m.cols);
  u->dirty = 1;
}

static void after_input(ui_t *u) {
  if (!u->input_changed) return;
  if (u->m.busy && !u->m.paused) return; /* keep the flag: done after the eval */
  u->input_changed = 0;
  repl_model_set_str(&u->m.preview, NULL);
  if (!repl_session_alive(u->s)) return;
  /* The popup first and on screen at once; the preview (which can cost a
   * side-effect-checked evaluation) follows in a second frame. */
  if (u->auto_complete && !u->m.searching) {
    double t0 = dr_now_ms();
    complete(u, 0);
    repl_render(&u->m);
    if (getenv("DEVRUN_REPL_TIMING"))
      fprintf(stderr, "complete+render %.1f ms\n", dr_now_ms() - t0);
  }
  u->auto_complete = 0;
  if (u->m.input.len && !u->m.searching) {
    char *p = repl_session_preview(u->s, u->m.input.buf, u->m.cols);
    repl_model_set_str(&u->m.preview, p);
    free(p);
  }
  u->dirty = 1;
}

static const char *history_path(char *buf, size_t len) {
  const char *env = getenv("DEVRUN_REPL_HISTORY");
  const char *home = getenv("HOME");
  if (env) return env; /* '' disables */
  if (!home || !*home) return NULL;
  snprintf(buf, len, "%s/.devrun_repl_history", home);
  return buf;
}

int repl_ui_run(repl_session_t *s, repl_child_t *child, int color) {
  ui_t *u = &U;
  char hp[4096];
  const char *size_env = getenv("DEVRUN_REPL_HISTORY_SIZE");
  u->s = s;
  u->child = child;
  u->color = color;
  repl_model_init(&u->m);
  u->m.color = color;
  repl_keys_init(&u->keys);
  dr_buf_init(&u->saved, 0);
  repl_history_init(&u->hist, size_env ? (size_t)strtoul(size_env, NULL, 10) : 1000);
  repl_history_load(&u->hist, history_path(hp, sizeof(hp)));
  repl_debugger_init(&u->dbg, s);
  repl_debugger_attach(&u->dbg);
  if (pipe2(u->winch, O_CLOEXEC | O_NONBLOCK) < 0) return dr_error("pipe: %s", strerror(errno)), 1;
  if (repl_render_init(color) < 0) return dr_error("cannot initialize the terminal"), 1;
  signal(SIGWINCH, on_winch);
  update_size(u);
  set_status(u);
  {
    dr_buf_t b = DR_BUF_INIT;
    dr_buf_addf(&b, "devrun-repl %s attached to %s. Type .help for help.", DEVRUN_VERSION,
                dr_cdp_url(repl_session_cdp(s)));
    out(u, b.buf);
    dr_buf_release(&b);
  }
  repl_render(&u->m);
  while (!u->quit) {
    struct pollfd pfd[5];
    int n = 0, timeout;
    dr_cdp_t *c = repl_session_cdp(s);
    pfd[n++] = (struct pollfd){0, POLLIN, 0};
    pfd[n++] = (struct pollfd){u->winch[0], POLLIN, 0};
    pfd[n++] = (struct pollfd){c && !u->gone ? dr_cdp_fd(c) : -1, POLLIN, 0};
    pfd[n++] = (struct pollfd){child ? child->out_fd : -1, POLLIN, 0};
    pfd[n++] = (struct pollfd){child ? child->err_fd : -1, POLLIN, 0};
    timeout = repl_keys_pending(&u->keys) ? 30 : u->gone ? 300 : 1000;
    if (poll(pfd, (nfds_t)n, timeout) < 0 && errno != EINTR) break;
    if (pfd[1].revents) {
      char tmp[64];
      while (read(u->winch[0], tmp, sizeof(tmp)) > 0) {
      }
      update_size(u);
    }
    if (pfd[0].revents & (POLLIN | POLLHUP)) {
      char buf[4096];
      ssize_t r = read(0, buf, sizeof(buf));
      if (r <= 0) break;
      repl_keys_feed(&u->keys, buf, (size_t)r, handle_key, u);
    } else if (repl_keys_pending(&u->keys)) {
      repl_keys_flush(&u->keys, handle_key, u);
    }
    if (pfd[2].revents && !u->gone) repl_session_poll(s, 0);
    if ((pfd[3].revents | pfd[4].revents) && child) {
      dr_buf_t o = DR_BUF_INIT;
      repl_child_drain(child, &o, &o);
      if (o.len) {
        while (o.len && o.buf[o.len - 1] == '\n') dr_buf_setlen(&o, o.len - 1);
        out(u, o.buf);
      }
      if ((pfd[3].revents & POLLHUP) && !o.len) {
        close(child->out_fd);
        child->out_fd = -1;
      }
      if ((pfd[4].revents & POLLHUP) && !o.len) {
        close(child->err_fd);
        child->err_fd = -1;
      }
      dr_buf_release(&o);
    }
    if (u->gone && !child && dr_now_ms() >= u->next_reattach) {
      char err[512];
      u->next_reattach = dr_now_ms() + 1000;
      if (repl_session_reattach(s, err, sizeof(err)) == 0) {
        dr_buf_t b = DR_BUF_INIT;
        u->gone = 0;
        repl_complete_reset();
        repl_debugger_attach(&u->dbg);
        dr_buf_addf(&b, "reattached to %s", dr_cdp_url(repl_session_cdp(s)));
        out(u, b.buf);
        dr_buf_release(&b);
        set_status(u);
      }
    }
    after_input(u);
    if (u->dirty) {
      repl_render(&u->m);
      u->dirty = 0;
    }
  }
  repl_render_end();
  repl_history_save(&u->hist);
  repl_history_release(&u->hist);
  repl_debugger_release(&u->dbg);
  repl_keys_release(&u->keys);
  for (size_t i = 0; i < u->nqueue; i++) free((char *)u->queue[i].paste);
  free(u->queue);
  repl_model_release(&u->m);
  dr_buf_release(&u->saved);
  close(u->winch[0]);
  close(u->winch[1]);
  return u->exit_code;
}
