/* insp_server.c — the inspector's I/O thread: HTTP discovery and WebSocket
 * sessions over libwebsockets, as Node's InspectorSocketServer serves them.
 *
 * One lws context with one vhost listening on host:port, served by a
 * private thread looping in lws_service().  The only lws call made from
 * other threads is lws_cancel_service(): insp_server_send() and
 * insp_server_close_session() queue work under `mu` and wake the thread,
 * which picks it up in LWS_CALLBACK_EVENT_WAIT_CANCELLED — the threading rule
 * libwebsockets documents.  Callbacks to the owner (insp_server_cbs_t) run on
 * this thread; the owner hands messages to its own thread (insp_agent.c: the
 * JS thread; bridge.c: its libuv loop).
 *
 * HTTP: GET /json, /json/list, /json/version, /json/protocol (insp_http.c
 * decides); everything else, and any request whose Host header fails
 * insp_host_allowed(), gets Node's 400 "WebSockets request was expected".
 * WebSocket: upgrade only on "/<target id>" with an allowed Host; text and
 * close frames only — a binary frame closes the session.  No extensions are
 * offered (no permessage-deflate) and no pings are sent, because strict
 * clients (`node inspect`) close on either.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <libwebsockets.h>
#include <uv.h>

#include "devrun/buf.h"
#include "devrun/err.h"
#include "devrun/util.h"
#include "insp.h"

#define MAX_MESSAGE (256u << 20)

typedef struct out_s {
  struct out_s *next;
  size_t len;
  unsigned char data[]; /* LWS_PRE bytes of headroom, then the message */
} out_t;

typedef struct conn_s {
  struct conn_s *next; /* in server->conns while a WebSocket session (under mu) */
  struct lws *wsi;
  int session;
  int close_req;              /* under mu */
  out_t *out_head, *out_tail; /* under mu */
  dr_buf_t rx;                /* I/O thread */
  int rx_bad;
  /* HTTP response being written */
  char *body;
  size_t body_len, body_off;
  int body_owned;
} conn_t;

struct insp_server_s {
  struct lws_context *ctx;
  struct lws_vhost *vh;
  pthread_t thread;
  pthread_mutex_t mu;
  int stop;      /* under mu */
  conn_t *conns; /* under mu */
  int nsessions; /* under mu */
  int next_session;
  insp_server_cbs_t cbs;
  insp_server_options_t opt;
  char host[64];
  char id[64], title[4096], url[4200], browser[128];
  int port;
};

static insp_server_t *server_of(struct lws *wsi) {
  return lws_context_user(lws_get_context(wsi));
}

static const char bad_body[] = "WebSockets request was expected\r\n";

static int copy_hdr(struct lws *wsi, enum lws_token_indexes t, char *buf, size_t cap) {
  int n = lws_hdr_total_length(wsi, t);
  if (n <= 0) {
    buf[0] = 0;
    return 0;
  }
  if ((size_t)n >= cap) return -1;
  if (lws_hdr_copy(wsi, buf, (int)cap, t) < 0) return -1;
  return n;
}

/* Writes status + headers; the body follows in HTTP_WRITEABLE. */
static int start_response(struct lws *wsi, conn_t *c, int status, const char *type, char *body,
                          size_t len, int owned) {
  unsigned char hdr[LWS_PRE + 512];
  unsigned char *p = hdr + LWS_PRE, *end = hdr + sizeof hdr - 1;
  if (lws_add_http_header_status(wsi, (unsigned)status, &p, end) ||
      lws_add_http_header_by_token(wsi, WSI_TOKEN_HTTP_CONTENT_TYPE, (const unsigned char *)type,
                                   (int)strlen(type), &p, end) ||
      (status == 200 &&
       lws_add_http_header_by_token(wsi, WSI_TOKEN_HTTP_CACHE_CONTROL,
                                    (const unsigned char *)"no-cache", 8, &p, end)) ||
      lws_add_http_header_content_length(wsi, len, &p, end) ||
      lws_finalize_http_header(wsi, &p, end)) {
    if (owned) free(body);
    return -1;
  }
  if (lws_write(wsi, hdr + LWS_PRE, (size_t)(p - (hdr + LWS_PRE)), LWS_WRITE_HTTP_HEADERS) < 0) {
    if (owned) free(body);
    return -1;
  }
  c->body = body;
  c->body_len = len;
  c->body_off = 0;
  c->body_owned = owned;
  lws_callback_on_writable(wsi);
  return 0;
}

