/* runner.c — the supervisor's event loop: changes in, restarts out.
 *
 *   tree events ──> debounce batch ──(quiet period)──> decide ──> restart
 *   SIGCHLD ──> watch_reap ──> generation gone ──> next start / crash policy
 *   stdin "rs"/"stats", SIGHUP ──> restart / report;  SIGINT/SIGTERM ──> exit
 *
 * One worker per --instances (default 1).  Each worker is a small state
 * machine: IDLE (no process: not started yet, exited, or crashed and waiting
 * for changes), WAIT (a --delay or crash-backoff timer runs), RUNNING and
 * STOPPING (the stop signal was sent; the next generation starts only from
 * the gone callback, i.e. after the whole process group is reaped).  With
 * several workers a restart is rolling: one worker at a time is stopped,
 * restarted and given a grace period before the next, so the others keep
 * serving.
 *
 * Decisions: when a batch settles, every path in it is checked against the
 * hash cache (hashcache.c); only a real content change, an added or a removed
 * file restarts, and the status line names it ("restarting: src/db.js
 * changed").  Crash policy: by default wait for changes; --exit-on-crash
 * exits with the app's status; --restart-on-crash restarts with exponential
 * backoff (100 ms doubling up to 10 s) and gives up after --crash-limit
 * crashes within --crash-window (pm2's unstable-process rule).
 *
 * Terminal: with stdin commands on (default when stdin is a TTY), devrun
 * reads stdin lines: "rs" restarts, "stats" reports, anything else is
 * forwarded to the app through a pipe.  With --no-stdin-commands on a TTY
 * the app's process group becomes the terminal's foreground group, so raw
 * mode, readline and Ctrl-C go straight to the app; devrun takes the
 * terminal back (and restores its modes) between generations.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "devrun/buf.h"
#include "devrun/err.h"
#include "devrun/exe.h"
#include "devrun/util.h"
#include "watch.h"

extern char **environ;

enum wstate { W_IDLE, W_WAIT, W_RUNNING, W_STOPPING };

typedef struct runner_s runner_t;

typedef struct worker_s {
  watch_proc_t proc; /* first: container_of by cast */
  runner_t *r;
  int index;
  enum wstate state;
  int restart_after; /* start again once the generation is gone */
  int wait_settle;   /* a start waits for the pending batch to be decided */
  int stdin_wr;      /* our end of the app's stdin pipe, or -1 */
  uv_timer_t start_timer;
  uint64_t cpu_sample_ticks, cpu_sample_ms; /* for `stats` CPU% */
  int last_status, have_status;
} worker_t;

struct runner_s {
  uv_loop_t *loop;
  watch_opts_t *o;
  watch_tree_t *tree;
  watch_debounce_t deb;
  uv_timer_t deb_timer, roll_timer;
  uv_signal_t sig_chld, sig_int, sig_term, sig_hup;
  uv_poll_t stdin_poll;
  int stdin_active;
  dr_buf_t line;
  worker_t *w;
  size_t nw;
  watch_proc_t **procs;
  watch_strv_t file_env; /* from --env-file */
  unsigned restarts;
  int exiting, exit_code, exit_signal_sent;
  uint64_t crash_ms[64];
  unsigned ncrash;
  int rolling; /* index of the worker being rolled, -1 when not rolling */
  int roll_again;
  int foreground;
  struct termios tio;
  int have_tio;
  int stdin_commands;
  int stdin_eof;
  char *env_abs;
  char *deps_path; /* --deps: the runtime lists the module files it loads here */
  char runtime[PATH_MAX + 16];
};

static uint64_t now_ms(void) {
  return (uint64_t)(dr_now_ns() / 1000000);
}

/* ---- the command line of the app ------------------------------------ */

static void find_runtime(runner_t *r) {
  const char *env = getenv("DEVRUN_JS");
  char *sib = env && *env ? NULL : dr_exe_sibling("devrun-js");
  snprintf(r->runtime, sizeof(r->runtime), "%s", env && *env ? env : sib ? sib : "devrun-js");
  free(sib); /* "devrun-js" alone: found on PATH */
}

static void build_argv(runner_t *r, watch_strv_t *argv) {
  watch_opts_t *o = r->o;
  switch (o->mode) {
    case WATCH_MODE_APP:
      watch_strv_push(argv, r->runtime);
      for (size_t i = 0; i < o->rtflags.n; i++) watch_strv_push(argv, o->rtflags.v[i]);
      for (size_t i = 0; i < o->args.n; i++) watch_strv_push(argv, o->args.v[i]);
      break;
    case WATCH_MODE_EXEC: {
      dr_buf_t cmd = DR_BUF_INIT;
      dr_buf_adds(&cmd, o->exec);
      if (o->args.n) dr_buf_adds(&cmd, " \"$@\"");
      watch_strv_push(argv, "/bin/sh");
      watch_strv_push(argv, "-c");
      watch_strv_push(argv, cmd.buf);
      watch_strv_push(argv, "sh");
      for (size_t i = 0; i < o->args.n; i++) watch_strv_push(argv, o->args.v[i]);
      dr_buf_release(&cmd);
      break;
    }
    default:
      for (size_t i = 0; i < o->args.n; i++) watch_strv_push(argv, o->args.v[i]);
  }
}

