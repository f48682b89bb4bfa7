/* insp_agent.c — devrun-js's inspector agent: the JS-thread side of
 * `--inspect`, between the I/O thread (insp_server.c) and V8's inspector
 * (runtime/engine/engine_inspector.h).
 *
 * Messages from clients arrive on the I/O thread and go into one locked
 * queue (`q`).  When the queue goes from empty to non-empty the JS thread
 * is woken three ways, as Node does: rt_request_interrupt() (JavaScript is
 * running), a uv_async_t on the main loop (idle in the event loop), and a
 * condition variable (paused at a breakpoint, or waiting for a debugger or
 * for the last client to leave — the loops below wait on it).  drain()
 * dispatches the queue on the JS thread; `busy` stops an interrupt or the
 * async from dispatching inside a dispatch.
 *
 * Messages for V8's domains go to V8; the few Node-only methods clients send
 * without waiting (NodeWorker.enable, NodeRuntime.enable, Target.*) answer
 * {}; anything else gets a CDP "method not found" error.
 *
 * Life: insp_agent_boot() (main.c, before the main entry) starts the server
 * for --inspect* and arms SIGUSR1; insp_agent_main_hook() (the loaders,
 * right before the main module's code) waits for a debugger and schedules
 * "Break on start"; an atexit handler tells clients the context is gone,
 * waits for them to leave when --inspect-brk/--inspect-wait asked for it
 * ("Waiting for the debugger to disconnect..."), writes --cpu-prof /
 * --heap-prof profiles, and stops the server.
 */
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "devrun/buf.h"
#include "devrun/err.h"
#include "devrun/util.h"
#include "engine_inspector.h"
#include "insp.h"
#include "insp_agent.h"
#include "runtime.h"

void rt_pump_platform(void); /* engine_internal.hh (extern "C") */

typedef struct item_s {
  struct item_s *next;
  enum { IT_OPEN, IT_MSG, IT_CLOSE } kind;
  int session;
  size_t len;
  char msg[];
} item_t;

typedef struct remote_s {
  struct remote_s *next;
  int id;
  rt_insp_session *s;
  bool notify_disconnect; /* NodeRuntime.notifyWhenWaitingForDisconnect */
} remote_t;

struct insp_local_s {
  rt_insp_session *s;
  void (*on_message)(void *, const char *, size_t);
  void *data;
};

typedef struct timer_s {
  struct timer_s *next;
  uv_timer_t h;
  void (*fn)(void *);
  void *data;
} timer_t_;

static struct {
  insp_agent_config_t cfg;
  char script[PATH_MAX];
  insp_server_t *server;
  char id[37];
  char ws_url[400];
  /* queue from the I/O thread */
  pthread_mutex_t mu;
  pthread_cond_t cv;
  item_t *head, *tail;
  /* JS thread */
  uv_async_t async;
  bool async_init;
  int busy;
  bool paused, quit_pause;
  bool waiting;  /* for Runtime.runIfWaitingForDebugger */
  bool released; /* a client sent it already (maybe before the main hook) */
  remote_t *remotes;
  rt_ref *vm_console;
  bool console_wrapped;
  bool main_hook_done;
  timer_t_ *timers;
  /* SIGUSR1 */
  sem_t usr1;
  bool usr1_armed;
  /* profiles */
  insp_local_t *prof;
  json_t *prof_result;
} A = {.mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER};

static void drain(void);
static void ensure_inspector(void);

/* ---- the queue (I/O thread -> JS thread) -------------------------------- */

static void wake_interrupt(void *data) {
  (void)data;
  if (A.busy) return;
  drain();
}