static int reply_bad(struct lws *wsi, conn_t *c) {
  return start_response(wsi, c, 400, "text/html; charset=UTF-8", (char *)bad_body,
                        sizeof bad_body - 1, 0);
}

static void request_hostport(struct lws *wsi, insp_server_t *s, char *out, size_t cap) {
  char host[256];
  if (copy_hdr(wsi, WSI_TOKEN_HOST, host, sizeof host) > 0)
    snprintf(out, cap, "%s", host);
  else
    insp_format_hostport(out, cap, s->host, s->port);
}

static int serve_http(struct lws *wsi, conn_t *c, const char *path) {
  insp_server_t *s = server_of(wsi);
  char host[256];
  int hn = copy_hdr(wsi, WSI_TOKEN_HOST, host, sizeof host);
  if (hn < 0 || !insp_host_allowed(host, (size_t)hn)) return reply_bad(wsi, c);
  if (lws_hdr_total_length(wsi, WSI_TOKEN_GET_URI) <= 0) return reply_bad(wsi, c);
  if (!s->opt.http_discovery) return reply_bad(wsi, c);
  const char *arg;
  size_t arglen;
  char hp[300];
  const char *json = "application/json; charset=UTF-8";
  switch (insp_http_route(path, strlen(path), &arg, &arglen)) {
    case INSP_ROUTE_LIST: {
      request_hostport(wsi, s, hp, sizeof hp);
      pthread_mutex_lock(&s->mu); /* title/url change with insp_server_set_target */
      char *b = insp_http_list_json(&s->opt.target, hp);
      pthread_mutex_unlock(&s->mu);
      return start_response(wsi, c, 200, json, b, strlen(b), 1);
    }
    case INSP_ROUTE_VERSION: {
      char *b = insp_http_version_json(&s->opt.target);
      return start_response(wsi, c, 200, json, b, strlen(b), 1);
    }
    case INSP_ROUTE_PROTOCOL:
      return start_response(wsi, c, 200, json, (char *)insp_protocol_json, insp_protocol_json_len,
                            0);
    case INSP_ROUTE_ACTIVATE:
      if (arglen == strlen(s->opt.target.id) && !memcmp(arg, s->opt.target.id, arglen)) {
        static const char ok[] = "Target activated";
        return start_response(wsi, c, 200, "text/plain", (char *)ok, sizeof ok - 1, 0);
      }
      return reply_bad(wsi, c);
    default:
      return reply_bad(wsi, c);
  }
}

static int write_body(struct lws *wsi, conn_t *c) {
  if (!c->body) return -1;
  size_t chunk = c->body_len - c->body_off;
  if (chunk > 16384) chunk = 16384;
  unsigned char buf[LWS_PRE + 16384];
  memcpy(buf + LWS_PRE, c->body + c->body_off, chunk);
  c->body_off += chunk;
  int last = c->body_off >= c->body_len;
  if (lws_write(wsi, buf + LWS_PRE, chunk, last ? LWS_WRITE_HTTP_FINAL : LWS_WRITE_HTTP) <
      (int)chunk)
    return -1;
  if (!last) {
    lws_callback_on_writable(wsi);
    return 0;
  }
  if (c->body_owned) free(c->body);
  c->body = NULL;
  if (lws_http_transaction_completed(wsi)) return -1;
  return 0;
}

