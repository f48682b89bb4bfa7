/* ws_client.c — the WebSocket transport under a CDP session (libwebsockets).
 *
 * One libwebsockets context and one client connection per session, served
 * by a private thread that loops in lws_service().  The only lws call made
 * from other threads is lws_cancel_service(), which wakes the service
 * thread (LWS_CALLBACK_EVENT_WAIT_CANCELLED) to pick up queued sends or a
 * stop request — the thread-safety rule libwebsockets documents.
 *
 * Incoming frames are reassembled into whole messages (up to max_message
 * bytes) and handed to dr__cdp_enqueue(); the end of the connection goes to
 * dr__cdp_peer_closed().  No extensions are offered (Node's inspector
 * closes on compressed frames) and no pings are sent (it closes on those
 * too).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdp_int.h"
#include "devrun/buf.h"
#include "devrun/err.h"
#include "devrun/util.h"

#ifdef DR_HAVE_LWS
#include <libwebsockets.h>

typedef struct out_s {
  struct out_s *next;
  size_t len;
  unsigned char data[]; /* LWS_PRE bytes of headroom, then the message */
} out_t;

enum { WS_CONNECTING, WS_OPEN, WS_FAILED, WS_CLOSED };

struct dr__ws_s {
  dr_cdp_t *owner;
  struct lws_context *ctx;
  struct lws *wsi;
  pthread_t thread;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  int state;                  /* under mu */
  int stop;                   /* under mu */
  out_t *out_head, *out_tail; /* under mu */
  dr_buf_t rx;                /* service thread only */
  size_t max_message;
  int oversize;
  char err[256];
  char hostport[300];
  dr__cdp_target_t target;
};

static struct dr__ws_s *ws_of(struct lws *wsi) {
  return lws_context_user(lws_get_context(wsi));
}

static void set_state(struct dr__ws_s *ws, int st, const char *why) {
  int was;
  pthread_mutex_lock(&ws->mu);
  was = ws->state;
  ws->state = st;
  if (why && !ws->err[0]) snprintf(ws->err, sizeof(ws->err), "%s", why);
  pthread_cond_broadcast(&ws->cv);
  pthread_mutex_unlock(&ws->mu);
  if (was == WS_OPEN && st == WS_CLOSED) dr__cdp_peer_closed(ws->owner, why);
}

static int callback(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
                    size_t len) {
  struct dr__ws_s *ws = wsi ? ws_of(wsi) : NULL;
  if (!ws) return 0;
  switch (reason) {
    case LWS_CALLBACK_CLIENT_ESTABLISHED:
      ws->wsi = wsi;
      set_state(ws, WS_OPEN, NULL);
      pthread_mutex_lock(&ws->mu);
      if (ws->out_head) lws_callback_on_writable(wsi);
      pthread_mutex_unlock(&ws->mu);
      break;
    case LWS_CALLBACK_CLIENT_CONNECTION_ERROR: {
      char why[200];
      snprintf(why, sizeof(why), "%s", in && len ? (const char *)in : "connection failed");
      ws->wsi = NULL;
      set_state(ws, WS_FAILED, why);
      break;
    }
    case LWS_CALLBACK_CLIENT_RECEIVE:
      if (!ws->oversize) {
        if (ws->rx.len + len > ws->max_message) {
          ws->oversize = 1;
          dr_buf_reset(&ws->rx);
        } else {
          dr_buf_add(&ws->rx, in, len);
        }
      }
      if (lws_is_final_fragment(wsi) && !lws_remaining_packet_payload(wsi)) {
        if (!ws->oversize && !lws_frame_is_binary(wsi))
          dr__cdp_enqueue(ws->owner, ws->rx.buf, ws->rx.len);
        ws->oversize = 0;
        dr_buf_reset(&ws->rx);
      }
      break;
    case LWS_CALLBACK_CLIENT_WRITEABLE: {
      out_t *o;
      int stop;
      pthread_mutex_lock(&ws->mu);
      stop = ws->stop;
      o = ws->out_head;
      if (o && !stop) {
        ws->out_head = o->next;
        if (!ws->out_head) ws->out_tail = NULL;
      }
      pthread_mutex_unlock(&ws->mu);
      if (stop) {
        lws_close_reason(wsi, LWS_CLOSE_STATUS_NORMAL, NULL, 0);
        return -1;
      }
      if (!o) break;
      if (lws_write(wsi, o->data + LWS_PRE, o->len, LWS_WRITE_TEXT) < (int)o->len) {
        free(o);
        return -1;
      }
      free(o);
      pthread_mutex_lock(&ws->mu);
      if (ws->out_head) lws_callback_on_writable(wsi);
      pthread_mutex_unlock(&ws->mu);
      break;
    }
    case LWS_CALLBACK_CLIENT_CLOSED:
      ws->wsi = NULL;
      set_state(ws, WS_CLOSED, "the inspector target closed the connection");
      break;
    case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
      pthread_mutex_lock(&ws->mu);
      if (ws->wsi && (ws->out_head || ws->stop)) lws_callback_on_writable(ws->wsi);
      pthread_mutex_unlock(&ws->mu);
      break;
    default:
      break;
  }
  return 0;
}

static const struct lws_protocols protocols[] = {
    {"devrun-cdp", callback, 0, 0, 0, NULL, 0},
    {NULL, NULL, 0, 0, 0, NULL, 0},
};

static void *service_main(void *arg) {
  struct dr__ws_s *ws = arg;
  for (;;) {
    int stop, st;
    pthread_mutex_lock(&ws->mu);
    stop = ws->stop;
    st = ws->state;
    pthread_mutex_unlock(&ws->mu);
    if (st == WS_FAILED || st == WS_CLOSED) break;
    if (stop && !ws->wsi) break;
    if (lws_service(ws->ctx, 0) < 0) break;
  }
  pthread_mutex_lock(&ws->mu);
  if (ws->state == WS_CONNECTING) ws->state = WS_FAILED;
  pthread_cond_broadcast(&ws->cv);
  pthread_mutex_unlock(&ws->mu);
  return NULL;
}

