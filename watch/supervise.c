/* supervise.c — one generation of the app, and nothing left behind.
 *
 * The child is started with posix_spawn() in a process group of its own
 * (POSIX_SPAWN_SETPGROUP), with default signal dispositions and an empty
 * mask, and — when it should own the terminal — as the terminal's
 * foreground group.  devrun is a child subreaper (PR_SET_CHILD_SUBREAPER),
 * so grandchildren orphaned when the app dies are re-parented to devrun
 * rather than to init, where devrun can see, signal and reap them.
 *
 * Stopping a generation:
 *   1. send the stop signal (SIGTERM by default, --signal) to the group,
 *      and to adopted orphans that left the group (setsid daemons);
 *   2. after --kill-timeout (default 5 s) send SIGKILL to all of them;
 *   3. the generation is gone only when the direct child has been reaped,
 *      kill(-pgid, 0) says the group is empty and no adopted orphan is
 *      left; only then is the gone callback called, and only then does the
 *      runner start the next generation — never two at once, so the app's
 *      port (and the inspector's) is free again: no EADDRINUSE.
 * When the app exits on its own but leaves members of its group running,
 * the same stop sequence cleans them up before the exit is reported.
 *
 * Reaping: the runner calls watch_reap() on SIGCHLD; it waitpid()s every
 * exited child (the app and adopted orphans alike) and re-checks each
 * generation.  While a generation is stopping a 50 ms check timer also
 * re-checks (a last group member need not be our child); idle, there are
 * no timers.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "devrun/util.h"
#include "watch.h"

#define CHECK_MS 50

#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 35))
#define HAVE_SPAWN_TCSETPGRP 1
#else
#define HAVE_SPAWN_TCSETPGRP 0
#endif

int watch_become_subreaper(void) {
#ifdef PR_SET_CHILD_SUBREAPER
  if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0) return -errno;
  return 0;
#else
  return UV_ENOSYS;
#endif
}

int watch_group_empty(pid_t pgid) {
  if (pgid <= 0) return 1;
  return kill(-pgid, 0) != 0 && errno == ESRCH;
}

/* Direct children of this process (all threads), via /proc. */
static size_t list_children(pid_t *out, size_t max) {
  size_t n = 0;
  DIR *d = opendir("/proc/self/task");
  if (!d) return 0;
  struct dirent *de;
  while ((de = readdir(d)) && n < max) {
    if (de->d_name[0] == '.') continue;
    char path[300];
    snprintf(path, sizeof(path), "/proc/self/task/%s/children", de->d_name);
    FILE *f = fopen(path, "r");
    if (!f) continue;
    long pid;
    while (n < max && fscanf(f, "%ld", &pid) == 1)
      if ((pid_t)pid != watch_bridge_pid()) out[n++] = (pid_t)pid; /* devrun's own helper */
    fclose(f);
  }
  closedir(d);
  return n;
}

int watch_signal_orphans(int sig, const pid_t *keep, size_t nkeep) {
  pid_t kids[1024];
  size_t n = list_children(kids, 1024);
  int count = 0;
  for (size_t i = 0; i < n; i++) {
    int kept = 0;
    for (size_t j = 0; j < nkeep; j++) kept |= kids[i] == keep[j];
    if (!kept && kill(kids[i], sig) == 0) count++;
  }
  return count;
}

static int have_orphans(const watch_proc_t *p) {
  pid_t kids[64];
  size_t n = list_children(kids, 64);
  for (size_t i = 0; i < n; i++)
    if (kids[i] != p->pid) {
      /* A zombie waiting to be reaped does not count. */
      char path[64], buf[512];
      snprintf(path, sizeof(path), "/proc/%ld/stat", (long)kids[i]);
      FILE *f = fopen(path, "r");
      if (!f) continue;
      size_t len = fread(buf, 1, sizeof(buf) - 1, f);
      fclose(f);
      buf[len] = '\0';
      char *rp = strrchr(buf, ')');
      if (rp && rp[1] == ' ' && rp[2] == 'Z') continue;
      return 1;
    }
  return 0;
}

void watch_proc_init(watch_proc_t *p, uv_loop_t *loop, watch_proc_gone_cb cb) {
  memset(p, 0, sizeof(*p));
  p->loop = loop;
  p->gone_cb = cb;
  p->kill_timeout_ms = 5000;
  uv_timer_init(loop, &p->kill_timer);
  uv_timer_init(loop, &p->check_timer);
  p->kill_timer.data = p->check_timer.data = p;
  p->timers_open = 1;
}

int watch_proc_running(const watch_proc_t *p) {
  return p->pid != 0;
}