static int confirm_upgrade(struct lws *wsi, conn_t *c) {
  insp_server_t *s = server_of(wsi);
  char host[256], path[1024];
  int hn = copy_hdr(wsi, WSI_TOKEN_HOST, host, sizeof host);
  int pn = copy_hdr(wsi, WSI_TOKEN_GET_URI, path, sizeof path);
  if (hn < 0 || pn <= 0 || !insp_host_allowed(host, (size_t)hn) ||
      !insp_ws_path_matches(path, (size_t)pn, s->opt.target.id)) {
    lws_return_http_status(wsi, 400, "WebSockets request was expected");
    return 1;
  }
  return 0;
}

static void unlink_conn(insp_server_t *s, conn_t *c) {
  for (conn_t **pp = &s->conns; *pp; pp = &(*pp)->next)
    if (*pp == c) {
      *pp = c->next;
      s->nsessions--;
      break;
    }
}

static int ws_writeable(struct lws *wsi, insp_server_t *s, conn_t *c) {
  pthread_mutex_lock(&s->mu);
  out_t *o = c->out_head;
  if (o) {
    c->out_head = o->next;
    if (!c->out_head) c->out_tail = NULL;
  }
  int closing = c->close_req && !c->out_head;
  int more = c->out_head != NULL;
  pthread_mutex_unlock(&s->mu);
  if (o) {
    int n = lws_write(wsi, o->data + LWS_PRE, o->len, LWS_WRITE_TEXT);
    free(o);
    if (n < 0) return -1;
  }
  if (closing && !o) {
    lws_close_reason(wsi, LWS_CLOSE_STATUS_NORMAL, NULL, 0);
    return -1;
  }
  if (more || closing) lws_callback_on_writable(wsi);
  return 0;
}

static int callback(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
                    size_t len) {
  insp_server_t *s = wsi ? server_of(wsi) : NULL;
  conn_t *c = user;
  if (!s) return 0;
  switch (reason) {
    case LWS_CALLBACK_HTTP:
      return serve_http(wsi, c, in ? (const char *)in : "");
    case LWS_CALLBACK_HTTP_WRITEABLE:
      return write_body(wsi, c);
    case LWS_CALLBACK_HTTP_DROP_PROTOCOL:
    case LWS_CALLBACK_CLOSED_HTTP:
      if (c && c->body) {
        if (c->body_owned) free(c->body);
        c->body = NULL;
      }
      break;
    case LWS_CALLBACK_HTTP_CONFIRM_UPGRADE:
      return confirm_upgrade(wsi, c);
    case LWS_CALLBACK_ESTABLISHED:
      memset(c, 0, sizeof *c);
      c->wsi = wsi;
      dr_buf_init(&c->rx, 0);
      pthread_mutex_lock(&s->mu);
      c->session = ++s->next_session;
      c->next = s->conns;
      s->conns = c;
      s->nsessions++;
      pthread_mutex_unlock(&s->mu);
      if (s->cbs.on_open && s->cbs.on_open(s, c->session, s->cbs.data)) {
        pthread_mutex_lock(&s->mu);
        unlink_conn(s, c);
        pthread_mutex_unlock(&s->mu);
        c->session = 0;
        return -1;
      }
      break;
    case LWS_CALLBACK_RECEIVE:
      if (lws_frame_is_binary(wsi)) return -1; /* text and close only */
      if (!c->rx_bad) {
        if (c->rx.len + len > MAX_MESSAGE) {
          c->rx_bad = 1;
          dr_buf_reset(&c->rx);
        } else {
          dr_buf_add(&c->rx, in, len);
        }
      }
      if (lws_is_final_fragment(wsi) && !lws_remaining_packet_payload(wsi)) {
        int bad = c->rx_bad;
        c->rx_bad = 0;
        if (bad) return -1;
        if (s->cbs.on_message) s->cbs.on_message(s, c->session, c->rx.buf, c->rx.len, s->cbs.data);
        dr_buf_reset(&c->rx);
      }
      break;
    case LWS_CALLBACK_SERVER_WRITEABLE:
      return ws_writeable(wsi, s, c);
    case LWS_CALLBACK_CLOSED:
      if (c->session) {
        pthread_mutex_lock(&s->mu);
        unlink_conn(s, c);
        out_t *o = c->out_head;
        c->out_head = c->out_tail = NULL;
        pthread_mutex_unlock(&s->mu);
        while (o) {
          out_t *n = o->next;
          free(o);
          o = n;
        }
        int id = c->session;
        c->session = 0;
        dr_buf_release(&c->rx);
        if (s->cbs.on_close) s->cbs.on_close(s, id, s->cbs.data);
      }
      break;
    case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
      pthread_mutex_lock(&s->mu);
      for (conn_t *k = s->conns; k; k = k->next)
        if (k->out_head || k->close_req || s->stop) {
          if (s->stop) k->close_req = 1;
          lws_callback_on_writable(k->wsi);
        }
      pthread_mutex_unlock(&s->mu);
      break;
    default:
      break;
  }
  return 0;
}