static void push(int kind, int session, const char *msg, size_t len) {
  item_t *it = dr_malloc(sizeof *it + len + 1);
  it->next = NULL;
  it->kind = kind;
  it->session = session;
  it->len = len;
  if (len) memcpy(it->msg, msg, len);
  it->msg[len] = 0;
  pthread_mutex_lock(&A.mu);
  bool was_empty = A.head == NULL;
  if (A.tail)
    A.tail->next = it;
  else
    A.head = it;
  A.tail = it;
  pthread_cond_broadcast(&A.cv);
  pthread_mutex_unlock(&A.mu);
  if (was_empty) {
    if (A.async_init) uv_async_send(&A.async);
    rt_request_interrupt(wake_interrupt, NULL);
  }
}

static item_t *take_all(void) {
  pthread_mutex_lock(&A.mu);
  item_t *h = A.head;
  A.head = A.tail = NULL;
  pthread_mutex_unlock(&A.mu);
  return h;
}

/* Waits up to ms for the queue to be non-empty. */
static void wait_queue(int ms) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  ts.tv_nsec += (long)ms * 1000000L;
  ts.tv_sec += ts.tv_nsec / 1000000000L;
  ts.tv_nsec %= 1000000000L;
  pthread_mutex_lock(&A.mu);
  if (!A.head) pthread_cond_timedwait(&A.cv, &A.mu, &ts);
  pthread_mutex_unlock(&A.mu);
}

/* ---- server callbacks (I/O thread) -------------------------------------- */

static int on_open(insp_server_t *s, int session, void *data) {
  fputs("Debugger attached.\n", stderr);
  fflush(stderr);
  push(IT_OPEN, session, NULL, 0);
  return 0;
}

static void on_message(insp_server_t *s, int session, const char *msg, size_t len, void *data) {
  push(IT_MSG, session, msg, len);
}

static void on_close(insp_server_t *s, int session, void *data) {
  push(IT_CLOSE, session, NULL, 0);
}

/* ---- sessions (JS thread) ------------------------------------------------ */

static void remote_send(void *data, const char *msg, size_t len) {
  remote_t *r = data;
  if (A.server) insp_server_send(A.server, r->id, msg, len);
}

static remote_t *remote_find(int id) {
  for (remote_t *r = A.remotes; r; r = r->next)
    if (r->id == id) return r;
  return NULL;
}

/* Methods Node's own agents serve that clients send and expect to succeed. */
static const char *const stub_methods[] = {
    "NodeWorker.enable",
    "NodeWorker.disable",
    "NodeRuntime.enable",
    "NodeRuntime.disable",
    "NodeRuntime.notifyWhenWaitingForDisconnect",
    "Target.setAutoAttach",
    "Target.setDiscoverTargets",
    "NodeTracing.getCategories",
    "Network.enable",
    "Network.disable",
};

/* Answers a message V8 does not serve; returns true when it did. */
static bool answer_non_v8(const char *msg, size_t len, void (*send)(void *, const char *, size_t),
                          void *data) {
  json_error_t e;
  json_t *j = json_loadb(msg, len, 0, &e);
  if (!j) return false; /* V8 reports parse errors itself */
  const char *method = json_string_value(json_object_get(j, "method"));
  json_t *id = json_object_get(j, "id");
  bool handled = false;
  if (method && json_is_integer(id) && !rt_insp_can_dispatch(method)) {
    json_t *r = json_object();
    json_object_set(r, "id", id);
    bool stub = false;
    for (size_t i = 0; i < sizeof stub_methods / sizeof *stub_methods; i++)
      if (!strcmp(method, stub_methods[i])) stub = true;
    if (stub) {
      json_t *res = json_object();
      if (!strcmp(method, "NodeTracing.getCategories"))
        json_object_set_new(res, "categories", json_array());
      json_object_set_new(r, "result", res);
    } else {
      char m[300];
      snprintf(m, sizeof m, "'%s' wasn't found", method);
      json_t *err = json_object();
      json_object_set_new(err, "code", json_integer(-32601));
      json_object_set_new(err, "message", json_string(m));
      json_object_set_new(r, "error", err);
    }
    char *out = json_dumps(r, JSON_COMPACT);
    json_decref(r);
    send(data, out, strlen(out));
    free(out);
    handled = true;
  }
  json_decref(j);
  return handled;
}