int watch_proc_start(watch_proc_t *p, char *const argv[], char *const envp[], int stdin_fd,
                     int foreground) {
  posix_spawnattr_t attr;
  posix_spawn_file_actions_t fa;
  sigset_t mask, defs;
  short flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
  posix_spawnattr_init(&attr);
  posix_spawn_file_actions_init(&fa);
  posix_spawnattr_setpgroup(&attr, 0);
  sigemptyset(&mask);
  posix_spawnattr_setsigmask(&attr, &mask);
  sigemptyset(&defs);
  for (int s = 1; s < 32; s++)
    if (s != SIGKILL && s != SIGSTOP) sigaddset(&defs, s);
  posix_spawnattr_setsigdefault(&attr, &defs);
#if HAVE_SPAWN_TCSETPGRP
  /* glibc >= 2.35: the child makes its new group the terminal's foreground
   * group itself, before exec, so it can never meet SIGTTOU/SIGTTIN. */
  if (foreground) posix_spawn_file_actions_addtcsetpgrp_np(&fa, STDIN_FILENO);
#endif
  posix_spawnattr_setflags(&attr, flags);
  if (stdin_fd >= 0) posix_spawn_file_actions_adddup2(&fa, stdin_fd, STDIN_FILENO);
  pid_t pid;
  int r = posix_spawnp(&pid, argv[0], &fa, &attr, argv, envp);
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  if (r != 0) return -r;
#if !HAVE_SPAWN_TCSETPGRP
  if (foreground) { /* racy: the child may have been stopped by SIGTTOU already */
    tcsetpgrp(STDIN_FILENO, pid);
    kill(-pid, SIGCONT);
  }
#endif
  p->pid = p->pgid = pid;
  p->reaped = p->stopping = p->killed = 0;
  p->status = 0;
  p->foreground = foreground;
  p->started_ms = (uint64_t)(dr_now_ns() / 1000000);
  return 0;
}

static void on_check(uv_timer_t *t);

static void arm_check(watch_proc_t *p) {
  if (!uv_is_active((uv_handle_t *)&p->check_timer))
    uv_timer_start(&p->check_timer, on_check, CHECK_MS, CHECK_MS);
}

static void signal_generation(watch_proc_t *p, int sig) {
  if (p->pgid > 0) kill(-p->pgid, sig);
  if (p->pid > 0 && !p->reaped) kill(p->pid, sig); /* in case it left its group */
  if (p->adopt_orphans) /* single instance: every adopted orphan is this generation's */
    watch_signal_orphans(sig, &p->pid, p->reaped ? 0 : 1);
}

static void on_kill(uv_timer_t *t) {
  watch_proc_t *p = t->data;
  watch_proc_kill(p);
}

void watch_proc_kill(watch_proc_t *p) {
  if (!p->pid) return;
  p->killed = 1;
  signal_generation(p, SIGKILL);
  arm_check(p);
}

void watch_proc_stop(watch_proc_t *p, int sig) {
  if (!p->pid) return;
  if (p->stopping && sig == p->stop_signal) return;
  p->stopping = 1;
  p->stop_signal = sig;
  signal_generation(p, sig);
  if (sig != SIGKILL)
    kill(-p->pgid, SIGCONT); /* a stopped (SIGTSTP/SIGTTIN) group must run to exit */
  if (!uv_is_active((uv_handle_t *)&p->kill_timer) && sig != SIGKILL)
    uv_timer_start(&p->kill_timer, on_kill, p->kill_timeout_ms, 0);
  arm_check(p);
}

static void reclaim_terminal(watch_proc_t *p) {
  if (!p->foreground) return;
  if (isatty(STDIN_FILENO)) tcsetpgrp(STDIN_FILENO, getpgrp()); /* SIGTTOU is ignored */
  p->foreground = 0;
}

/* Finishes the generation if everything is gone; starts the clean-up of
 * leftovers when the app exited on its own. */
static void check(watch_proc_t *p) {
  if (!p->pid || !p->reaped) return;
  if (!watch_group_empty(p->pgid) || (p->adopt_orphans && have_orphans(p))) {
    if (!p->stopping) watch_proc_stop(p, SIGTERM); /* leftovers of an app that exited */
    arm_check(p);
    return;
  }
  uv_timer_stop(&p->kill_timer);
  uv_timer_stop(&p->check_timer);
  reclaim_terminal(p);
  int status = p->status;
  p->pid = p->pgid = 0;
  if (p->gone_cb) p->gone_cb(p, status);
}

static void on_check(uv_timer_t *t) {
  check(t->data);
}

void watch_reap(watch_proc_t **procs, size_t n) {
  int st;
  pid_t pid;
  while ((pid = waitpid(-1, &st, WNOHANG)) > 0) {
    for (size_t i = 0; i < n; i++)
      if (procs[i]->pid == pid && !procs[i]->reaped) {
        procs[i]->reaped = 1;
        procs[i]->status = st;
      }
  }
  for (size_t i = 0; i < n; i++) check(procs[i]);
}

void watch_proc_close(watch_proc_t *p) {
  if (!p->timers_open) return;
  uv_close((uv_handle_t *)&p->kill_timer, NULL);
  uv_close((uv_handle_t *)&p->check_timer, NULL);
  p->timers_open = 0;
}
