/* bridge.c — devrun-inspect: one stable inspector endpoint in front of an app
 * that restarts.
 *
 *   devrun-inspect [--host H] [--port 9229] --target-port N [--target-host H]
 *   devrun-inspect list [host:port]
 *
 * The bridge serves Node's HTTP discovery and WebSocket sessions on its own
 * endpoint (insp_server.c) with a target id that never changes, and proxies
 * each client session to the devrun-js (or node) process that currently
 * listens on the target port (lib/cdp.h, one upstream session per client).
 *
 * Restarts.  The app is started with --inspect-wait=<target port> so that
 * it waits for a debugger before running.  For each client the bridge
 * records the calls that make up debugger state — domain enables,
 * Debugger.setBreakpointByUrl (minus the removed ones), pause-on-exceptions,
 * blackbox patterns, async stack depth, breakpoints active, skip pauses,
 * sampling interval — and when the upstream session ends it tells the
 * client the context is gone (Runtime.executionContextDestroyed +
 * executionContextsCleared; in-flight requests get an error), polls the
 * target port, and on the new process replays the recorded calls under
 * private ids (their replies are swallowed) before sending
 * Runtime.runIfWaitingForDebugger.  Breakpoint ids of setBreakpointByUrl are
 * derived from url/line/column by V8, so the client's ids stay valid.  With
 * no client attached the bridge only releases each new process
 * (runIfWaitingForDebugger) so the app never waits on nobody.
 *
 * Threads: the server's callbacks (I/O thread) push events into a locked
 * queue and wake the main libuv loop (uv_async); everything else runs on
 * the loop thread, including lib/cdp callbacks (dr_cdp_uv_start).
 */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <uv.h>

#include "devrun/buf.h"
#include "devrun/cdp.h"
#include "devrun/err.h"
#include "devrun/util.h"
#include "insp.h"

#define REPLAY_ID_BASE 1000000000

typedef struct ev_s {
  struct ev_s *next;
  enum { EV_OPEN, EV_MSG, EV_CLOSE } kind;
  int session;
  size_t len;
  char msg[];
} ev_t;

typedef struct client_s {
  struct client_s *next;
  int id;             /* server session */
  dr_cdp_t *up;       /* upstream, NULL while the target is down */
  char up_url[512];   /* ws URL of the upstream target */
  char left_url[512]; /* a target we left because it was exiting */
  json_t *state;      /* recorded calls: array of {method, params, key} */
  json_t *queued;     /* client messages waiting for an upstream (strings) */
  json_t *inflight;   /* object: client id (string) -> 1 */
  int replay_seq;
  int replay_left; /* replies still expected before releasing */
  int closed;
} client_t;

static struct {
  uv_loop_t *loop;
  uv_async_t async;
  uv_timer_t poll;
  uv_signal_t sigint, sigterm;
  insp_server_t *server;
  pthread_mutex_t mu;
  ev_t *head, *tail;
  client_t *clients;
  char target[300];   /* host:port of the app */
  char released[512]; /* ws URL of the last process released with no client */
  int verbose;
} B = {.mu = PTHREAD_MUTEX_INITIALIZER};

static void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void tell_client_gone(client_t *c, int destroyed_sent);
static int http_get(const char *host, int port, const char *path, dr_buf_t *body, char *err,
                    size_t errlen);
static void adopt_target_info(void);
static void note(const char *fmt, ...) {
  if (!B.verbose) return;
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "devrun-inspect: ");
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

/* ---- server callbacks (I/O thread) -------------------------------------- */

static void push(int kind, int session, const char *msg, size_t len) {
  ev_t *e = dr_malloc(sizeof *e + len + 1);
  e->next = NULL;
  e->kind = kind;
  e->session = session;
  e->len = len;
  if (len) memcpy(e->msg, msg, len);
  e->msg[len] = 0;
  pthread_mutex_lock(&B.mu);
  if (B.tail)
    B.tail->next = e;
  else
    B.head = e;
  B.tail = e;
  pthread_mutex_unlock(&B.mu);
  uv_async_send(&B.async);
}