static const struct lws_protocols protocols[] = {
    {"devrun-inspector", callback, sizeof(conn_t), 0, 0, NULL, 0},
    {NULL, NULL, 0, 0, 0, NULL, 0},
};

static void *service_main(void *arg) {
  insp_server_t *s = arg;
  for (;;) {
    pthread_mutex_lock(&s->mu);
    int stop = s->stop && s->nsessions == 0;
    pthread_mutex_unlock(&s->mu);
    if (stop) break;
    if (lws_service(s->ctx, 0) < 0) break;
  }
  return NULL;
}

/* Finds out whether host:port can be bound, for a clear message (lws only
 * logs).  Returns 0 or a negative errno. */
static int preflight(const char *host, int port) {
  struct sockaddr_storage ss;
  socklen_t sl;
  memset(&ss, 0, sizeof ss);
  struct sockaddr_in *a4 = (struct sockaddr_in *)&ss;
  struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)&ss;
  if (inet_pton(AF_INET, host, &a4->sin_addr) == 1) {
    a4->sin_family = AF_INET;
    a4->sin_port = htons((uint16_t)port);
    sl = sizeof *a4;
  } else if (inet_pton(AF_INET6, host, &a6->sin6_addr) == 1) {
    a6->sin6_family = AF_INET6;
    a6->sin6_port = htons((uint16_t)port);
    sl = sizeof *a6;
  } else {
    return -EADDRNOTAVAIL;
  }
  int fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -errno;
  int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  int r = 0;
  if (bind(fd, (struct sockaddr *)&ss, sl) < 0 || listen(fd, 1) < 0) r = -errno;
  close(fd);
  return r;
}

