/* target.c — the local runtime devrun-repl evaluates in.
 *
 * Local mode starts `devrun-js` (or whatever --runtime names, e.g. `node`)
 * as `<runtime> --inspect=127.0.0.1:0 -e <keepalive>` with its stdout and
 * stderr on pipes, reads "Debugger listening on ws://..." from stderr (the
 * line Node and devrun-js both print) and connects there.  The keep-alive
 * script gives the global scope Node's REPL conveniences: `require`
 * relative to the current directory and the builtin modules as lazy
 * globals, and a helper that session.c substitutes for import() (which has
 * no module to resolve against in inspector-evaluated code).  The child's
 * output is copied to the user; the inspector's own notices ("Debugger
 * attached." ...) are dropped.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "devrun/err.h"
#include "devrun/util.h"
#include "repl.h"

static const char keepalive[] =
    "try {"
    "  globalThis.require = require('module').createRequire(process.cwd() + '/');"
    "  for (const m of require('module').builtinModules) {"
    "    if (m.includes('/') || m.startsWith('_') || m in globalThis) continue;"
    "    Object.defineProperty(globalThis, m, {configurable: true, enumerable: false,"
    "      get() { const v = require(m); Object.defineProperty(globalThis, m,"
    "        {value: v, writable: true, configurable: true, enumerable: false}); return v; },"
    "      set(v) { Object.defineProperty(globalThis, m,"
    "        {value: v, writable: true, configurable: true, enumerable: true}); }});"
    "  }"
    "} catch (e) {}" /* a runtime without these still gets a REPL */
    /* import() does not work in code the inspector evaluates (no referrer):
     * session.c rewrites it to this, resolved against the cwd. */
    "try {"
    "  Object.defineProperty(globalThis, '__devrun_import__', {enumerable: false,"
    "    value: (s) => import(/^\\.\\.?\\//.test(s) ? require('url').pathToFileURL("
    "      require('path').resolve(s)).href : s)});"
    "} catch (e) {}"
    "setInterval(() => {}, 1 << 30);";

static volatile sig_atomic_t child_pid_for_signal; /* see on_fatal_signal */

int repl_child_start(repl_child_t *ch, const char *runtime, char *err, size_t errlen) {
  int out[2], errp[2], gate[2];
  dr_buf_t line = DR_BUF_INIT, last = DR_BUF_INIT;
  double deadline = dr_now_ms() + 15000;
  pid_t pid;
  char buf;
  memset(ch, 0, sizeof(*ch));
  ch->out_fd = ch->err_fd = -1;
  if (pipe2(out, O_CLOEXEC) < 0 || pipe2(errp, O_CLOEXEC) < 0 || pipe2(gate, O_CLOEXEC) < 0) {
    snprintf(err, errlen, "pipe: %s", strerror(errno));
    return DR_EIO;
  }
  pid = fork();
  if (pid < 0) {
    snprintf(err, errlen, "fork: %s", strerror(errno));
    return DR_EIO;
  }
  if (pid == 0) {
    int devnull = open("/dev/null", O_RDONLY);
    /* The runtime must not outlive devrun-repl, however it ends (even
     * SIGKILL): the kernel sends SIGTERM when the parent dies. */
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() == 1) _exit(1); /* the parent already died */
    dup2(devnull, 0);
    dup2(out[1], 1);
    dup2(errp[1], 2);
    setpgid(0, 0); /* Ctrl+C in the terminal must not kill the target */
    execlp(runtime, runtime, "--inspect=127.0.0.1:0", "-e", keepalive, (char *)NULL);
    /* Tell the parent exec failed through the gate pipe. */
    (void)!write(gate[1], &errno, sizeof(int));
    _exit(127);
  }
  close(out[1]);
  close(errp[1]);
  close(gate[1]);
  {
    int e = 0;
    if (read(gate[0], &e, sizeof(e)) == (ssize_t)sizeof(e)) {
      close(gate[0]);
      close(out[0]);
      close(errp[0]);
      waitpid(pid, NULL, 0);
      snprintf(err, errlen, "cannot run '%s': %s", runtime, strerror(e));
      return DR_ENOENT;
    }
    close(gate[0]);
  }
  ch->pid = pid;
  repl_child_guard(ch);
  ch->out_fd = out[0];
  ch->err_fd = errp[0];
  /* Read stderr line by line until the URL shows up. */
  for (;;) {
    struct pollfd pfd = {ch->err_fd, POLLIN, 0};
    int left = (int)(deadline - dr_now_ms());
    ssize_t n;
    if (left <= 0) {
      snprintf(err, errlen, "'%s' did not print 'Debugger listening on ws://...' in 15 s", runtime);
      goto fail;
    }
    if (poll(&pfd, 1, left) <= 0) continue;
    n = read(ch->err_fd, &buf, 1);
    if (n <= 0) {
      if (line.len) {
        dr_buf_reset(&last);
        dr_buf_add(&last, line.buf, line.len);
      }
      snprintf(err, errlen, "'%s' exited before its inspector started%s%s", runtime,
               last.len ? ": " : "", last.buf);
      goto fail;
    }
    if (buf != '\n') {
      dr_buf_addch(&line, buf);
      continue;
    }
    {
      const char *ws = strstr(line.buf, "ws://");
      if (strstr(line.buf, "Debugger listening on") && ws) {
        ch->ws_url = dr_strndup(ws, strcspn(ws, " \r\n"));
        break;
      }
    }
    if (line.len) {
      dr_buf_reset(&last);
      dr_buf_add(&last, line.buf, line.len);
    }
    dr_buf_reset(&line);
  }
  dr_buf_release(&line);
  dr_buf_release(&last);
  fcntl(ch->out_fd, F_SETFL, O_NONBLOCK);
  fcntl(ch->err_fd, F_SETFL, O_NONBLOCK);
  return 0;