static int srv_open(insp_server_t *s, int session, void *d) {
  push(EV_OPEN, session, NULL, 0);
  return 0;
}
static void srv_message(insp_server_t *s, int session, const char *m, size_t n, void *d) {
  push(EV_MSG, session, m, n);
}
static void srv_close(insp_server_t *s, int session, void *d) {
  push(EV_CLOSE, session, NULL, 0);
}

/* ---- recording ----------------------------------------------------------- */

/* The key under which a call is remembered, or NULL when it is not state.
 * Returns a malloc'd string. */
static char *state_key(const char *method, json_t *params) {
  size_t n = strlen(method);
  if (n > 7 && !strcmp(method + n - 7, ".enable")) return dr_strndup(method, n - 7);
  static const char *const last_wins[] = {
      "Debugger.setPauseOnExceptions",   "Debugger.setBlackboxPatterns",
      "Debugger.setAsyncCallStackDepth", "Debugger.setBreakpointsActive",
      "Debugger.setSkipAllPauses",       "Profiler.setSamplingInterval",
      "Runtime.setAsyncCallStackDepth",  "Debugger.setBlackboxedRanges"};
  for (size_t i = 0; i < sizeof last_wins / sizeof *last_wins; i++)
    if (!strcmp(method, last_wins[i])) return dr_strdup(method);
  if (!strcmp(method, "Debugger.setBreakpointByUrl")) {
    char *s = json_dumps(params, JSON_COMPACT | JSON_SORT_KEYS);
    dr_buf_t b;
    dr_buf_init(&b, 0);
    dr_buf_addf(&b, "bp:%s", s ? s : "");
    free(s);
    return dr_buf_detach(&b, NULL);
  }
  return NULL;
}

static void state_remove(client_t *c, const char *key) {
  size_t i;
  json_t *v;
  json_array_foreach(c->state, i, v) {
    if (!strcmp(json_string_value(json_object_get(v, "key")), key)) {
      json_array_remove(c->state, i);
      return;
    }
  }
}

static void record(client_t *c, const char *method, json_t *params, json_int_t id) {
  size_t n = strlen(method);
  if (n > 8 && !strcmp(method + n - 8, ".disable")) {
    char *key = dr_strndup(method, n - 8);
    state_remove(c, key);
    free(key);
    return;
  }
  if (!strcmp(method, "Debugger.removeBreakpoint")) {
    const char *bp = json_string_value(json_object_get(params, "breakpointId"));
    size_t i;
    json_t *v;
    if (!bp) return;
    json_array_foreach(c->state, i, v) {
      const char *b = json_string_value(json_object_get(v, "breakpointId"));
      if (b && !strcmp(b, bp)) {
        json_array_remove(c->state, i);
        return;
      }
    }
    return;
  }
  char *key = state_key(method, params);
  if (!key) return;
  state_remove(c, key);
  json_t *e = json_pack("{s:s, s:O, s:s, s:I}", "method", method, "params",
                        params ? params : json_object(), "key", key, "id", id);
  json_array_append_new(c->state, e);
  free(key);
}

/* A reply to a recorded setBreakpointByUrl: remember its id for removal. */
static void note_reply(client_t *c, json_int_t id, json_t *result) {
  const char *bp = json_string_value(json_object_get(result, "breakpointId"));
  if (!bp) return;
  size_t i;
  json_t *v;
  json_array_foreach(c->state, i, v) {
    if (json_integer_value(json_object_get(v, "id")) == id)
      json_object_set_new(v, "breakpointId", json_string(bp));
  }
}

/* ---- upstream ------------------------------------------------------------- */

static void to_client(client_t *c, const char *msg, size_t len) {
  if (B.server && !c->closed) insp_server_send(B.server, c->id, msg, len);
}

static void to_client_json(client_t *c, json_t *j) {
  char *s = json_dumps(j, JSON_COMPACT);
  json_decref(j);
  to_client(c, s, strlen(s));
  free(s);
}

