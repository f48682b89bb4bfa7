/* line.c — line mode: stdin is not a terminal (scripts, tests, pipes).
 *
 * Reads inputs (several lines while the input is incomplete), evaluates
 * each with Node REPL semantics and prints the formatted result on stdout,
 * exceptions as "Uncaught ...", without prompts.  Dot-commands work, and
 * when the target pauses (a breakpoint, `debugger;`) a nested loop reads
 * debugger commands (c, n, s, o, bt, list, watch ...) and expressions
 * evaluated in the paused frame until execution resumes — `node inspect`'s
 * model.  stdin and the CDP session are polled together, so events (a
 * breakpoint hit by a timer, console output in attach mode) arrive while
 * we wait for input.  The dot-command table is shared with the full-screen UI.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "devrun/err.h"
#include "devrun/util.h"
#include "repl.h"

typedef struct {
  repl_session_t *s;
  repl_child_t *child;
  repl_debugger_t dbg;
  int color;
  dr_buf_t inbuf; /* bytes read from stdin, not yet consumed */
  int eof;
  int in_pause_loop, pause_event;
  unsigned resumed;
  int exiting;
  int gone;
  int exit_code;  /* the local runtime's, when it exited (process.exit) */
  dr_buf_t saved; /* inputs evaluated, for .save */
} line_t;

static line_t L0; /* one line-mode loop per process */

static void flush_child(line_t *L) {
  dr_buf_t out = DR_BUF_INIT, err = DR_BUF_INIT;
  repl_child_drain(L->child, &out, &err);
  if (out.len) fwrite(out.buf, 1, out.len, stdout);
  fflush(stdout);
  if (err.len) fwrite(err.buf, 1, err.len, stderr);
  dr_buf_release(&out);
  dr_buf_release(&err);
}

static void print(line_t *L, const char *text) {
  char *t = dr_strdup(text);
  size_t n = L->color ? strlen(t) : repl_strip_sgr(t);
  flush_child(L);
  fwrite(t, 1, n, stdout);
  if (n && t[n - 1] != '\n') fputc('\n', stdout);
  fflush(stdout);
  free(t);
}

/* Reads one line (without the newline) while dispatching CDP events.
 * Returns a malloc'd line, or NULL at EOF. */
static char *read_line(line_t *L) {
  for (;;) {
    char *nl = memchr(L->inbuf.buf, '\n', L->inbuf.len);
    if (nl || (L->eof && L->inbuf.len)) {
      size_t n = nl ? (size_t)(nl - L->inbuf.buf) : L->inbuf.len;
      char *line = dr_strndup(L->inbuf.buf, n);
      size_t rest = L->inbuf.len - n - (nl ? 1 : 0);
      memmove(L->inbuf.buf, L->inbuf.buf + L->inbuf.len - rest, rest);
      dr_buf_setlen(&L->inbuf, rest);
      if (n && line[n - 1] == '\r') line[n - 1] = '\0';
      return line;
    }
    if (L->eof) return NULL;
    {
      struct pollfd pfd[2] = {{0, POLLIN, 0}, {-1, POLLIN, 0}};
      dr_cdp_t *c = repl_session_cdp(L->s);
      if (c && repl_session_alive(L->s)) pfd[1].fd = dr_cdp_fd(c);
      if (poll(pfd, 2, 1000) < 0 && errno != EINTR) return NULL;
      if (pfd[1].revents) repl_session_poll(L->s, 0);
      flush_child(L);
      if (pfd[0].revents) {
        ssize_t n;
        dr_buf_grow(&L->inbuf, 4096);
        n = read(0, L->inbuf.buf + L->inbuf.len, 4096);
        if (n <= 0)
          L->eof = 1;
        else
          dr_buf_setlen(&L->inbuf, L->inbuf.len + (size_t)n);
      }
    }
  }
}