static const char *describe_cmd(runner_t *r, dr_buf_t *b) {
  watch_strv_t argv = WATCH_STRV_INIT;
  if (r->o->mode == WATCH_MODE_EXEC) {
    dr_buf_adds(b, r->o->exec);
    for (size_t i = 0; i < r->o->args.n; i++) dr_buf_addf(b, " %s", r->o->args.v[i]);
    return b->buf;
  }
  build_argv(r, &argv);
  for (size_t i = 0; i < argv.n; i++) dr_buf_addf(b, "%s%s", i ? " " : "", argv.v[i]);
  watch_strv_release(&argv);
  return b->buf;
}

static int env_has(const watch_strv_t *e, const char *kv) {
  size_t k = strcspn(kv, "=");
  for (size_t i = 0; i < e->n; i++)
    if (!strncmp(e->v[i], kv, k) && e->v[i][k] == '=') return 1;
  return 0;
}

/* --deps: a fresh list for each generation (the first worker's start). */
static void deps_env(runner_t *r, worker_t *w, watch_strv_t *env) {
  if (!r->deps_path) return;
  if (w->index == 0) unlink(r->deps_path);
  dr_buf_t b = DR_BUF_INIT;
  dr_buf_addf(&b, "DEVRUN_DEPS_FILE=%s", r->deps_path);
  watch_strv_push(env, b.buf);
  dr_buf_release(&b);
}

/* --deps: is path one of the module files the app loaded?  Without a list
 * (the app is not devrun-js, or it died before loading anything) every
 * watched file counts. */
static int in_deps(runner_t *r, const dr_buf_t *deps, const char *path) {
  if (!r->deps_path || deps->len == 0) return 1;
  if (r->env_abs && !strcmp(path, r->env_abs)) return 1;
  size_t n = strlen(path);
  for (const char *p = deps->buf; (p = strstr(p, path)); p += n)
    if ((p == deps->buf || p[-1] == '\n') && (p[n] == '\n' || p[n] == '\0')) return 1;
  return 0;
}

static void build_env(runner_t *r, worker_t *w, watch_strv_t *env) {
  char tmp[64];
  deps_env(r, w, env);
  /* Highest precedence first; later duplicates are skipped. */
  if (r->nw > 1) {
    snprintf(tmp, sizeof(tmp), "DEVRUN_INSTANCE=%d", w->index);
    watch_strv_push(env, tmp);
    snprintf(tmp, sizeof(tmp), "DEVRUN_INSTANCES=%zu", r->nw);
    watch_strv_push(env, tmp);
  }
  snprintf(tmp, sizeof(tmp), "DEVRUN_RESTARTS=%u", r->restarts);
  watch_strv_push(env, tmp);
  for (size_t i = 0; i < r->o->env.n; i++)
    if (!env_has(env, r->o->env.v[i])) watch_strv_push(env, r->o->env.v[i]);
  for (char **e = environ; *e; e++)
    if (!env_has(env, *e)) watch_strv_push(env, *e);
  for (size_t i = 0; i < r->file_env.n; i++) /* the file never overrides the environment */
    if (!env_has(env, r->file_env.v[i])) watch_strv_push(env, r->file_env.v[i]);
}

static int load_env_file(runner_t *r, int at_start) {
  if (!r->o->env_file) return 0;
  dr_buf_t b = DR_BUF_INIT;
  int rc = dr_buf_read_file(&b, r->o->env_file);
  if (rc < 0) {
    dr_buf_release(&b);
    if (at_start) return dr_error("cannot open '%s': %s", r->o->env_file, dr_strerror(rc));
    watch_status(WATCH_LVL_WARN, "cannot read '%s': %s (keeping the previous variables)",
                 r->o->env_file, dr_strerror(rc));
    return 0;
  }
  watch_strv_t vars = WATCH_STRV_INIT;
  int line = 0;
  rc = watch_envfile_parse(b.buf, b.len, &vars, &line);
  dr_buf_release(&b);
  if (rc < 0) {
    watch_strv_release(&vars);
    if (at_start)
      return dr_error("%s:%d: malformed line (expected KEY=value)", r->o->env_file, line);
    watch_status(WATCH_LVL_WARN, "%s:%d: malformed line (keeping the previous variables)",
                 r->o->env_file, line);
    return 0;
  }
  watch_strv_release(&r->file_env);
  r->file_env = vars;
  return 0;
}

