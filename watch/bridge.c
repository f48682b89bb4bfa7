/* bridge.c — `devrun --inspect app.js`: one debugger endpoint for every
 * generation of the app.
 *
 * When the app runs under devrun with --inspect, --inspect-wait or
 * --inspect-brk, devrun starts the inspector bridge (`devrun-inspect`, next
 * to devrun) once, on the address the user asked for (default
 * 127.0.0.1:9229), and runs each generation of the app with its own inspector
 * on a private loopback port and --inspect-wait (or --inspect-brk), so that
 * a new process waits until the bridge has replayed the client's breakpoints.
 * Clients stay attached to the bridge across restarts.  DEVRUN_NO_BRIDGE=1
 * passes the flags to the runtime unchanged instead.
 *
 * The bridge lives in devrun's process tree and dies with devrun
 * (PR_SET_PDEATHSIG, and watch_bridge_stop() on the way out).
 */
#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "devrun/buf.h"
#include "devrun/exe.h"
#include "devrun/util.h"
#include "watch.h"

static pid_t bridge_pid = -1;

static int free_loopback_port(void) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -errno;
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  socklen_t len = sizeof a;
  int port = -1;
  if (bind(fd, (struct sockaddr *)&a, sizeof a) == 0 &&
      getsockname(fd, (struct sockaddr *)&a, &len) == 0)
    port = ntohs(a.sin_port);
  close(fd);
  return port;
}

/* "--inspect[=[host:]port]" -> host and port (defaults 127.0.0.1:9229). */
static void split_address(const char *flag, char *host, size_t hcap, char *port, size_t pcap) {
  snprintf(host, hcap, "127.0.0.1");
  snprintf(port, pcap, "9229");
  const char *eq = strchr(flag, '=');
  if (!eq || !eq[1]) return;
  const char *v = eq + 1;
  const char *colon = strrchr(v, ':');
  if (colon && (v[0] != '[' || colon > strchr(v, ']'))) {
    size_t n = (size_t)(colon - v);
    if (v[0] == '[' && n >= 2) snprintf(host, hcap, "%.*s", (int)(n - 2), v + 1);
    else snprintf(host, hcap, "%.*s", (int)n, v);
    snprintf(port, pcap, "%s", colon + 1);
  } else {
    snprintf(port, pcap, "%s", v);
  }
}

/* DEVRUN_INSPECT, else devrun-inspect next to devrun; NULL if neither. */
static char *bridge_path(void) {
  const char *env = getenv("DEVRUN_INSPECT");
  if (env && *env) return dr_strdup(env);
  return dr_exe_sibling("devrun-inspect");
}

int watch_bridge_setup(watch_opts_t *o) {
  const char *no = getenv("DEVRUN_NO_BRIDGE");
  if (o->mode != WATCH_MODE_APP || (no && *no && strcmp(no, "0"))) return 0;
  const char *inspect = NULL;
  int brk = 0;
  for (size_t i = 0; i < o->rtflags.n; i++) {
    const char *f = o->rtflags.v[i];
    if (!strncmp(f, "--inspect-brk", 13)) inspect = f, brk = 1;
    else if (!strncmp(f, "--inspect-wait", 14) || !strcmp(f, "--inspect") ||
             !strncmp(f, "--inspect=", 10))
      inspect = inspect ? inspect : f;
  }
  if (!inspect) return 0;
  char host[256], port[32], target[32];
  split_address(inspect, host, sizeof host, port, sizeof port);
  int tp = free_loopback_port();
  if (tp < 0) return dr_error("--inspect: cannot find a free loopback port for the app");
  snprintf(target, sizeof target, "%d", tp);
  char *path = bridge_path();
  if (!path || access(path, X_OK) != 0) {
    free(path);
    watch_status(WATCH_LVL_WARN,
                 "devrun-inspect not found next to devrun: the debugger endpoint will not survive "
                 "restarts");
    return 0;
  }

  pid_t pid = fork();
  if (pid < 0) return dr_error("cannot start the inspector bridge: %s", strerror(errno));
  if (pid == 0) {
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
    execl(path, "devrun-inspect", "--host", host, "--port", port, "--target-port", target,
          (char *)NULL);
    fprintf(stderr, "devrun: cannot run '%s': %s\n", path, strerror(errno));
    _exit(127);
  }
  free(path);
  bridge_pid = pid;

  /* The app's own inspector: a private loopback port, waiting for the bridge. */
  watch_strv_t flags = WATCH_STRV_INIT;
  for (size_t i = 0; i < o->rtflags.n; i++)
    if (strncmp(o->rtflags.v[i], "--inspect", 9)) watch_strv_push(&flags, o->rtflags.v[i]);
  dr_buf_t b = DR_BUF_INIT;
  dr_buf_addf(&b, "%s=127.0.0.1:%d", brk ? "--inspect-brk" : "--inspect-wait", tp);
  watch_strv_push(&flags, b.buf);
  dr_buf_release(&b);
  watch_strv_clear(&o->rtflags);
  o->rtflags = flags;
  watch_status(WATCH_LVL_INFO, "debugger endpoint %s:%s stays the same across restarts (bridge)",
               host, port);
  return 0;
}

pid_t watch_bridge_pid(void) { return bridge_pid; }

void watch_bridge_stop(void) {
  if (bridge_pid <= 0) return;
  kill(bridge_pid, SIGTERM);
  int st;
  waitpid(bridge_pid, &st, 0);
  bridge_pid = -1;
}
