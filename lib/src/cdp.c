/* cdp.c — a CDP session: request ids, pending replies, event subscriptions,
 * and dispatch on the caller's thread (see devrun/cdp.h for the model).
 *
 * The transport (ws_client.c) runs on its own thread and only ever calls
 * dr__cdp_enqueue()/dr__cdp_peer_closed(), which append to `inq` under `mu`
 * and make the wake pipe readable.  Everything else runs on the caller's
 * thread: dr_cdp_poll() pops messages one at a time (not holding `mu` while
 * a callback runs, so callbacks may send, call, subscribe or close).
 *
 * Invariants: a pending request's callback runs exactly once (reply, or
 * DR_ECANCELED at close); the close callback runs once; the struct is freed
 * only when no dispatch is on the stack (`depth` == 0).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cdp_int.h"
#include "devrun/err.h"
#include "devrun/util.h"

typedef struct msg_s {
  struct msg_s *next;
  size_t len;
  char data[];
} msg_t;

typedef struct pending_s {
  struct pending_s *next;
  int id;
  dr_cdp_result_cb cb;
  void *data;
} pending_t;

typedef struct sub_s {
  struct sub_s *next;
  int id;
  char *method;
  dr_cdp_event_cb cb;
  void *data;
} sub_t;

struct dr_cdp_s {
  pthread_mutex_t mu;
  msg_t *in_head, *in_tail; /* under mu */
  int peer_closed;          /* under mu */
  int wake_pending;         /* under mu */
  int wake[2];
  char why[256]; /* under mu: why the peer closed */

  dr__ws_t *ws;                 /* NULL for a detached session */
  msg_t *sent_head, *sent_tail; /* detached sessions record sends */
  int next_id, next_sub;
  pending_t *pending;
  sub_t *subs;
  dr_cdp_close_cb close_cb;
  void *close_data;
  dr_cdp_raw_cb raw_cb;
  void *raw_data;
  uv_poll_t *uvp;
  int depth;          /* dispatches on the stack */
  int free_requested; /* dr_cdp_close() called inside a dispatch */
  int closed;         /* close callback delivered */
  char *url;
  char err[512];
};

static void set_err(dr_cdp_t *c, const char *fmt, const char *a, const char *b) {
  snprintf(c->err, sizeof(c->err), fmt, a ? a : "", b ? b : "");
}

static dr_cdp_t *cdp_alloc(void) {
  dr_cdp_t *c = dr_calloc(1, sizeof(*c));
  pthread_mutex_init(&c->mu, NULL);
  if (pipe2(c->wake, O_CLOEXEC | O_NONBLOCK) < 0) dr_die("pipe: %s", strerror(errno));
  c->next_id = 1;
  c->next_sub = 1;
  return c;
}

dr_cdp_t *dr__cdp_new_detached(void) {
  dr_cdp_t *c = cdp_alloc();
  c->url = dr_strdup("detached:");
  return c;
}

static void wake(dr_cdp_t *c) {
  /* under mu */
  if (!c->wake_pending) {
    c->wake_pending = 1;
    (void)!write(c->wake[1], "x", 1);
  }
}

void dr__cdp_enqueue(dr_cdp_t *c, const char *data, size_t len) {
  msg_t *m = dr_malloc(sizeof(*m) + len + 1);
  m->next = NULL;
  m->len = len;
  memcpy(m->data, data, len);
  m->data[len] = '\0';
  pthread_mutex_lock(&c->mu);
  if (c->in_tail)
    c->in_tail->next = m;
  else
    c->in_head = m;
  c->in_tail = m;
  wake(c);
  pthread_mutex_unlock(&c->mu);
}

void dr__cdp_peer_closed(dr_cdp_t *c, const char *why) {
  pthread_mutex_lock(&c->mu);
  if (!c->peer_closed) {
    c->peer_closed = 1;
    snprintf(c->why, sizeof(c->why), "%s", why ? why : "connection closed");
  }
  wake(c);
  pthread_mutex_unlock(&c->mu);
}

char *dr__cdp_take_sent(dr_cdp_t *c) {
  msg_t *m = c->sent_head;
  char *s;
  if (!m) return NULL;
  c->sent_head = m->next;
  if (!c->sent_head) c->sent_tail = NULL;
  s = dr_strdup(m->data);
  free(m);
  return s;
}