/* ---- starting and stopping workers ---------------------------------- */

static void finish_if_done(runner_t *r);
static void roll_next(runner_t *r);

static void clear_screen(void) {
  fputs("\033[2J\033[3J\033[H", stdout);
  fflush(stdout);
}

static void start_now(worker_t *w) {
  runner_t *r = w->r;
  if (r->exiting) return;
  if (r->deb.pending) {
    /* Files are still changing: start once the batch is decided, so the new
     * process sees all of it and the batch does not restart it again. */
    w->wait_settle = 1;
    w->state = W_WAIT;
    return;
  }
  w->wait_settle = 0;
  watch_strv_t argv = WATCH_STRV_INIT, env = WATCH_STRV_INIT;
  build_argv(r, &argv);
  if (!argv.n) { /* main() guarantees a command; never spawn an empty argv */
    watch_status(WATCH_LVL_ERROR, "nothing to run");
    w->state = W_IDLE;
    return;
  }
  build_env(r, w, &env);
  if (r->o->clear && w->index == 0) clear_screen();
  int stdin_fd = -1, pipefd[2] = {-1, -1};
  if (r->stdin_commands) {
    if (w->index == 0 && !r->stdin_eof && pipe2(pipefd, O_CLOEXEC) == 0) {
      stdin_fd = pipefd[0];
      w->stdin_wr = pipefd[1];
      fcntl(w->stdin_wr, F_SETFL, O_NONBLOCK);
    } else {
      stdin_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    }
  }
  w->proc.kill_timeout_ms = r->o->kill_timeout_ms;
  int rc = watch_proc_start(&w->proc, argv.v, env.v, stdin_fd, r->foreground);
  if (stdin_fd >= 0) close(stdin_fd);
  if (rc < 0) {
    if (w->stdin_wr >= 0) close(w->stdin_wr);
    w->stdin_wr = -1;
    watch_status(WATCH_LVL_ERROR, "cannot run '%s': %s — waiting for changes", argv.v[0],
                 strerror(-rc));
    w->state = W_IDLE;
    if (r->o->exit_on_crash) {
      r->exiting = 1;
      r->exit_code = 127;
      finish_if_done(r);
    }
  } else {
    w->state = W_RUNNING;
    w->cpu_sample_ticks = 0;
    w->cpu_sample_ms = w->proc.started_ms;
    if (r->nw > 1)
      watch_status(WATCH_LVL_DEBUG, "instance %d started (pid %ld)", w->index, (long)w->proc.pid);
    else
      watch_status(WATCH_LVL_DEBUG, "started pid %ld", (long)w->proc.pid);
  }
  watch_strv_release(&argv);
  watch_strv_release(&env);
}

static void on_start_timer(uv_timer_t *t) {
  worker_t *w = t->data;
  start_now(w);
  if (w->r->rolling == w->index && w->state == W_RUNNING) roll_next(w->r);
}

static void schedule_start(worker_t *w, unsigned ms) {
  if (w->r->exiting) return;
  if (!ms) {
    start_now(w);
    if (w->r->rolling == w->index && w->state == W_RUNNING) roll_next(w->r);
    return;
  }
  w->state = W_WAIT;
  uv_timer_start(&w->start_timer, on_start_timer, ms, 0);
}

static void stop_worker(worker_t *w, int sig) {
  if (w->state == W_WAIT) {
    uv_timer_stop(&w->start_timer);
    w->wait_settle = 0;
    w->state = W_IDLE;
    return;
  }
  if (w->state != W_RUNNING && w->state != W_STOPPING) return;
  w->state = W_STOPPING;
  if (w->stdin_wr >= 0) {
    close(w->stdin_wr);
    w->stdin_wr = -1;
  }
  watch_proc_stop(&w->proc, sig);
}

/* Restart one worker: stop it (start follows from on_gone), or start it. */
static void restart_worker(worker_t *w) {
  switch (w->state) {
    case W_RUNNING:
    case W_STOPPING:
      w->restart_after = 1;
      stop_worker(w, w->r->o->signal);
      break;
    case W_WAIT:
      break; /* about to start anyway */
    case W_IDLE:
      schedule_start(w, w->r->o->delay_ms);
      break;
  }
}

static void on_roll_timer(uv_timer_t *t) {
  runner_t *r = t->data;
  r->rolling++;
  if (r->rolling >= (int)r->nw) {
    r->rolling = -1;
    if (r->roll_again) {
      r->roll_again = 0;
      r->rolling = 0;
      restart_worker(&r->w[0]);
    }
    return;
  }
  restart_worker(&r->w[r->rolling]);
}