int insp_server_start(insp_server_t **out, const insp_server_options_t *opt,
                      const insp_server_cbs_t *cbs, char *err, size_t errlen) {
  static int log_init;
  if (!log_init) {
    log_init = 1;
    lws_set_log_level(getenv("DEVRUN_INSPECT_DEBUG") ? LLL_ERR | LLL_WARN | LLL_NOTICE : 0, NULL);
  }
  insp_server_t *s = dr_calloc(1, sizeof *s);
  *out = NULL;
  s->opt = *opt;
  s->cbs = *cbs;
  const char *h = opt->host && *opt->host ? opt->host : "127.0.0.1";
  if (!strcasecmp(h, "localhost")) h = "127.0.0.1";
  snprintf(s->host, sizeof s->host, "%s", h);
  snprintf(s->id, sizeof s->id, "%s", opt->target.id);
  snprintf(s->title, sizeof s->title, "%s", opt->target.title ? opt->target.title : "");
  snprintf(s->url, sizeof s->url, "%s", opt->target.url ? opt->target.url : "");
  snprintf(s->browser, sizeof s->browser, "%s", opt->target.browser ? opt->target.browser : "");
  s->opt.target.id = s->id;
  s->opt.target.title = s->title;
  s->opt.target.url = s->url;
  s->opt.target.browser = s->browser;
  s->opt.host = s->host;
  pthread_mutex_init(&s->mu, NULL);

  int r = preflight(s->host, opt->port);
  if (r < 0) {
    snprintf(err, errlen, "%s",
             r == -EADDRNOTAVAIL && !strchr(s->host, '.') && !strchr(s->host, ':')
                 ? "not an IP address"
                 : uv_strerror(r));
    pthread_mutex_destroy(&s->mu);
    free(s);
    return r;
  }

  struct lws_context_creation_info info;
  memset(&info, 0, sizeof info);
  info.port = opt->port;
  info.iface = s->host;
  info.protocols = protocols;
  info.gid = -1;
  info.uid = -1;
  info.user = s;
  info.options = LWS_SERVER_OPTION_DISABLE_OS_CA_CERTS;
  if (!strchr(s->host, ':')) info.options |= LWS_SERVER_OPTION_DISABLE_IPV6;
  info.max_http_header_data = 8192;
  s->ctx = lws_create_context(&info);
  if (!s->ctx) {
    snprintf(err, errlen, "cannot listen on %s:%d", s->host, opt->port);
    pthread_mutex_destroy(&s->mu);
    free(s);
    return DR_EIO;
  }
  s->vh = lws_get_vhost_by_name(s->ctx, "default");
  s->port = s->vh ? lws_get_vhost_listen_port(s->vh) : opt->port;
  if (pthread_create(&s->thread, NULL, service_main, s)) {
    lws_context_destroy(s->ctx);
    pthread_mutex_destroy(&s->mu);
    free(s);
    snprintf(err, errlen, "cannot start the inspector thread");
    return DR_EIO;
  }
  *out = s;
  return 0;
}

int insp_server_port(const insp_server_t *s) {
  return s->port;
}
const char *insp_server_host(const insp_server_t *s) {
  return s->host;
}

static conn_t *find(insp_server_t *s, int session) {
  for (conn_t *c = s->conns; c; c = c->next)
    if (c->session == session) return c;
  return NULL;
}

int insp_server_send(insp_server_t *s, int session, const char *msg, size_t len) {
  out_t *o = dr_malloc(sizeof *o + LWS_PRE + len);
  o->next = NULL;
  o->len = len;
  memcpy(o->data + LWS_PRE, msg, len);
  pthread_mutex_lock(&s->mu);
  conn_t *c = find(s, session);
  if (!c || c->close_req) {
    pthread_mutex_unlock(&s->mu);
    free(o);
    return DR_EOF;
  }
  if (c->out_tail)
    c->out_tail->next = o;
  else
    c->out_head = o;
  c->out_tail = o;
  pthread_mutex_unlock(&s->mu);
  lws_cancel_service(s->ctx);
  return 0;
}

void insp_server_close_session(insp_server_t *s, int session) {
  pthread_mutex_lock(&s->mu);
  conn_t *c = find(s, session);
  if (c) c->close_req = 1;
  pthread_mutex_unlock(&s->mu);
  lws_cancel_service(s->ctx);
}

void insp_server_set_target(insp_server_t *s, const char *title, const char *url) {
  pthread_mutex_lock(&s->mu);
  if (title) snprintf(s->title, sizeof s->title, "%s", title);
  if (url) snprintf(s->url, sizeof s->url, "%s", url);
  pthread_mutex_unlock(&s->mu);
}

int insp_server_sessions(insp_server_t *s) {
  pthread_mutex_lock(&s->mu);
  int n = s->nsessions;
  pthread_mutex_unlock(&s->mu);
  return n;
}

void insp_server_stop(insp_server_t *s) {
  if (!s) return;
  pthread_mutex_lock(&s->mu);
  s->stop = 1;
  for (conn_t *c = s->conns; c; c = c->next) c->close_req = 1;
  pthread_mutex_unlock(&s->mu);
  lws_cancel_service(s->ctx);
  pthread_join(s->thread, NULL);
  lws_context_destroy(s->ctx);
  pthread_mutex_destroy(&s->mu);
  free(s);
}