int dr_cdp_open(dr_cdp_t **out, const char *target, const dr_cdp_options_t *opt, char *errbuf,
                size_t errlen) {
  dr__cdp_target_t t;
  char *url = NULL;
  int timeout = opt && opt->connect_timeout_ms > 0 ? opt->connect_timeout_ms : 5000;
  size_t maxmsg = opt && opt->max_message ? opt->max_message : (256u << 20);
  dr_cdp_t *c;
  int r;
  *out = NULL;
#ifndef DR_HAVE_LWS
  (void)t;
  (void)url;
  (void)timeout;
  (void)maxmsg;
  (void)c;
  (void)r;
  if (errbuf) snprintf(errbuf, errlen, "built without libwebsockets");
  return DR_EUNSUPPORTED;
#else
  r = dr__cdp_parse_target(target, &t);
  if (r < 0) {
    if (errbuf)
      snprintf(errbuf, errlen, "bad inspector target '%s' (want [host:]port or ws://host:port/id)",
               target ? target : "");
    return r;
  }
  if (!t.is_ws) {
    r = dr_cdp_discover(target, timeout, &url, errbuf, errlen);
    if (r < 0) return r;
    r = dr__cdp_parse_target(url, &t);
    if (r < 0) {
      if (errbuf) snprintf(errbuf, errlen, "bad webSocketDebuggerUrl '%s'", url);
      free(url);
      return r;
    }
  } else {
    url = dr_strdup(target);
  }
  c = cdp_alloc();
  c->url = url;
  r = dr__ws_open(&c->ws, c, &t, timeout, maxmsg, errbuf, errlen);
  if (r < 0) {
    c->ws = NULL;
    c->closed = 1;
    dr_cdp_close(c);
    return r;
  }
  *out = c;
  return 0;
#endif
}

static int transmit(dr_cdp_t *c, const char *text, size_t len) {
  int closed;
  static int trace = -1;
  if (trace < 0) trace = getenv("DEVRUN_CDP_TRACE") != NULL;
  if (trace) fprintf(stderr, "-> %.*s\n", (int)(len > 300 ? 300 : len), text);
  pthread_mutex_lock(&c->mu);
  closed = c->peer_closed;
  pthread_mutex_unlock(&c->mu);
  if (closed || c->closed) return DR_EOF;
  if (!c->ws) {
    msg_t *m = dr_malloc(sizeof(*m) + len + 1);
    m->next = NULL;
    m->len = len;
    memcpy(m->data, text, len);
    m->data[len] = '\0';
    if (c->sent_tail)
      c->sent_tail->next = m;
    else
      c->sent_head = m;
    c->sent_tail = m;
    return 0;
  }
  return dr__ws_send(c->ws, text, len);
}

int dr_cdp_send(dr_cdp_t *c, const char *method, json_t *params, dr_cdp_result_cb cb, void *data) {
  json_t *msg;
  char *text;
  int id, r;
  if (!method || !*method) {
    json_decref(params);
    return DR_EINVAL;
  }
  if (params && !json_is_object(params)) {
    json_decref(params);
    return DR_EINVAL;
  }
  id = c->next_id++;
  if (c->next_id <= 0) c->next_id = 1;
  msg = json_pack("{s:i, s:s, s:o}", "id", id, "method", method, "params",
                  params ? params : json_object());
  text = json_dumps(msg, JSON_COMPACT);
  json_decref(msg);
  if (!text) dr_oom();
  r = transmit(c, text, strlen(text));
  free(text);
  if (r < 0) {
    set_err(c, "cannot send %s: %s", method, dr_strerror(r));
    return r;
  }
  if (cb) {
    pending_t *p = dr_calloc(1, sizeof(*p));
    p->id = id;
    p->cb = cb;
    p->data = data;
    p->next = c->pending;
    c->pending = p;
  }
  return id;
}

int dr_cdp_send_raw(dr_cdp_t *c, const char *msg, size_t len) {
  return transmit(c, msg, len);
}

typedef struct {
  int done, status;
  json_t *result;
} sync_slot_t;

static void sync_cb(dr_cdp_t *c, int status, json_t *result, void *data) {
  sync_slot_t *s = data;
  s->done = 1;
  s->status = status;
  s->result = json_incref(result);
}