/* The worker being rolled has been started: give it a grace period. */
static void roll_next(runner_t *r) {
  if (r->rolling < 0) return;
  unsigned grace = r->o->delay_ms > 300 ? r->o->delay_ms : 300;
  uv_timer_start(&r->roll_timer, on_roll_timer, grace, 0);
}

static void request_restart(runner_t *r, const char *reason, int force_all) {
  if (r->exiting) return;
  int any_running = 0;
  for (size_t i = 0; i < r->nw; i++)
    any_running |= r->w[i].state == W_RUNNING || r->w[i].state == W_STOPPING;
  watch_status(any_running ? WATCH_LVL_RESTART : WATCH_LVL_START, "%s: %s",
               any_running ? "restarting" : "starting", reason);
  r->restarts++;
  r->ncrash = 0; /* a change is a fresh start for the crash rule */
  if (r->nw == 1 || !any_running || force_all) {
    for (size_t i = 0; i < r->nw; i++) restart_worker(&r->w[i]);
    return;
  }
  if (r->rolling >= 0) {
    r->roll_again = 1;
    return;
  }
  r->rolling = 0;
  restart_worker(&r->w[0]);
}

static int exit_code_of(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 1;
}

static void describe_status(int status, char *buf, size_t len) {
  if (WIFEXITED(status))
    snprintf(buf, len, "exit %d", WEXITSTATUS(status));
  else if (WIFSIGNALED(status))
    snprintf(buf, len, "killed by %s%s", watch_signal_name(WTERMSIG(status)),
             WCOREDUMP(status) ? ", core dumped" : "");
  else
    snprintf(buf, len, "status %d", status);
}