/* Reads lines until they form a complete input; NULL at EOF. */
static char *read_input(line_t *L) {
  dr_buf_t acc = DR_BUF_INIT;
  char *line;
  while ((line = read_line(L))) {
    if (acc.len) dr_buf_addch(&acc, '\n');
    dr_buf_adds(&acc, line);
    free(line);
    if (acc.buf[0] == '.' || repl_session_is_complete(L->s, acc.buf))
      return dr_buf_detach(&acc, NULL);
  }
  if (acc.len) return dr_buf_detach(&acc, NULL); /* incomplete at EOF: let it fail */
  dr_buf_release(&acc);
  return NULL;
}

/* The local runtime went away: if it exited (process.exit()), leave with
 * its status, as Node's REPL does.  Returns 1 when so. */
static int child_gone(line_t *L) {
  int st = L->child ? repl_child_exited(L->child, 3000) : -1;
  if (st < 0) return 0;
  flush_child(L);
  L->exit_code = st;
  L->exiting = 1;
  return 1;
}

static void evaluate(line_t *L, const char *src) {
  repl_eval_t ev = {0, NULL, NULL};
  int r = repl_session_eval(L->s, src, &ev);
  if (r < 0 && child_gone(L)) {
    repl_eval_release(&ev);
    return;
  }
  if (r < 0) {
    print(L, r == DR_EOF ? "devrun-repl: the target is gone" : dr_strerror(r));
    return;
  }
  print(L, ev.text ? ev.text : "");
  repl_eval_release(&ev);
}

static int dot_command(line_t *L, const char *in) {
  char cmd[16];
  const char *arg;
  size_t n = strcspn(in, " \t");
  if (n >= sizeof(cmd)) return 0;
  memcpy(cmd, in, n);
  cmd[n] = '\0';
  arg = in + n;
  while (*arg == ' ' || *arg == '\t') arg++;
  if (!strcmp(cmd, ".exit")) return -1;
  if (!strcmp(cmd, ".help")) {
    print(L, repl_help_text);
  } else if (!strcmp(cmd, ".break") || !strcmp(cmd, ".clear")) {
    /* nothing is pending between complete inputs */
  } else if (!strcmp(cmd, ".editor")) {
    print(L, ".editor needs a terminal (line mode reads stdin)");
  } else if (!strcmp(cmd, ".load")) {
    dr_buf_t b = DR_BUF_INIT;
    int r = dr_buf_read_file(&b, arg);
    if (r < 0) {
      fprintf(stderr, "devrun-repl: cannot open '%s': %s\n", arg, dr_strerror(r));
    } else {
      evaluate(L, b.buf);
      dr_buf_adds(&L->saved, b.buf);
      dr_buf_addch(&L->saved, '\n');
    }
    dr_buf_release(&b);
  } else if (!strcmp(cmd, ".save")) {
    FILE *f = *arg ? fopen(arg, "w") : NULL;
    if (!f) {
      fprintf(stderr, "devrun-repl: cannot write '%s': %s\n", arg, strerror(errno));
    } else {
      fwrite(L->saved.buf, 1, L->saved.len, f);
      fclose(f);
      printf("Session saved to: %s\n", arg);
    }
  } else {
    return 0;
  }
  return 1;
}

static void wait_resumed(line_t *L, unsigned before) {
  double until = dr_now_ms() + 30000;
  while (L->resumed == before && !L->pause_event && repl_session_alive(L->s) && dr_now_ms() < until)
    repl_session_poll(L->s, 200);
}

static void pause_loop(line_t *L) {
  L->in_pause_loop = 1;
  while (L->dbg.paused && repl_session_alive(L->s)) {
    char *in;
    dr_buf_t out = DR_BUF_INIT;
    if (L->pause_event) {
      L->pause_event = 0;
      repl_debugger_where(&L->dbg, &out);
      dr_buf_addch(&out, '\n');
      dr_buf_add(&out, "", 0);
      {
        dr_buf_t src = DR_BUF_INIT;
        repl_debugger_command(&L->dbg, "list 2", &src);
        dr_buf_add(&out, src.buf, src.len);
        dr_buf_release(&src);
      }
      print(L, out.buf);
      dr_buf_reset(&out);
    }
    in = read_input(L);
    if (!in || !strcmp(in, ".exit")) {
      /* No more input: let the program run, then leave. */
      free(in);
      L->exiting = 1;
      repl_debugger_command(&L->dbg, "c", &out);
      dr_buf_release(&out);
      break;
    }
    {
      unsigned before = L->resumed;
      int r = repl_debugger_command(&L->dbg, in, &out);
      if (r) {
        if (out.len) print(L, out.buf);
        if (r == 2) wait_resumed(L, before);
      } else if (in[0] == '.') {
        if (dot_command(L, in) < 0) L->exiting = 1;
      } else if (*in) {
        evaluate(L, in);
      }
    }
    free(in);
    dr_buf_release(&out);
  }
  L->in_pause_loop = 0;
}