static void send_up(client_t *c, const char *msg, size_t len) {
  json_t *j = json_loadb(msg, len, 0, NULL);
  if (j) {
    json_t *id = json_object_get(j, "id");
    const char *method = json_string_value(json_object_get(j, "method"));
    if (json_is_integer(id)) {
      char k[32];
      snprintf(k, sizeof k, "%lld", (long long)json_integer_value(id));
      json_object_set_new(c->inflight, k, json_true());
      if (method) record(c, method, json_object_get(j, "params"), json_integer_value(id));
    }
    json_decref(j);
  }
  if (B.verbose > 1) note("-> %.*s", (int)(len > 200 ? 200 : len), msg);
  if (dr_cdp_send_raw(c->up, msg, len) < 0) note("send upstream failed");
}

static void release(client_t *c) {
  char buf[128];
  snprintf(buf, sizeof buf, "{\"id\":%d,\"method\":\"Runtime.runIfWaitingForDebugger\"}",
           REPLAY_ID_BASE + c->replay_seq++);
  dr_cdp_send_raw(c->up, buf, strlen(buf));
  /* then whatever the client sent meanwhile */
  size_t i;
  json_t *v;
  json_array_foreach(c->queued, i, v) send_up(c, json_string_value(v), json_string_length(v));
  json_array_clear(c->queued);
}

static int up_raw(dr_cdp_t *up, const char *msg, size_t len, void *data) {
  client_t *c = data;
  if (B.verbose > 1) note("<- %.*s", (int)(len > 200 ? 200 : len), msg);
  json_t *j = json_loadb(msg, len, 0, NULL);
  if (j) {
    json_t *id = json_object_get(j, "id");
    if (json_is_integer(id)) {
      json_int_t n = json_integer_value(id);
      if (n >= REPLAY_ID_BASE) { /* a reply to our replay */
        json_decref(j);
        if (c->replay_left > 0 && --c->replay_left == 0) release(c);
        return 1;
      }
      char k[32];
      snprintf(k, sizeof k, "%lld", (long long)n);
      json_object_del(c->inflight, k);
      json_t *res = json_object_get(j, "result");
      if (res) note_reply(c, n, res);
    }
    const char *method = json_string_value(json_object_get(j, "method"));
    if (method && !strcmp(method, "Runtime.executionContextDestroyed")) {
      /* The app is exiting.  Leave it, so that one started with
       * --inspect-wait does not wait for us to disconnect; the client stays
       * with the bridge until the next process. */
      json_decref(j);
      to_client(c, msg, len);
      snprintf(c->left_url, sizeof c->left_url, "%s", c->up_url);
      c->up = NULL;
      dr_cdp_close(up);
      note("target is exiting (session %d)", c->id);
      tell_client_gone(c, 1);
      return 1;
    }
    json_decref(j);
  }
  to_client(c, msg, len);
  return 1;
}

/* The target is gone (or leaving): fail what was in flight and tell the
 * client the context is gone.  `destroyed_sent`: the target already sent
 * Runtime.executionContextDestroyed itself. */
static void tell_client_gone(client_t *c, int destroyed_sent) {
  if (c->closed) return;
  const char *k;
  json_t *v;
  json_object_foreach(c->inflight, k, v) {
    to_client_json(c, json_pack("{s:I, s:{s:i, s:s}}", "id", (json_int_t)atoll(k), "error", "code",
                                -32000, "message", "the target restarted"));
  }
  json_object_clear(c->inflight);
  to_client_json(c, json_pack("{s:s, s:{}}", "method", "Debugger.resumed", "params"));
  if (!destroyed_sent)
    to_client_json(c, json_pack("{s:s, s:{s:i}}", "method", "Runtime.executionContextDestroyed",
                                "params", "executionContextId", 1));
  to_client_json(c,
                 json_pack("{s:s, s:{}}", "method", "Runtime.executionContextsCleared", "params"));
}

static void up_closed(dr_cdp_t *up, int status, void *data) {
  client_t *c = data;
  if (c->up != up) return;
  c->up = NULL;
  dr_cdp_close(up); /* frees it once this callback returns */
  note("target went away (session %d)", c->id);
  tell_client_gone(c, 0);
}