int dr__ws_open(dr__ws_t **out, dr_cdp_t *owner, const dr__cdp_target_t *t, int timeout_ms,
                size_t max_message, char *errbuf, size_t errlen) {
  struct lws_context_creation_info info;
  struct lws_client_connect_info ci;
  struct dr__ws_s *ws = dr_calloc(1, sizeof(*ws));
  struct timespec until;
  int st;
  static int log_init;
  *out = NULL;
  if (!log_init) {
    log_init = 1;
    lws_set_log_level(getenv("DEVRUN_CDP_DEBUG") ? LLL_ERR | LLL_WARN | LLL_NOTICE | LLL_INFO : 0,
                      NULL);
  }
  ws->owner = owner;
  ws->max_message = max_message;
  ws->target = *t;
  dr_buf_init(&ws->rx, 0);
  pthread_mutex_init(&ws->mu, NULL);
  pthread_cond_init(&ws->cv, NULL);
  snprintf(ws->hostport, sizeof(ws->hostport), strchr(t->host, ':') ? "[%s]:%d" : "%s:%d", t->host,
           t->port);

  memset(&info, 0, sizeof(info));
  info.port = CONTEXT_PORT_NO_LISTEN;
  info.protocols = protocols;
  info.gid = -1;
  info.uid = -1;
  info.user = ws;
  info.options = LWS_SERVER_OPTION_DISABLE_OS_CA_CERTS;
  ws->ctx = lws_create_context(&info);
  if (!ws->ctx) {
    if (errbuf) snprintf(errbuf, errlen, "cannot create a WebSocket context");
    dr__ws_free(ws);
    return DR_ENOMEM;
  }
  memset(&ci, 0, sizeof(ci));
  ci.context = ws->ctx;
  ci.address = ws->target.host;
  ci.port = ws->target.port;
  ci.path = ws->target.path;
  ci.host = ws->hostport;
  ci.origin = ws->hostport;
  ci.ietf_version_or_minus_one = -1;
  ci.local_protocol_name = "devrun-cdp";
  ci.pwsi = &ws->wsi;
  if (!lws_client_connect_via_info(&ci)) {
    if (errbuf) snprintf(errbuf, errlen, "cannot connect to ws://%s%s", ws->hostport, t->path);
    dr__ws_free(ws);
    return DR_ECONNREFUSED;
  }
  if (pthread_create(&ws->thread, NULL, service_main, ws) != 0) dr_die("cannot start a thread");

  clock_gettime(CLOCK_REALTIME, &until);
  until.tv_sec += timeout_ms / 1000;
  until.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
  if (until.tv_nsec >= 1000000000L) {
    until.tv_sec++;
    until.tv_nsec -= 1000000000L;
  }
  pthread_mutex_lock(&ws->mu);
  while (ws->state == WS_CONNECTING)
    if (pthread_cond_timedwait(&ws->cv, &ws->mu, &until) != 0) break;
  st = ws->state;
  pthread_mutex_unlock(&ws->mu);
  if (st != WS_OPEN) {
    if (errbuf)
      snprintf(errbuf, errlen, "cannot connect to ws://%s%s: %s", ws->hostport, t->path,
               st == WS_CONNECTING ? "timed out"
               : ws->err[0]        ? ws->err
                                   : "connection failed");
    dr__ws_free(ws);
    return st == WS_CONNECTING ? DR_ETIMEDOUT : DR_ECONNREFUSED;
  }
  *out = ws;
  return 0;
}

int dr__ws_send(dr__ws_t *ws, const char *msg, size_t len) {
  out_t *o = dr_malloc(sizeof(*o) + LWS_PRE + len);
  int st;
  o->next = NULL;
  o->len = len;
  memcpy(o->data + LWS_PRE, msg, len);
  pthread_mutex_lock(&ws->mu);
  st = ws->state;
  if (st == WS_OPEN) {
    if (ws->out_tail)
      ws->out_tail->next = o;
    else
      ws->out_head = o;
    ws->out_tail = o;
  }
  pthread_mutex_unlock(&ws->mu);
  if (st != WS_OPEN) {
    free(o);
    return DR_EOF;
  }
  lws_cancel_service(ws->ctx);
  return 0;
}

void dr__ws_free(dr__ws_t *ws) {
  if (!ws) return;
  if (ws->thread) {
    pthread_mutex_lock(&ws->mu);
    ws->stop = 1;
    pthread_mutex_unlock(&ws->mu);
    lws_cancel_service(ws->ctx);
    pthread_join(ws->thread, NULL);
  }
  if (ws->ctx) lws_context_destroy(ws->ctx);
  while (ws->out_head) {
    out_t *o = ws->out_head;
    ws->out_head = o->next;
    free(o);
  }
  dr_buf_release(&ws->rx);
  pthread_mutex_destroy(&ws->mu);
  pthread_cond_destroy(&ws->cv);
  free(ws);
}

#else /* !DR_HAVE_LWS */

int dr__ws_open(dr__ws_t **out, dr_cdp_t *owner, const dr__cdp_target_t *t, int timeout_ms,
                size_t max_message, char *errbuf, size_t errlen) {
  *out = NULL;
  if (errbuf) snprintf(errbuf, errlen, "built without libwebsockets");
  return DR_EUNSUPPORTED;
}
int dr__ws_send(dr__ws_t *ws, const char *msg, size_t len) {
  return DR_EUNSUPPORTED;
}
void dr__ws_free(dr__ws_t *ws) {}

#endif