static void on_gone(watch_proc_t *p, int status) {
  worker_t *w = (worker_t *)p;
  runner_t *r = w->r;
  int was_stopping = w->state == W_STOPPING;
  uint64_t uptime = now_ms() - p->started_ms;
  w->state = W_IDLE;
  w->last_status = status;
  w->have_status = 1;
  if (w->stdin_wr >= 0) {
    close(w->stdin_wr);
    w->stdin_wr = -1;
  }
  if (r->have_tio && r->foreground) tcsetattr(STDIN_FILENO, TCSADRAIN, &r->tio);
  char what[64];
  describe_status(status, what, sizeof(what));
  const char *who = r->nw > 1 ? "instance" : "app";
  char whobuf[32];
  if (r->nw > 1) {
    snprintf(whobuf, sizeof(whobuf), "instance %d", w->index);
    who = whobuf;
  }
  if (r->exiting) {
    watch_status(WATCH_LVL_DEBUG, "%s stopped (%s)", who, what);
    if (w->index == 0) r->exit_code = exit_code_of(status);
    finish_if_done(r);
    return;
  }
  if (was_stopping && w->restart_after) {
    w->restart_after = 0;
    watch_status(WATCH_LVL_DEBUG, "%s stopped (%s)%s", who, what,
                 p->killed ? " after SIGKILL" : "");
    schedule_start(w, r->o->delay_ms);
    return;
  }
  w->restart_after = 0;
  /* The app ended by itself. */
  if (r->foreground && WIFSIGNALED(status) &&
      (WTERMSIG(status) == SIGINT || WTERMSIG(status) == SIGQUIT)) {
    /* Ctrl-C in the app's terminal: the user wants out. */
    r->exiting = 1;
    r->exit_code = exit_code_of(status);
    finish_if_done(r);
    return;
  }
  int crashed = !(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  if (!crashed) {
    watch_status(WATCH_LVL_INFO, "%s exited cleanly (exit 0) — waiting for changes", who);
    return;
  }
  if (r->o->exit_on_crash) {
    watch_status(WATCH_LVL_ERROR, "%s crashed (%s) — exiting (--exit-on-crash)", who, what);
    r->exiting = 1;
    r->exit_code = exit_code_of(status);
    for (size_t i = 0; i < r->nw; i++) stop_worker(&r->w[i], r->o->signal);
    finish_if_done(r);
    return;
  }
  if (!r->o->restart_on_crash) {
    watch_status(WATCH_LVL_ERROR, "%s crashed (%s) — waiting for changes", who, what);
    return;
  }
  /* --restart-on-crash: exponential backoff, unstable-process limit. */
  uint64_t now = now_ms();
  unsigned keep = 0;
  for (unsigned i = 0; i < r->ncrash; i++)
    if (now - r->crash_ms[i] <= r->o->crash_window_ms) r->crash_ms[keep++] = r->crash_ms[i];
  r->ncrash = keep;
  if (r->ncrash < 64) r->crash_ms[r->ncrash++] = now;
  if (r->ncrash >= r->o->crash_limit) {
    watch_status(WATCH_LVL_ERROR,
                 "%s crashed (%s) %u times within %.0f s — not restarting until a file changes "
                 "(--crash-limit, --crash-window)",
                 who, what, r->ncrash, r->o->crash_window_ms / 1000.0);
    r->ncrash = 0;
    return;
  }
  unsigned backoff = 100u << (r->ncrash - 1 < 7 ? r->ncrash - 1 : 7);
  if (backoff > 10000) backoff = 10000;
  (void)uptime;
  watch_status(WATCH_LVL_RESTART,
               "%s crashed (%s) — restarting in %u ms (crash %u of %u allowed within %.0f s)", who,
               what, backoff, r->ncrash, r->o->crash_limit - 1, r->o->crash_window_ms / 1000.0);
  r->restarts++;
  schedule_start(w, backoff);
}

/* ---- exit ------------------------------------------------------------ */

static void close_cb_noop(uv_handle_t *h) {
  (void)h;
}

static void finish_if_done(runner_t *r) {
  for (size_t i = 0; i < r->nw; i++)
    if (r->w[i].state == W_RUNNING || r->w[i].state == W_STOPPING) return;
  uv_stop(r->loop);
}

static void begin_exit(runner_t *r, int sig) {
  if (r->exiting && r->exit_signal_sent) {
    /* second Ctrl-C: no more waiting */
    watch_status(WATCH_LVL_WARN, "killing the app (SIGKILL)");
    for (size_t i = 0; i < r->nw; i++)
      if (r->w[i].state == W_STOPPING || r->w[i].state == W_RUNNING) watch_proc_kill(&r->w[i].proc);
    return;
  }
  r->exiting = 1;
  r->exit_signal_sent = 1;
  r->exit_code = 0;
  for (size_t i = 0; i < r->nw; i++) {
    worker_t *w = &r->w[i];
    if (w->state == W_WAIT) {
      uv_timer_stop(&w->start_timer);
      w->wait_settle = 0;
      w->state = W_IDLE;
    }
    if (w->state == W_RUNNING || w->state == W_STOPPING) {
      w->state = W_STOPPING;
      if (w->stdin_wr >= 0) {
        close(w->stdin_wr);
        w->stdin_wr = -1;
      }
      watch_proc_stop(&w->proc, sig);
    }
  }
  /* with nothing running, exit with the last status we saw (0 if none) */
  if (r->w[0].have_status && r->w[0].state == W_IDLE)
    r->exit_code = exit_code_of(r->w[0].last_status);
  finish_if_done(r);
}

/* ---- signals --------------------------------------------------------- */

static void on_signal(uv_signal_t *h, int sig) {
  runner_t *r = h->data;
  switch (sig) {
    case SIGCHLD:
      watch_reap(r->procs, r->nw);
      break;
    case SIGHUP:
      request_restart(r, "SIGHUP received", 0);
      break;
    case SIGINT:
    case SIGTERM:
      begin_exit(r, sig == SIGINT ? SIGINT : r->o->signal);
      break;
  }
}

/* ---- batches --------------------------------------------------------- */

static void on_deb_timer(uv_timer_t *t);

static void on_tree_event(void *ctx, const char *path, unsigned flags) {
  runner_t *r = ctx;
  if (r->exiting) return;
  watch_debounce_add(&r->deb, path, flags, now_ms());
  if (watch_status_verbose()) {
    const char *what = flags & WATCH_EV_DIR_GONE ? "directory gone"
                       : flags & WATCH_EV_REMOVE ? "removed"
                       : flags & WATCH_EV_CHANGE ? "written"
                                                 : "created";
    watch_status(WATCH_LVL_DEBUG, "event: %s %s", watch_tree_display(r->tree, path), what);
  }
  if (!uv_is_active((uv_handle_t *)&r->deb_timer))
    uv_timer_start(&r->deb_timer, on_deb_timer, r->o->debounce_ms, 0);
}

/* Starts the workers that were waiting for the batch to be decided. */
static void start_settled(runner_t *r) {
  for (size_t i = 0; i < r->nw; i++) {
    worker_t *w = &r->w[i];
    if (!w->wait_settle || w->state != W_WAIT) continue;
    w->wait_settle = 0;
    start_now(w);
    if (r->rolling == w->index && w->state == W_RUNNING) roll_next(r);
  }
}

static void on_deb_timer(uv_timer_t *t) {
  runner_t *r = t->data;
  long rem = watch_debounce_remaining(&r->deb, now_ms());
  if (rem < 0) return;
  if (rem > 0) {
    uv_timer_start(t, on_deb_timer, (uint64_t)rem, 0);
    return;
  }
  watch_pathmap_t batch;
  uint64_t last_event = r->deb.last_ms;
  watch_debounce_take(&r->deb, &batch);
  watch_hashcache_t *cache = watch_tree_hashcache(r->tree);
  size_t i = 0, nchanged = 0, nsame = 0;
  watch_pathmap_slot_t *s;
  char first[PATH_MAX + 32] = "";
  int env_changed = 0;
  dr_buf_t deps = DR_BUF_INIT;
  if (r->deps_path) dr_buf_read_file(&deps, r->deps_path);
  while ((s = watch_pathmap_next(&batch, &i))) {
    unsigned fl = (unsigned)(uintptr_t)s->val;
    enum watch_verdict v;
    if (!in_deps(r, &deps, s->key)) {
      watch_status(WATCH_LVL_DEBUG, "%s: not loaded by the app (--deps), ignored",
                   watch_tree_display(r->tree, s->key));
      continue;
    }
    if (fl & WATCH_EV_FORCE)
      v = WATCH_CHANGED;
    else if (fl & WATCH_EV_DIR_GONE)
      v = watch_hashcache_forget_dir(cache, s->key) || watch_tree_lazy(r->tree) ? WATCH_REMOVED
                                                                                : WATCH_GONE;
    else if (!(fl & (WATCH_EV_CHANGE | WATCH_EV_REMOVE)))
      continue; /* created, not yet written: its close-write comes next */
    else
      v = watch_hashcache_check(cache, s->key, fl & WATCH_EV_CREATE);
    const char *disp = watch_tree_display(r->tree, s->key);
    if (v == WATCH_SAME || v == WATCH_GONE) {
      nsame++;
      watch_status(WATCH_LVL_DEBUG, "%s: %s", disp,
                   v == WATCH_SAME ? "same content, ignored" : "temporary, ignored");
      continue;
    }
    if (r->env_abs && !strcmp(s->key, r->env_abs)) env_changed = 1;
    if (!nchanged++)
      snprintf(first, sizeof(first), "%s%s", disp,
               v == WATCH_ADDED     ? " added"
               : v == WATCH_REMOVED ? " removed"
                                    : " changed");
    else if (watch_status_verbose())
      watch_status(WATCH_LVL_DEBUG, "also: %s %s", disp,
                   v == WATCH_ADDED     ? "added"
                   : v == WATCH_REMOVED ? "removed"
                                        : "changed");
  }
  watch_pathmap_release(&batch, NULL);
  dr_buf_release(&deps);
  if (env_changed) load_env_file(r, 0);
  if (!nchanged) {
    if (nsame)
      watch_status(WATCH_LVL_DEBUG, "no content change in %zu file%s — not restarting", nsame,
                   nsame == 1 ? "" : "s");
    start_settled(r);
    return;
  }
  /* Changes the running process already saw (all written before it was
   * started) need no restart: a long checkout split in two batches. */
  if (r->nw == 1 && r->w[0].state == W_RUNNING && last_event < r->w[0].proc.started_ms) {
    watch_status(WATCH_LVL_DEBUG,
                 "%s: the running app started after these changes — not restarting", first);
    return;
  }
  char reason[PATH_MAX + 96];
  if (nchanged == 1)
    snprintf(reason, sizeof(reason), "%s", first);
  else
    snprintf(reason, sizeof(reason), "%s and %zu more file%s", first, nchanged - 1,
             nchanged == 2 ? "" : "s");
  request_restart(r, reason, 0);
  start_settled(r);
}

/* ---- stdin commands -------------------------------------------------- */

static void print_stats(runner_t *r) {
  size_t dirs, files, polled;
  watch_tree_counts(r->tree, &dirs, &files, &polled);
  long hz = sysconf(_SC_CLK_TCK);
  for (size_t i = 0; i < r->nw; i++) {
    worker_t *w = &r->w[i];
    char inst[32] = "";
    if (r->nw > 1) snprintf(inst, sizeof(inst), "instance %zu: ", i);
    if (w->state != W_RUNNING && w->state != W_STOPPING) {
      watch_status(WATCH_LVL_INFO, "%sapp not running · restarts %u", inst, r->restarts);
      continue;
    }
    watch_procstat_t ps;
    watch_procstat_group(w->proc.pgid, &ps);
    uint64_t now = now_ms();
    uint64_t up = now - w->proc.started_ms;
    double dt = (double)(now - w->cpu_sample_ms) / 1000.0;
    double cpu = dt > 0 && hz > 0
                     ? 100.0 * ((double)(ps.cpu_ticks - w->cpu_sample_ticks) / (double)hz) / dt
                     : 0;
    if (ps.cpu_ticks < w->cpu_sample_ticks) cpu = 0;
    w->cpu_sample_ticks = ps.cpu_ticks;
    w->cpu_sample_ms = now;
    watch_status(WATCH_LVL_INFO,
                 "%spid %ld · uptime %llum%02llus · rss %.1f MiB (%zu process%s) · cpu %.1f%% · "
                 "restarts %u · "
                 "watching %zu dirs, %zu files%s",
                 inst, (long)w->proc.pid, (unsigned long long)(up / 60000),
                 (unsigned long long)(up / 1000 % 60), (double)ps.rss_bytes / 1048576.0, ps.nprocs,
                 ps.nprocs == 1 ? "" : "es", cpu, r->restarts, dirs, files,
                 polled ? " (some polled)" : "");
  }
}

static void forward_line(runner_t *r, const char *data, size_t len) {
  worker_t *w = &r->w[0];
  if (w->stdin_wr < 0) return;
  while (len) {
    ssize_t n = write(w->stdin_wr, data, len);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (errno == EAGAIN)
        watch_status(WATCH_LVL_WARN, "the app is not reading its input: line dropped");
      return;
    }
    data += n;
    len -= (size_t)n;
  }
}