static int connect_up(client_t *c) {
  char err[256], *url = NULL;
  dr_cdp_options_t o = {.connect_timeout_ms = 2000};
  dr_cdp_t *up;
  if (dr_cdp_discover(B.target, 500, &url, err, sizeof err) < 0) return -1;
  if (!strcmp(url, c->left_url)) { /* still the process that is exiting */
    free(url);
    return -1;
  }
  int r = dr_cdp_open(&up, url, &o, err, sizeof err);
  free(url);
  if (r < 0) return -1;
  c->up = up;
  snprintf(c->up_url, sizeof c->up_url, "%s", dr_cdp_url(up));
  dr_cdp_set_raw_cb(up, up_raw, c);
  dr_cdp_set_close_cb(up, up_closed, c);
  dr_cdp_uv_start(up, B.loop);
  note("session %d attached to %s", c->id, c->up_url);
  adopt_target_info();
  /* replay the recorded state, then release the target */
  size_t i;
  json_t *v;
  c->replay_left = 0;
  json_array_foreach(c->state, i, v) {
    json_t *m = json_pack("{s:i, s:O, s:O}", "id", REPLAY_ID_BASE + c->replay_seq++, "method",
                          json_object_get(v, "method"), "params", json_object_get(v, "params"));
    char *s = json_dumps(m, JSON_COMPACT);
    json_decref(m);
    dr_cdp_send_raw(up, s, strlen(s));
    free(s);
    c->replay_left++;
  }
  if (c->replay_left == 0) {
    /* first attach: the client drives the target itself */
    size_t k;
    json_array_foreach(c->queued, k, v) send_up(c, json_string_value(v), json_string_length(v));
    json_array_clear(c->queued);
  }
  return 0;
}

static client_t *client_find(int id) {
  for (client_t *c = B.clients; c; c = c->next)
    if (c->id == id) return c;
  return NULL;
}

static void client_free(client_t *c) {
  c->closed = 1;
  if (c->up) {
    dr_cdp_t *up = c->up;
    c->up = NULL;
    dr_cdp_close(up);
  }
  json_decref(c->state);
  json_decref(c->queued);
  json_decref(c->inflight);
  free(c);
}

static void on_event(ev_t *e) {
  client_t *c = client_find(e->session);
  switch (e->kind) {
    case EV_OPEN:
      c = dr_calloc(1, sizeof *c);
      c->id = e->session;
      c->state = json_array();
      c->queued = json_array();
      c->inflight = json_object();
      c->next = B.clients;
      B.clients = c;
      fprintf(stderr, "Debugger attached.\n");
      connect_up(c);
      break;
    case EV_MSG:
      if (!c) break;
      if (c->up && c->replay_left == 0)
        send_up(c, e->msg, e->len);
      else
        json_array_append_new(c->queued, json_stringn(e->msg, e->len));
      break;
    case EV_CLOSE:
      if (!c) break;
      for (client_t **pp = &B.clients; *pp; pp = &(*pp)->next)
        if (*pp == c) {
          *pp = c->next;
          break;
        }
      client_free(c);
      break;
  }
}

static void on_async(uv_async_t *h) {
  for (;;) {
    pthread_mutex_lock(&B.mu);
    ev_t *e = B.head;
    B.head = B.tail = NULL;
    pthread_mutex_unlock(&B.mu);
    if (!e) break;
    while (e) {
      ev_t *n = e->next;
      on_event(e);
      free(e);
      e = n;
    }
  }
}

/* Every 100 ms: reattach clients whose target went away; with no client,
 * release each new target process so that it does not wait for nobody. */
static void on_poll(uv_timer_t *t) {
  if (B.clients) {
    for (client_t *c = B.clients; c; c = c->next)
      if (!c->up) connect_up(c);
    return;
  }
  char *url = NULL;
  if (dr_cdp_discover(B.target, 500, &url, NULL, 0) < 0) return;
  if (strcmp(url, B.released)) {
    dr_cdp_t *up;
    dr_cdp_options_t o = {.connect_timeout_ms = 2000};
    if (dr_cdp_open(&up, url, &o, NULL, 0) == 0) {
      json_t *res = NULL;
      dr_cdp_call(up, "Runtime.runIfWaitingForDebugger", NULL, &res, 2000);
      json_decref(res);
      dr_cdp_close(up);
      snprintf(B.released, sizeof B.released, "%s", url);
      note("released %s", url);
      adopt_target_info();
    }
  }
  free(url);
}