fail:
  dr_buf_release(&line);
  dr_buf_release(&last);
  repl_child_stop(ch);
  return DR_EPROTO;
}

static const char *const notices[] = {
    "Debugger listening on", "For help, see: https://nodejs.org/en/docs/inspector",
    "Debugger attached.",    "Waiting for the debugger to disconnect...",
    "Debugger ending on",
};

static void drain_fd(int fd, dr_buf_t *dst, int filter) {
  char tmp[4096];
  ssize_t n;
  while ((n = read(fd, tmp, sizeof(tmp))) > 0) {
    if (!dst) continue;
    if (!filter) {
      dr_buf_add(dst, tmp, (size_t)n);
      continue;
    }
    /* Drop whole lines that are inspector notices. */
    for (ssize_t i = 0; i < n;) {
      char *nl = memchr(tmp + i, '\n', (size_t)(n - i));
      size_t len = nl ? (size_t)(nl - (tmp + i)) + 1 : (size_t)(n - i);
      int drop = 0;
      for (size_t k = 0; k < sizeof(notices) / sizeof(notices[0]); k++)
        if (len >= strlen(notices[k]) && !strncmp(tmp + i, notices[k], strlen(notices[k])))
          drop = 1;
      if (!drop) dr_buf_add(dst, tmp + i, len);
      i += (ssize_t)len;
    }
  }
}

void repl_child_drain(repl_child_t *ch, dr_buf_t *out, dr_buf_t *err) {
  if (!ch) return; /* after the child exited, its pipes still hold its last words */
  if (ch->out_fd >= 0) drain_fd(ch->out_fd, out, 0);
  if (ch->err_fd >= 0) drain_fd(ch->err_fd, err, 1);
}

int repl_child_exited(repl_child_t *ch, int timeout_ms) {
  double until = dr_now_ms() + timeout_ms;
  int st;
  if (!ch || ch->pid <= 0) return -1;
  for (;;) {
    pid_t r = waitpid(ch->pid, &st, WNOHANG);
    if (r == ch->pid) {
      ch->pid = 0;
      child_pid_for_signal = 0;
      return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    }
    if (r < 0 || dr_now_ms() >= until) return -1;
    usleep(10000);
  }
}

/* SIGHUP (terminal closed, tmux killed) and SIGTERM: stop the runtime,
 * then die of the signal.  Async-signal-safe. */

static void on_fatal_signal(int sig) {
  if (child_pid_for_signal > 0) kill((pid_t)child_pid_for_signal, SIGTERM);
  signal(sig, SIG_DFL);
  raise(sig);
}

void repl_child_guard(repl_child_t *ch) {
  child_pid_for_signal = ch ? ch->pid : 0;
  signal(SIGHUP, on_fatal_signal);
  signal(SIGTERM, on_fatal_signal);
}

void repl_child_stop(repl_child_t *ch) {
  if (!ch) return;
  if (ch->pid > 0) {
    int st;
    double until = dr_now_ms() + 2000;
    kill(ch->pid, SIGTERM);
    while (waitpid(ch->pid, &st, WNOHANG) == 0) {
      if (dr_now_ms() > until) {
        kill(ch->pid, SIGKILL);
        waitpid(ch->pid, &st, 0);
        break;
      }
      usleep(10000);
    }
    ch->pid = 0;
    child_pid_for_signal = 0;
  }
  if (ch->out_fd >= 0) close(ch->out_fd);
  if (ch->err_fd >= 0) close(ch->err_fd);
  ch->out_fd = ch->err_fd = -1;
  free(ch->ws_url);
  ch->ws_url = NULL;
}