static void dispatch_item(item_t *it) {
  switch (it->kind) {
    case IT_OPEN: {
      ensure_inspector();
      remote_t *r = dr_calloc(1, sizeof *r);
      r->id = it->session;
      r->s = rt_insp_connect(remote_send, r);
      r->next = A.remotes;
      A.remotes = r;
      break;
    }
    case IT_MSG: {
      remote_t *r = remote_find(it->session);
      if (!r) break;
      if (strstr(it->msg, "NodeRuntime.notifyWhenWaitingForDisconnect")) {
        json_t *j = json_loadb(it->msg, it->len, 0, NULL);
        const char *m = json_string_value(json_object_get(j, "method"));
        if (m && !strcmp(m, "NodeRuntime.notifyWhenWaitingForDisconnect"))
          r->notify_disconnect =
              json_is_true(json_object_get(json_object_get(j, "params"), "enabled"));
        json_decref(j);
      }
      if (!answer_non_v8(it->msg, it->len, remote_send, r))
        rt_insp_dispatch(r->s, it->msg, it->len);
      break;
    }
    case IT_CLOSE:
      for (remote_t **pp = &A.remotes; *pp; pp = &(*pp)->next)
        if ((*pp)->id == it->session) {
          remote_t *r = *pp;
          *pp = r->next;
          rt_insp_disconnect(r->s);
          free(r);
          break;
        }
      break;
  }
}

static void drain(void) {
  int saved = A.busy;
  A.busy = 1;
  for (;;) {
    item_t *it = take_all();
    if (!it) break;
    while (it) {
      item_t *next = it->next;
      dispatch_item(it);
      free(it);
      it = next;
    }
  }
  A.busy = saved;
}

static void on_async(uv_async_t *h) {
  if (A.busy) return;
  rt_scope *s = rt_scope_open();
  drain();
  rt_scope_close(s);
  rt_tick();
}

/* ---- the V8 client's hooks ---------------------------------------------- */

static void pause_loop(void) {
  int saved = A.busy;
  A.busy = 1;
  A.paused = true;
  A.quit_pause = false;
  while (!A.quit_pause) {
    drain();
    if (A.quit_pause) break;
    if (!A.remotes && !A.server) break; /* nobody can resume us */
    rt_pump_platform();
    wait_queue(50);
  }
  A.paused = false;
  A.busy = saved;
}

static void quit_pause(void) {
  A.quit_pause = true;
}
static void run_if_waiting(void) {
  A.waiting = false;
  A.released = true;
}

static void timer_cb(uv_timer_t *h) {
  timer_t_ *t = h->data;
  t->fn(t->data);
}

static void start_timer(double seconds, void (*fn)(void *), void *data) {
  timer_t_ *t = dr_calloc(1, sizeof *t);
  t->fn = fn;
  t->data = data;
  uv_timer_init(rt_env_current->loop, &t->h);
  t->h.data = t;
  uint64_t ms = (uint64_t)(seconds * 1000);
  if (!ms) ms = 1;
  uv_timer_start(&t->h, timer_cb, ms, ms);
  uv_unref((uv_handle_t *)&t->h);
  t->next = A.timers;
  A.timers = t;
}

static void free_timer(uv_handle_t *h) {
  free(h->data);
}

static void cancel_timer(void *data) {
  for (timer_t_ **pp = &A.timers; *pp; pp = &(*pp)->next)
    if ((*pp)->data == data) {
      timer_t_ *t = *pp;
      *pp = t->next;
      uv_timer_stop(&t->h);
      uv_close((uv_handle_t *)&t->h, free_timer);
      return;
    }
}