static void on_signal(uv_signal_t *h, int sig) {
  uv_timer_stop(&B.poll);
  uv_signal_stop(&B.sigint);
  uv_signal_stop(&B.sigterm);
  while (B.clients) {
    client_t *c = B.clients;
    B.clients = c->next;
    client_free(c);
  }
  insp_server_stop(B.server);
  B.server = NULL;
  uv_close((uv_handle_t *)&B.async, NULL);
  uv_close((uv_handle_t *)&B.poll, NULL);
  uv_close((uv_handle_t *)&B.sigint, NULL);
  uv_close((uv_handle_t *)&B.sigterm, NULL);
}

/* ---- list ----------------------------------------------------------------- */

/* Shows the current app's title and url in the bridge's /json/list (so that
 * chrome://inspect names the script), keeping the bridge's own id. */
static void adopt_target_info(void) {
  char host[256] = "127.0.0.1", err[256];
  int port = 0;
  if (insp_parse_hostport(B.target, host, sizeof host, &port) < 0 || !port) return;
  dr_buf_t body;
  dr_buf_init(&body, 0);
  if (http_get(host, port, "/json/list", &body, err, sizeof err) == 0) {
    json_t *list = json_loadb(body.buf ? body.buf : "", body.len, 0, NULL);
    json_t *t = json_array_get(list, 0);
    const char *title = json_string_value(json_object_get(t, "title"));
    const char *url = json_string_value(json_object_get(t, "url"));
    if (title || url) insp_server_set_target(B.server, title, url);
    json_decref(list);
  }
  dr_buf_release(&body);
}

static int http_get(const char *host, int port, const char *path, dr_buf_t *body, char *err,
                    size_t errlen) {
  struct addrinfo hints = {0}, *ai;
  char ports[16];
  snprintf(ports, sizeof ports, "%d", port);
  hints.ai_socktype = SOCK_STREAM;
  int r = getaddrinfo(host, ports, &hints, &ai);
  if (r) {
    snprintf(err, errlen, "cannot resolve %s: %s", host, gai_strerror(r));
    return DR_EIO;
  }
  int fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0 || connect(fd, ai->ai_addr, ai->ai_addrlen) < 0) {
    int e = errno;
    freeaddrinfo(ai);
    if (fd >= 0) close(fd);
    snprintf(err, errlen, "cannot connect to %s:%d: %s", host, port, strerror(e));
    return -e;
  }
  freeaddrinfo(ai);
  struct timeval tv = {5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  dr_buf_t req;
  dr_buf_init(&req, 0);
  dr_buf_addf(&req, "GET %s HTTP/1.1\r\nHost: %s:%d\r\nConnection: close\r\n\r\n", path,
              strchr(host, ':') ? "[::1]" : host, port);
  if (write(fd, req.buf, req.len) != (ssize_t)req.len) {
    dr_buf_release(&req);
    close(fd);
    snprintf(err, errlen, "cannot send to %s:%d", host, port);
    return DR_EIO;
  }
  dr_buf_release(&req);
  dr_buf_t all;
  dr_buf_init(&all, 0);
  char buf[65536];
  ssize_t n;
  /* read to EOF, or to the end of Content-Length (Node keeps the
   * connection open after its reply) */
  while ((n = read(fd, buf, sizeof buf)) > 0) {
    dr_buf_add(&all, buf, (size_t)n);
    dr_buf_addch(&all, 0);
    all.len--;
    const char *hdr_end = strstr(all.buf, "\r\n\r\n");
    if (!hdr_end) continue;
    const char *cl = strcasestr(all.buf, "\r\ncontent-length:");
    if (cl && cl < hdr_end) {
      size_t want = (size_t)strtoul(cl + 17, NULL, 10);
      if (all.len - (size_t)(hdr_end + 4 - all.buf) >= want) break;
    }
  }
  close(fd);
  const char *sep = all.buf ? strstr(all.buf, "\r\n\r\n") : NULL;
  if (!sep || strncmp(all.buf, "HTTP/1.", 7) || atoi(all.buf + 9) != 200) {
    snprintf(err, errlen, "%s:%d did not answer GET %s with 200", host, port, path);
    dr_buf_release(&all);
    return DR_EPROTO;
  }
  dr_buf_add(body, sep + 4, all.len - (size_t)(sep + 4 - all.buf));
  dr_buf_release(&all);
  return 0;
}