static void handle_line(runner_t *r, const char *line, size_t len) {
  size_t n = len;
  while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
  const char *p = line;
  while (n && (*p == ' ' || *p == '\t')) p++, n--;
  while (n && (p[n - 1] == ' ' || p[n - 1] == '\t')) n--;
  if (n == 2 && !memcmp(p, "rs", 2)) {
    request_restart(r, "restart requested (rs)", 1);
    return;
  }
  if (n == 5 && !memcmp(p, "stats", 5)) {
    print_stats(r);
    return;
  }
  forward_line(r, line, len);
}

static void stdin_stop(runner_t *r) {
  if (!r->stdin_active) return;
  uv_poll_stop(&r->stdin_poll);
  uv_close((uv_handle_t *)&r->stdin_poll, NULL);
  r->stdin_active = 0;
}

static void on_stdin(uv_poll_t *h, int status, int events) {
  runner_t *r = h->data;
  char buf[4096];
  ssize_t n = read(STDIN_FILENO, buf, sizeof(buf));
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
  if (n <= 0) {
    if (r->line.len) handle_line(r, r->line.buf, r->line.len);
    dr_buf_reset(&r->line);
    r->stdin_eof = 1;
    stdin_stop(r);
    /* The app sees end of input too. */
    for (size_t i = 0; i < r->nw; i++)
      if (r->w[i].stdin_wr >= 0) {
        close(r->w[i].stdin_wr);
        r->w[i].stdin_wr = -1;
      }
    return;
  }
  dr_buf_add(&r->line, buf, (size_t)n);
  char *nl;
  while ((nl = memchr(r->line.buf, '\n', r->line.len))) {
    size_t len = (size_t)(nl - r->line.buf) + 1;
    char *copy = dr_strndup(r->line.buf, len);
    memmove(r->line.buf, r->line.buf + len, r->line.len - len);
    dr_buf_setlen(&r->line, r->line.len - len);
    handle_line(r, copy, len);
    free(copy);
  }
}