static void ensure_inspector(void) {
  if (rt_insp_created()) return;
  rt_insp_client c = {pause_loop, quit_pause, run_if_waiting, start_timer, cancel_timer};
  char name[PATH_MAX + 32];
  snprintf(name, sizeof name, "devrun-js[%d]", (int)getpid());
  rt_insp_create(&c, name);
}

bool insp_agent_console_enabled(void) {
  return rt_insp_created();
}

rt_val insp_agent_vm_console(void) {
  ensure_inspector(); /* so that its methods reach a client */
  return A.vm_console ? rt_ref_get(A.vm_console) : NULL;
}

/* ---- the server ---------------------------------------------------------- */

static void file_url(char *out, size_t cap, const char *path) {
  dr_buf_t b;
  dr_buf_init(&b, 0);
  dr_buf_adds(&b, "file://");
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
        strchr("/-._~!$&'()*+,;=:@", *p))
      dr_buf_addch(&b, *p);
    else
      dr_buf_addf(&b, "%%%02X", *p);
  }
  snprintf(out, cap, "%s", b.buf);
  dr_buf_release(&b);
}

static int start_server(const char *host, int port, char *err, size_t errlen) {
  if (A.server) return 0;
  if (!A.id[0] && insp_uuid(A.id) < 0) {
    snprintf(err, errlen, "cannot read random bytes");
    return DR_EIO;
  }
  char title[PATH_MAX + 32], url[PATH_MAX * 3 + 16], browser[128];
  if (A.script[0]) {
    snprintf(title, sizeof title, "%s", A.script);
    file_url(url, sizeof url, A.script);
  } else {
    snprintf(title, sizeof title, "devrun-js[%d]", (int)getpid());
    url[0] = 0;
  }
  snprintf(browser, sizeof browser, "node.js/v20.20.2-devrun.%s", DEVRUN_VERSION);
  insp_server_options_t o = {
      .host = host,
      .port = port,
      .target = {.id = A.id, .title = title, .url = url, .browser = browser},
      .http_discovery = A.cfg.publish_http || !A.cfg.publish_stderr,
  };
  insp_server_cbs_t cbs = {on_open, on_message, on_close, NULL};
  int r = insp_server_start(&A.server, &o, &cbs, err, errlen);
  if (r < 0) return r;
  char hp[128];
  insp_format_hostport(hp, sizeof hp, insp_server_host(A.server), insp_server_port(A.server));
  snprintf(A.ws_url, sizeof A.ws_url, "ws://%s/%s", hp, A.id);
  if (!insp_host_is_loopback(insp_server_host(A.server)))
    fprintf(stderr,
            "Warning: Binding inspector to a public IP with an open port is insecure,\n"
            "as it allows external hosts to connect.\n"
            "Please make sure the port is properly firewalled.\n");
  if (A.cfg.publish_stderr || !A.cfg.publish_http) {
    fprintf(stderr, "Debugger listening on %s\nFor help, see: %s\n", A.ws_url,
            "https://nodejs.org/en/docs/inspector");
    fflush(stderr);
  }
  return 0;
}

static void stop_server(void) {
  if (!A.server) return;
  insp_server_t *s = A.server;
  A.server = NULL;
  insp_server_stop(s);
  /* the sessions' CLOSE items are in the queue; dispatch them */
  drain();
  A.ws_url[0] = 0;
}

/* Dispatches until `*flag` becomes false (or nobody is connected and
 * stop_if_alone).  Used to wait for a debugger and for disconnects. */
static void serve_until(bool *flag, bool wait_for_disconnect) {
  int saved = A.busy;
  A.busy = 1;
  for (;;) {
    drain();
    if (wait_for_disconnect ? A.remotes == NULL : !*flag) break;
    if (!A.server) break;
    rt_pump_platform();
    wait_queue(50);
  }
  A.busy = saved;
}

bool insp_agent_wait_for_debugger(void) {
  if (!A.server) return false;
  ensure_inspector();
  A.waiting = true;
  serve_until(&A.waiting, false);
  return true;
}