static int cmd_list(const char *hostport) {
  char host[256] = "127.0.0.1", err[512];
  int port = 9229;
  if (hostport && insp_parse_hostport(hostport, host, sizeof host, &port) < 0) {
    dr_error("bad address '%s' (expected [host:]port)", hostport);
    return 2;
  }
  dr_buf_t body;
  dr_buf_init(&body, 0);
  if (http_get(host, port, "/json/list", &body, err, sizeof err) < 0) {
    dr_error("%s", err);
    dr_buf_release(&body);
    return 1;
  }
  json_error_t je;
  json_t *list = json_loadb(body.buf ? body.buf : "", body.len, 0, &je);
  dr_buf_release(&body);
  if (!json_is_array(list)) {
    dr_error("%s:%d: /json/list is not a JSON array", host, port);
    json_decref(list);
    return 1;
  }
  size_t i;
  json_t *t;
  json_array_foreach(list, i, t) {
#define F(k) \
  (json_string_value(json_object_get(t, k)) ? json_string_value(json_object_get(t, k)) : "")
    printf("%s  %s  %s\n  url: %s\n  ws:  %s\n", F("id"), F("type"), F("title"), F("url"),
           F("webSocketDebuggerUrl"));
#undef F
  }
  if (!json_array_size(list)) printf("(no targets)\n");
  json_decref(list);
  return 0;
}

/* ---- main ----------------------------------------------------------------- */

static const char usage[] =
    "Usage: devrun-inspect [options] --target-port PORT\n"
    "       devrun-inspect list [host:port]\n"
    "\n"
    "A stable Chrome DevTools Protocol endpoint in front of an app that restarts.\n"
    "Clients (Chrome DevTools, VS Code, node inspect) attach to the bridge; it\n"
    "proxies to whichever process listens on the target port, and when that\n"
    "process is replaced it replays the client's enable calls and breakpoints\n"
    "on the new one before letting it run.  Start the app with\n"
    "--inspect-wait=PORT so that it waits for the bridge.\n"
    "\n"
    "Options:\n"
    "  --host HOST          address to listen on (default 127.0.0.1)\n"
    "  --port PORT          port to listen on (default 9229, 0 picks one)\n"
    "  --target-port PORT   the app's inspector port (required)\n"
    "  --target-host HOST   the app's inspector host (default 127.0.0.1)\n"
    "  --id UUID            target id to publish (default: random)\n"
    "  --verbose            log attaches and restarts on stderr\n"
    "  -h, --help           print this help and exit\n"
    "  -v, --version        print the version and exit\n"
    "\n"
    "Commands:\n"
    "  list [host:port]     print the targets of any inspector endpoint\n"
    "                       (default 127.0.0.1:9229)\n"
    "\n"
    "Examples:\n"
    "  devrun-inspect --port 9229 --target-port 9230 &\n"
    "  devrun-js --inspect-wait=9230 app.js\n"
    "  devrun-inspect list 127.0.0.1:9229\n"
    "\n"
    "Documentation: docs/debugging.md\n";