static void on_paused(void *ud, json_t *params) {
  line_t *L = ud;
  repl_debugger_on_paused(&L->dbg, params);
  L->pause_event = 1;
  if (L->exiting) { /* draining at exit: don't stop again */
    dr_buf_t out = DR_BUF_INIT;
    repl_debugger_command(&L->dbg, "c", &out);
    dr_buf_release(&out);
    return;
  }
  if (!L->in_pause_loop) pause_loop(L);
}

static void on_resumed(void *ud) {
  line_t *L = ud;
  repl_debugger_on_resumed(&L->dbg);
  L->resumed++;
}

static void on_console(void *ud, const char *level, const char *text) {
  line_t *L = ud;
  print(L, text);
}

static void on_gone(void *ud, const char *why) {
  line_t *L = ud;
  L->gone = 1;
}

int repl_line_run(repl_session_t *s, repl_child_t *child, int color) {
  line_t *L = &L0;
  int rc = 0;
  memset(L, 0, sizeof(*L));
  L->s = s;
  L->child = child;
  L->color = color;
  dr_buf_init(&L->inbuf, 0);
  dr_buf_init(&L->saved, 0);
  repl_debugger_init(&L->dbg, s);
  repl_debugger_attach(&L->dbg);
  flush_child(L);
  for (;;) {
    char *in = read_input(L);
    if (!in) break;
    if ((L->gone || !repl_session_alive(s)) && child_gone(L)) {
      free(in);
      break;
    }
    if (L->gone || !repl_session_alive(s)) {
      char err[512];
      /* Attached targets may come back (restarted by a watcher). */
      double until = dr_now_ms() + 10000;
      int r = -1;
      while (!child && dr_now_ms() < until && (r = repl_session_reattach(s, err, sizeof(err))) < 0)
        usleep(200000);
      if (r < 0) {
        fprintf(stderr, "devrun-repl: the target went away\n");
        free(in);
        rc = 1;
        break;
      }
      L->gone = 0;
      repl_debugger_attach(&L->dbg);
      fprintf(stderr, "devrun-repl: reattached to %s\n", dr_cdp_url(repl_session_cdp(s)));
    }
    if (in[0] == '.' && in[1] != '.' && !(in[1] >= '0' && in[1] <= '9')) {
      int r = dot_command(L, in);
      if (r < 0) {
        free(in);
        break;
      }
      if (r == 0) {
        fprintf(stderr, "Invalid REPL keyword\n");
      }
    } else {
      dr_buf_t out = DR_BUF_INIT;
      if (repl_debugger_command(&L->dbg, in, &out)) {
        if (out.len) print(L, out.buf);
      } else {
        evaluate(L, in);
        dr_buf_adds(&L->saved, in);
        dr_buf_addch(&L->saved, '\n');
      }
      dr_buf_release(&out);
    }
    free(in);
    if (L->exiting) break;
  }
  /* Output the child printed after the last result (timers ...). */
  repl_session_poll(s, 50);
  flush_child(L);
  repl_debugger_release(&L->dbg);
  dr_buf_release(&L->inbuf);
  dr_buf_release(&L->saved);
  return L->exiting && L->exit_code ? L->exit_code : rc;
}

/* The callbacks line mode wants from the session (main.c wires them). */
void repl_line_callbacks(repl_session_cbs_t *cbs) {
  cbs->console = on_console;
  cbs->paused = on_paused;
  cbs->resumed = on_resumed;
  cbs->gone = on_gone;
  cbs->ud = &L0;
}