/* ---- set-up ---------------------------------------------------------- */

static void close_walk(uv_handle_t *h, void *arg) {
  (void)arg;
  if (!uv_is_closing(h)) uv_close(h, close_cb_noop);
}

int watch_run(watch_opts_t *o) {
  runner_t rr, *r = &rr;
  memset(r, 0, sizeof(*r));
  r->o = o;
  r->rolling = -1;
  r->loop = uv_default_loop();
  r->loop->data = r;
  find_runtime(r);
  if (o->mode == WATCH_MODE_APP && getenv("DEVRUN_JS") == NULL &&
      strcmp(r->runtime, "devrun-js") == 0)
    watch_status(WATCH_LVL_DEBUG, "devrun-js not found next to devrun: using PATH");

  int is_tty = isatty(STDIN_FILENO);
  /* In a background job (devrun app.js &) the terminal is not ours to read
   * (SIGTTIN) nor to hand over: no stdin commands, no foreground app. */
  int fg_job = is_tty && tcgetpgrp(STDIN_FILENO) == getpgrp();
  r->stdin_commands = o->stdin_commands < 0 ? fg_job : o->stdin_commands;
  r->foreground = fg_job && !r->stdin_commands && o->instances == 1;
  if (is_tty && tcgetattr(STDIN_FILENO, &r->tio) == 0) r->have_tio = 1;
  signal(SIGPIPE, SIG_IGN);
  signal(SIGTTOU, SIG_IGN); /* to take the terminal back with tcsetpgrp() */

  if (load_env_file(r, 1) < 0) return 2;
  if (o->env_file) {
    char abs[PATH_MAX];
    if (realpath(o->env_file, abs)) r->env_abs = dr_strdup(abs);
  }
  if (o->deps && o->mode == WATCH_MODE_APP) {
    dr_buf_t b = DR_BUF_INIT;
    const char *tmp = getenv("TMPDIR");
    dr_buf_addf(&b, "%s/devrun-deps-%d.txt", tmp && *tmp ? tmp : "/tmp", (int)getpid());
    r->deps_path = dr_buf_detach(&b, NULL);
  }
  int rc = watch_become_subreaper();
  if (rc < 0) watch_status(WATCH_LVL_DEBUG, "cannot become a child subreaper: %s", dr_strerror(rc));

  watch_debounce_init(&r->deb, o->debounce_ms);
  uv_timer_init(r->loop, &r->deb_timer);
  r->deb_timer.data = r;
  uv_timer_init(r->loop, &r->roll_timer);
  r->roll_timer.data = r;
  uv_signal_t *sigs[] = {&r->sig_chld, &r->sig_int, &r->sig_term, &r->sig_hup};
  int signums[] = {SIGCHLD, SIGINT, SIGTERM, SIGHUP};
  for (int i = 0; i < 4; i++) {
    uv_signal_init(r->loop, sigs[i]);
    sigs[i]->data = r;
    uv_signal_start(sigs[i], on_signal, signums[i]);
  }

  r->nw = o->instances ? o->instances : 1;
  r->w = dr_calloc(r->nw, sizeof(worker_t));
  r->procs = dr_calloc(r->nw, sizeof(watch_proc_t *));
  for (size_t i = 0; i < r->nw; i++) {
    worker_t *w = &r->w[i];
    watch_proc_init(&w->proc, r->loop, on_gone);
    w->proc.index = (int)i;
    w->proc.adopt_orphans = r->nw == 1;
    w->r = r;
    w->index = (int)i;
    w->stdin_wr = -1;
    uv_timer_init(r->loop, &w->start_timer);
    w->start_timer.data = w;
    r->procs[i] = &w->proc;
  }

  uint64_t t0 = dr_now_ns();
  r->tree = watch_tree_new(r->loop, o, on_tree_event, r);
  if (watch_tree_start(r->tree) < 0) {
    r->exit_code = 2;
    goto out;
  }
  {
    size_t dirs, files, polled;
    watch_tree_counts(r->tree, &dirs, &files, &polled);
    dr_buf_t cmd = DR_BUF_INIT;
    watch_status(WATCH_LVL_INFO, "watching %zu director%s, %zu file%s (%s%s, ready in %.0f ms)%s",
                 dirs, dirs == 1 ? "y" : "ies", files, files == 1 ? "" : "s",
                 o->poll_ms ? "polling" : "native", polled && !o->poll_ms ? " + polling" : "",
                 (double)(dr_now_ns() - t0) / 1e6,
                 r->stdin_commands ? " · type rs to restart, stats for stats" : "");
    watch_status(WATCH_LVL_START, "starting: %s%s", describe_cmd(r, &cmd),
                 r->nw > 1 ? " (several instances)" : "");
    dr_buf_release(&cmd);
  }

  if (r->stdin_commands && uv_poll_init(r->loop, &r->stdin_poll, STDIN_FILENO) == 0) {
    r->stdin_poll.data = r;
    r->stdin_active = 1;
    uv_poll_start(&r->stdin_poll, UV_READABLE, on_stdin);
  } else if (r->stdin_commands) {
    r->stdin_eof = 1; /* stdin is a file: nothing to read interactively */
  }

  for (size_t i = 0; i < r->nw; i++) schedule_start(&r->w[i], o->delay_ms);
  if (!r->exiting) uv_run(r->loop, UV_RUN_DEFAULT);

out:
  /* Stop watching, then close every handle and let the close callbacks run. */
  watch_tree_close(r->tree);
  stdin_stop(r);
  for (size_t i = 0; i < r->nw; i++) watch_proc_close(&r->w[i].proc);
  uv_walk(r->loop, close_walk, NULL);
  uv_run(r->loop, UV_RUN_DEFAULT);
  uv_loop_close(r->loop);
  if (r->have_tio) tcsetattr(STDIN_FILENO, TCSADRAIN, &r->tio);
  watch_debounce_release(&r->deb);
  dr_buf_release(&r->line);
  watch_strv_release(&r->file_env);
  free(r->env_abs);
  if (r->deps_path) unlink(r->deps_path);
  free(r->deps_path);
  free(r->w);
  free(r->procs);
  return r->exit_code;
}