int main(int argc, char **argv) {
  dr_set_progname("devrun-inspect");
  signal(SIGPIPE, SIG_IGN);
  enum { O_HOST = 256, O_PORT, O_TPORT, O_THOST, O_ID, O_VERBOSE };
  static const struct option opts[] = {{"host", required_argument, NULL, O_HOST},
                                       {"port", required_argument, NULL, O_PORT},
                                       {"target-port", required_argument, NULL, O_TPORT},
                                       {"target-host", required_argument, NULL, O_THOST},
                                       {"id", required_argument, NULL, O_ID},
                                       {"verbose", no_argument, NULL, O_VERBOSE},
                                       {"help", no_argument, NULL, 'h'},
                                       {"version", no_argument, NULL, 'v'},
                                       {NULL, 0, NULL, 0}};
  char host[64] = "127.0.0.1", thost[64] = "127.0.0.1", id[64] = "";
  int port = 9229, tport = -1, c;
  char *end;
  while ((c = getopt_long(argc, argv, "+hv", opts, NULL)) != -1) {
    switch (c) {
      case O_HOST:
        snprintf(host, sizeof host, "%s", optarg);
        break;
      case O_THOST:
        snprintf(thost, sizeof thost, "%s", optarg);
        break;
      case O_PORT:
      case O_TPORT: {
        long v = strtol(optarg, &end, 10);
        if (*end || !*optarg || v < 0 || v > 65535 || (c == O_TPORT && v == 0)) {
          dr_error("bad port '%s'", optarg);
          return 2;
        }
        if (c == O_PORT)
          port = (int)v;
        else
          tport = (int)v;
        break;
      }
      case O_ID:
        if (strlen(optarg) >= sizeof id ||
            strspn(optarg, "0123456789abcdefABCDEF-") != strlen(optarg)) {
          dr_error("bad id '%s' (hex digits and '-')", optarg);
          return 2;
        }
        snprintf(id, sizeof id, "%s", optarg);
        break;
      case O_VERBOSE:
        B.verbose++;
        break;
      case 'h':
        fputs(usage, stdout);
        return 0;
      case 'v':
        printf("devrun-inspect %s\n", DEVRUN_VERSION);
        return 0;
      default:
        fprintf(stderr, "Try 'devrun-inspect --help'.\n");
        return 2;
    }
  }
  if (optind < argc && !strcmp(argv[optind], "list")) {
    if (argc - optind > 2) {
      dr_error("list takes at most one address");
      return 2;
    }
    return cmd_list(optind + 1 < argc ? argv[optind + 1] : NULL);
  }
  if (optind < argc) {
    dr_error("unknown command '%s'", argv[optind]);
    return 2;
  }
  if (tport < 0) {
    dr_error("--target-port is required (see --help)");
    return 2;
  }
  insp_format_hostport(B.target, sizeof B.target, thost, tport);
  if (!id[0] && insp_uuid(id) < 0) {
    dr_error("cannot read random bytes");
    return 1;
  }
  char title[400], browser[64];
  snprintf(title, sizeof title, "devrun-inspect (%s)", B.target);
  snprintf(browser, sizeof browser, "node.js/v20.20.2-devrun.%s", DEVRUN_VERSION);
  insp_server_options_t so = {.host = host,
                              .port = port,
                              .target = {.id = id, .title = title, .url = "", .browser = browser},
                              .http_discovery = true};
  insp_server_cbs_t cbs = {srv_open, srv_message, srv_close, NULL};
  char err[256];
  B.loop = uv_default_loop();
  uv_async_init(B.loop, &B.async, on_async);
  if (insp_server_start(&B.server, &so, &cbs, err, sizeof err) < 0) {
    dr_error("cannot listen on %s:%d: %s", host, port, err);
    return 1;
  }
  char hp[128];
  insp_format_hostport(hp, sizeof hp, insp_server_host(B.server), insp_server_port(B.server));
  if (!insp_host_is_loopback(insp_server_host(B.server)))
    fprintf(stderr, "Warning: the bridge listens on a non-loopback address (%s).\n", host);
  fprintf(stderr, "Debugger listening on ws://%s/%s\nFor help, see: %s\n", hp, id,
          "https://nodejs.org/en/docs/inspector");
  fprintf(stderr, "devrun-inspect: forwarding to %s\n", B.target);
  if (getenv("DEVRUN_INSPECT_TRACE")) B.verbose = 2;
  fflush(stderr);
  uv_timer_init(B.loop, &B.poll);
  uv_timer_start(&B.poll, on_poll, 0, 100);
  uv_signal_init(B.loop, &B.sigint);
  uv_signal_init(B.loop, &B.sigterm);
  uv_signal_start(&B.sigint, on_signal, SIGINT);
  uv_signal_start(&B.sigterm, on_signal, SIGTERM);
  uv_run(B.loop, UV_RUN_DEFAULT);
  uv_loop_close(B.loop);
  return 0;
}