int dr_cdp_call(dr_cdp_t *c, const char *method, json_t *params, json_t **result, int timeout_ms) {
  sync_slot_t slot = {0, 0, NULL};
  double deadline = dr_now_ms() + timeout_ms;
  int id = dr_cdp_send(c, method, params, sync_cb, &slot);
  if (result) *result = NULL;
  if (id < 0) return id;
  while (!slot.done) {
    int left = timeout_ms < 0 ? -1 : (int)(deadline - dr_now_ms());
    int r;
    if (timeout_ms >= 0 && left <= 0) break;
    r = dr_cdp_poll(c, left < 0 ? 1000 : left);
    if (r == DR_EOF && !slot.done) break;
  }
  if (!slot.done) {
    /* Timed out or closed: forget the slot (it lives on our stack). */
    for (pending_t *p = c->pending; p; p = p->next)
      if (p->id == id) p->cb = NULL;
    if (!c->closed) {
      set_err(c, "%s: no reply (timed out)%s", method, NULL);
      return DR_ETIMEDOUT;
    }
    return DR_EOF;
  }
  if (slot.status == DR_EPROTO) {
    const char *m = json_string_value(json_object_get(slot.result, "message"));
    set_err(c, "%s: %s", method, m ? m : "error");
  }
  if (result)
    *result = slot.result;
  else
    json_decref(slot.result);
  return slot.status;
}

int dr_cdp_subscribe(dr_cdp_t *c, const char *method, dr_cdp_event_cb cb, void *data) {
  sub_t *s = dr_calloc(1, sizeof(*s)), **tail = &c->subs;
  s->id = c->next_sub++;
  s->method = dr_strdup(method);
  s->cb = cb;
  s->data = data;
  while (*tail) tail = &(*tail)->next; /* keep subscription order */
  *tail = s;
  return s->id;
}

void dr_cdp_unsubscribe(dr_cdp_t *c, int id) {
  for (sub_t *s = c->subs; s; s = s->next)
    if (s->id == id) s->cb = NULL; /* unlinked lazily (we may be iterating) */
}

void dr_cdp_set_close_cb(dr_cdp_t *c, dr_cdp_close_cb cb, void *data) {
  c->close_cb = cb;
  c->close_data = data;
}

void dr_cdp_set_raw_cb(dr_cdp_t *c, dr_cdp_raw_cb cb, void *data) {
  c->raw_cb = cb;
  c->raw_data = data;
}

static int sub_matches(const char *pat, const char *method) {
  size_t n = strlen(pat);
  if (!strcmp(pat, "*")) return 1;
  if (n && pat[n - 1] == '.') return strncmp(pat, method, n) == 0;
  return strcmp(pat, method) == 0;
}

/* Dispatches one incoming text message. */
static void dispatch(dr_cdp_t *c, const char *text, size_t len) {
  json_error_t jerr;
  json_t *msg, *idv;
  if (c->raw_cb && c->raw_cb(c, text, len, c->raw_data)) return;
  msg = json_loadb(text, len, JSON_ALLOW_NUL, &jerr);
  if (!msg) return; /* not JSON: ignore, as CDP clients do */
  if (!json_is_object(msg)) goto out;
  idv = json_object_get(msg, "id");
  if (json_is_integer(idv)) {
    json_int_t id = json_integer_value(idv);
    pending_t **pp = &c->pending, *p;
    while ((p = *pp) && p->id != id) pp = &p->next;
    if (!p) goto out;
    *pp = p->next;
    if (p->cb) {
      json_t *err = json_object_get(msg, "error");
      json_t *res = json_object_get(msg, "result");
      if (err)
        p->cb(c, DR_EPROTO, err, p->data);
      else if (json_is_object(res))
        p->cb(c, 0, res, p->data);
      else {
        json_t *empty = json_object();
        p->cb(c, 0, empty, p->data);
        json_decref(empty);
      }
    }
    free(p);
  } else {
    const char *method = json_string_value(json_object_get(msg, "method"));
    json_t *params = json_object_get(msg, "params");
    json_t *empty = NULL;
    if (!method) goto out;
    if (!json_is_object(params)) params = empty = json_object();
    for (sub_t *s = c->subs; s; s = s->next)
      if (s->cb && sub_matches(s->method, method)) s->cb(c, method, params, s->data);
    json_decref(empty);
  }
out:
  json_decref(msg);
}

static void cancel_all(dr_cdp_t *c, int status) {
  while (c->pending) {
    pending_t *p = c->pending;
    c->pending = p->next;
    if (p->cb) p->cb(c, status, NULL, p->data);
    free(p);
  }
}

static void deliver_close(dr_cdp_t *c, int status) {
  if (c->closed) return;
  c->closed = 1;
  cancel_all(c, DR_ECANCELED);
  if (c->close_cb) c->close_cb(c, status, c->close_data);
}

static void destroy(dr_cdp_t *c);