int insp_agent_open(const char *host, int port, bool wait, char *err, size_t errlen) {
  ensure_inspector();
  int r =
      start_server(host && *host ? host : A.cfg.host, port >= 0 ? port : A.cfg.port, err, errlen);
  if (r < 0) return r;
  if (wait) insp_agent_wait_for_debugger();
  return 0;
}

void insp_agent_close(void) {
  if (!A.server) return;
  rt_scope *s = rt_scope_open();
  stop_server();
  rt_scope_close(s);
}

const char *insp_agent_url(void) {
  return A.server ? A.ws_url : NULL;
}

/* ---- in-process sessions -------------------------------------------------- */

static void local_send(void *data, const char *msg, size_t len) {
  insp_local_t *l = data;
  l->on_message(l->data, msg, len);
}

insp_local_t *insp_agent_session_connect(void (*on_message)(void *, const char *, size_t),
                                         void *data) {
  ensure_inspector();
  insp_local_t *l = dr_calloc(1, sizeof *l);
  l->on_message = on_message;
  l->data = data;
  l->s = rt_insp_connect(local_send, l);
  return l;
}

void insp_agent_session_dispatch(insp_local_t *l, const char *msg, size_t len) {
  if (!answer_non_v8(msg, len, local_send, l)) rt_insp_dispatch(l->s, msg, len);
}

void insp_agent_session_disconnect(insp_local_t *l) {
  if (!l) return;
  rt_insp_disconnect(l->s);
  free(l);
}

/* ---- the console: Node's wrapConsole ------------------------------------- */

typedef struct {
  rt_ref *vm_fn, *node_fn;
} console_pair;

static void console_call(rt_args *a) {
  console_pair *p = rt_data(a);
  int argc = rt_argc(a);
  rt_val *argv = dr_calloc((size_t)argc + 1, sizeof *argv);
  for (int i = 0; i < argc; i++) argv[i] = rt_arg(a, i);
  static bool in_call; /* Node's is_in_inspector_console_call guard */
  if (rt_insp_created() && A.vm_console && !in_call) {
    in_call = true;
    rt_val r = rt_call(rt_ref_get(p->vm_fn), rt_ref_get(A.vm_console), argc, argv);
    in_call = false;
    if (!r) goto out;
  }
  rt_val r = rt_call(rt_ref_get(p->node_fn), rt_this(a), argc, argv);
  if (r) rt_return(a, r);
out:
  free(argv);
}

static void wrap_console(void) {
  if (A.console_wrapped || !A.vm_console) return;
  A.console_wrapped = true;
  rt_val vm = rt_ref_get(A.vm_console);
  rt_val node = rt_get(rt_global(), "console");
  if (!node || !rt_is_object(node) || rt_strict_equals(node, vm)) return;
  rt_val keys = rt_keys(vm);
  uint32_t n = keys ? rt_array_length(keys) : 0;
  for (uint32_t i = 0; i < n; i++) {
    rt_val k = rt_get_i(keys, i);
    char *name = rt_to_utf8(k, NULL);
    if (!name) continue;
    rt_val vf = rt_get(vm, name);
    rt_val nf = rt_get(node, name);
    if (vf && rt_is_function(vf)) {
      if (nf && rt_is_function(nf)) {
        console_pair *p = dr_calloc(1, sizeof *p);
        p->vm_fn = rt_ref_new(vf);
        p->node_fn = rt_ref_new(nf);
        rt_set(node, name, rt_function(console_call, name, p));
      } else if (nf && rt_is_undefined(nf)) {
        rt_set(node, name, vf); /* console.profile, timeStamp, context */
      }
    }
    free(name);
  }
}

/* ---- boot, main hook, exit ---------------------------------------------- */