int dr_cdp_poll(dr_cdp_t *c, int timeout_ms) {
  int n = 0;
  char drain[64];
  for (;;) {
    msg_t *m;
    int peer_closed;
    pthread_mutex_lock(&c->mu);
    m = c->in_head;
    if (m) {
      c->in_head = m->next;
      if (!c->in_head) c->in_tail = NULL;
    } else {
      while (read(c->wake[0], drain, sizeof(drain)) > 0) {
      }
      c->wake_pending = 0;
    }
    peer_closed = c->peer_closed;
    pthread_mutex_unlock(&c->mu);
    if (m) {
      c->depth++;
      if (!c->closed) dispatch(c, m->data, m->len);
      c->depth--;
      free(m);
      n++;
      if (c->free_requested && c->depth == 0) {
        destroy(c);
        return DR_EOF;
      }
      continue;
    }
    if (peer_closed) {
      if (!c->closed) {
        snprintf(c->err, sizeof(c->err), "%s", c->why);
        c->depth++;
        deliver_close(c, DR_EOF);
        c->depth--;
        if (c->free_requested && c->depth == 0) {
          destroy(c);
          return DR_EOF;
        }
        n++;
        return n;
      }
      return n ? n : DR_EOF;
    }
    if (n > 0 || timeout_ms == 0) return n;
    {
      struct pollfd pfd = {c->wake[0], POLLIN, 0};
      int r = poll(&pfd, 1, timeout_ms);
      if (r == 0) return 0;
      if (r < 0 && errno != EINTR) return -errno;
      timeout_ms = 0; /* dispatch what came, then return */
    }
  }
}

int dr_cdp_fd(const dr_cdp_t *c) {
  return c->wake[0];
}

static void on_uv_poll(uv_poll_t *h, int status, int events) {
  dr_cdp_poll(h->data, 0);
}

int dr_cdp_uv_start(dr_cdp_t *c, uv_loop_t *loop) {
  int r;
  if (c->uvp) return DR_ESTATE;
  c->uvp = dr_calloc(1, sizeof(*c->uvp));
  r = uv_poll_init(loop, c->uvp, c->wake[0]);
  if (r < 0) {
    free(c->uvp);
    c->uvp = NULL;
    return r;
  }
  c->uvp->data = c;
  return uv_poll_start(c->uvp, UV_READABLE, on_uv_poll);
}

int dr_cdp_is_open(const dr_cdp_t *c) {
  int closed;
  pthread_mutex_lock((pthread_mutex_t *)&c->mu);
  closed = c->peer_closed;
  pthread_mutex_unlock((pthread_mutex_t *)&c->mu);
  return !closed && !c->closed;
}

const char *dr_cdp_url(const dr_cdp_t *c) {
  return c->url;
}
const char *dr_cdp_last_error(const dr_cdp_t *c) {
  return c->err;
}

static void on_uv_closed(uv_handle_t *h) {
  free(h);
}

static void destroy(dr_cdp_t *c) {
  if (c->ws) dr__ws_free(c->ws); /* joins the service thread */
  c->ws = NULL;
  while (c->in_head) {
    msg_t *m = c->in_head;
    c->in_head = m->next;
    free(m);
  }
  while (c->sent_head) free(dr__cdp_take_sent(c));
  while (c->subs) {
    sub_t *s = c->subs;
    c->subs = s->next;
    free(s->method);
    free(s);
  }
  if (c->uvp) {
    uv_poll_stop(c->uvp);
    c->uvp->data = NULL;
    uv_close((uv_handle_t *)c->uvp, on_uv_closed);
  }
  close(c->wake[0]);
  close(c->wake[1]);
  pthread_mutex_destroy(&c->mu);
  free(c->url);
  free(c);
}

void dr_cdp_close(dr_cdp_t *c) {
  if (!c) return;
  if (c->ws) {
    dr__ws_free(c->ws);
    c->ws = NULL;
  }
  c->depth++;
  deliver_close(c, 0);
  c->depth--;
  if (c->depth > 0) {
    c->free_requested = 1;
    return;
  }
  destroy(c);
}

const char *dr_cdp_exception_text(json_t *result) {
  json_t *ed = json_object_get(result, "exceptionDetails");
  const char *d;
  if (!ed) return NULL;
  d = json_string_value(json_object_get(json_object_get(ed, "exception"), "description"));
  if (d) return d;
  d = json_string_value(json_object_get(json_object_get(ed, "exception"), "value"));
  if (d) return d;
  d = json_string_value(json_object_get(ed, "text"));
  return d ? d : "Uncaught";
}