static void profile_reply(void *data, const char *msg, size_t len) {
  json_t *j = json_loadb(msg, len, 0, NULL);
  if (!j) return;
  json_t *res = json_object_get(j, "result");
  if (json_integer_value(json_object_get(j, "id")) >= 100 && res) {
    if (A.prof_result) json_decref(A.prof_result);
    A.prof_result = json_incref(res);
  }
  json_decref(j);
}

static void prof_call(int id, const char *method, const char *params) {
  char buf[256];
  snprintf(buf, sizeof buf, "{\"id\":%d,\"method\":\"%s\",\"params\":%s}", id, method,
           params ? params : "{}");
  rt_insp_dispatch(A.prof->s, buf, strlen(buf));
}

/* Node's file names: CPU.20240101.120000.<pid>.0.001.cpuprofile */
static void write_profile(const char *kind, const char *ext, const char *dir) {
  if (!A.prof_result) return;
  json_t *p = json_object_get(A.prof_result, "profile");
  if (!p) return;
  time_t now = time(NULL);
  struct tm tm;
  localtime_r(&now, &tm);
  static int seq;
  char path[PATH_MAX];
  if (!dir || !*dir) dir = ".";
  mkdir(dir, 0777); /* as Node, the directory is created (one level) */
  snprintf(path, sizeof path, "%s/%s.%04d%02d%02d.%02d%02d%02d.%d.0.%03d.%s", dir, kind,
           tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
           (int)getpid(), ++seq, ext);
  if (json_dump_file(p, path, JSON_COMPACT) < 0)
    fprintf(stderr, "devrun-js: cannot write '%s': %s\n", path, strerror(errno));
  json_decref(A.prof_result);
  A.prof_result = NULL;
}

static void at_exit(void) {
  if (!rt_insp_created()) return;
  rt_scope *s = rt_scope_open();
  if (A.prof) {
    if (A.cfg.cpu_prof) {
      prof_call(100, "Profiler.stop", NULL);
      write_profile("CPU", "cpuprofile", A.cfg.cpu_prof_dir);
    }
    if (A.cfg.heap_prof) {
      prof_call(101, "HeapProfiler.stopSampling", NULL);
      write_profile("Heap", "heapprofile", NULL);
    }
    insp_agent_session_disconnect(A.prof);
    A.prof = NULL;
  }
  if (A.server) {
    drain();
    if (A.remotes && A.cfg.wait != INSP_WAIT_NONE) {
      fputs("Waiting for the debugger to disconnect...\n", stderr);
      fflush(stderr);
      /* as Node: sessions that asked are told NodeRuntime.waitingForDisconnect
       * instead of the context going away */
      bool notified = false;
      static const char ev[] = "{\"method\":\"NodeRuntime.waitingForDisconnect\",\"params\":{}}";
      for (remote_t *r = A.remotes; r; r = r->next)
        if (r->notify_disconnect) {
          remote_send(r, ev, sizeof ev - 1);
          notified = true;
        }
      if (!notified) rt_insp_context_destroyed();
      serve_until(NULL, true);
    } else {
      rt_insp_context_destroyed();
    }
    stop_server();
  }
  rt_scope_close(s);
}

static void on_usr1(int sig) {
  (void)sig;
  sem_post(&A.usr1);
}

static void usr1_interrupt(void *data) {
  if (A.busy) return;
  ensure_inspector();
  drain();
}

static void *usr1_thread(void *arg) {
  for (;;) {
    while (sem_wait(&A.usr1) < 0 && errno == EINTR) {
    }
    if (A.server) continue;
    char err[256];
    int r = start_server(A.cfg.host, A.cfg.port, err, sizeof err);
    if (r < 0) {
      fprintf(stderr, "Starting inspector on %s:%d failed: %s\n", A.cfg.host, A.cfg.port, err);
      continue;
    }
    rt_request_interrupt(usr1_interrupt, NULL);
    if (A.async_init) uv_async_send(&A.async);
  }
  return NULL;
}

static void arm_usr1(void) {
  if (A.usr1_armed) return;
  A.usr1_armed = true;
  sem_init(&A.usr1, 0, 0);
  pthread_t t;
  pthread_attr_t at;
  pthread_attr_init(&at);
  pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &old); /* the thread inherits a full mask */
  pthread_create(&t, &at, usr1_thread, NULL);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  pthread_attr_destroy(&at);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_usr1;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGUSR1, &sa, NULL);
}

/* process._inspectorRunMain(fn, thisArg, ...args): the loaders call the main
 * module's code through it.  fn is called from here, so that after "Break on
 * start" is scheduled the next function V8 enters is the main module. */
static void run_main_fn(rt_args *a) {
  insp_agent_main_hook();
  rt_val fn = rt_arg(a, 0);
  if (!rt_is_function(fn)) return;
  int argc = rt_argc(a) > 2 ? rt_argc(a) - 2 : 0;
  rt_val *argv = dr_calloc((size_t)argc + 1, sizeof *argv);
  for (int i = 0; i < argc; i++) argv[i] = rt_arg(a, i + 2);
  rt_val r = rt_call(fn, rt_arg(a, 1), argc, argv);
  free(argv);
  if (r) rt_return(a, r);
}

int insp_agent_boot(const insp_agent_config_t *cfg, const char *script_path) {
  A.cfg = *cfg;
  if (!A.cfg.host[0]) snprintf(A.cfg.host, sizeof A.cfg.host, "127.0.0.1");
  if (script_path) {
    char *rp = realpath(script_path, NULL);
    snprintf(A.script, sizeof A.script, "%s", rp ? rp : script_path);
    free(rp);
  }
  /* V8's own console, before the bootstrap replaces it */
  rt_val vm = rt_get(rt_global(), "console");
  if (vm && rt_is_object(vm)) A.vm_console = rt_ref_new(vm);
  rt_define_hidden(rt_ref_get(rt_env_current->process), "_inspectorRunMain",
                   rt_function(run_main_fn, "_inspectorRunMain", NULL));
  uv_async_init(rt_env_current->loop, &A.async, on_async);
  uv_unref((uv_handle_t *)&A.async);
  A.async_init = true;
  atexit(at_exit);
  arm_usr1();
  if (A.cfg.cpu_prof || A.cfg.heap_prof) {
    A.prof = insp_agent_session_connect(profile_reply, NULL);
    if (A.cfg.cpu_prof) {
      prof_call(1, "Profiler.enable", NULL);
      prof_call(2, "Profiler.start", NULL);
    }
    if (A.cfg.heap_prof) {
      prof_call(3, "HeapProfiler.enable", NULL);
      prof_call(4, "HeapProfiler.startSampling", "{\"samplingInterval\":524288}");
    }
  }
  if (A.cfg.start) {
    char err[256];
    ensure_inspector();
    int r = start_server(A.cfg.host, A.cfg.port, err, sizeof err);
    if (r < 0) {
      fprintf(stderr, "Starting inspector on %s:%d failed: %s\n", A.cfg.host, A.cfg.port, err);
      return r;
    }
    /* -e, -p and stdin do not pass through the loaders' main-module hook:
     * wait for the debugger here (no "Break on start" pause for them) */
    if (!script_path && A.cfg.wait != INSP_WAIT_NONE) {
      drain();
      if (!A.released) insp_agent_wait_for_debugger();
    }
  }
  return 0;
}

void insp_agent_main_hook(void) {
  if (A.main_hook_done) return;
  A.main_hook_done = true;
  wrap_console();
  if (A.server && A.cfg.wait != INSP_WAIT_NONE) {
    /* a client may have said Runtime.runIfWaitingForDebugger while the
     * bootstrap ran (messages are dispatched as soon as they arrive) */
    drain();
    if (!A.released) insp_agent_wait_for_debugger();
    if (A.cfg.wait == INSP_WAIT_BREAK) rt_insp_pause_on_next_statement("Break on start");
  }
}
