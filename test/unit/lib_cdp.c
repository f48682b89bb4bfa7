/* lib_cdp.c — unit tests for the CDP client (lib/src/cdp*.c, ws_client.c).
 *
 * Two halves: the pure parts (target strings, the HTTP reply parser, the
 * /json/list picker, dispatch on a detached session fed by hand), and a live
 * round trip against a small CDP server built in this file with
 * libwebsockets (HTTP /json/list + a WebSocket that answers "Echo" requests,
 * emits an event per request and fails "Fail").
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

#include <cmocka.h>

#include "../../lib/src/cdp_int.h"
#include "devrun/cdp.h"
#include "devrun/err.h"

static void test_parse_target(void **state) {
  dr__cdp_target_t t;
  assert_int_equal(dr__cdp_parse_target("9229", &t), 0);
  assert_string_equal(t.host, "127.0.0.1");
  assert_int_equal(t.port, 9229);
  assert_int_equal(t.is_ws, 0);
  assert_int_equal(dr__cdp_parse_target("localhost:1234", &t), 0);
  assert_string_equal(t.host, "localhost");
  assert_int_equal(t.port, 1234);
  assert_int_equal(dr__cdp_parse_target("[::1]:9230", &t), 0);
  assert_string_equal(t.host, "::1");
  assert_int_equal(t.port, 9230);
  assert_int_equal(dr__cdp_parse_target("ws://127.0.0.1:9229/abc-def", &t), 0);
  assert_int_equal(t.is_ws, 1);
  assert_string_equal(t.path, "/abc-def");
  assert_int_equal(t.port, 9229);
  assert_true(dr__cdp_parse_target("70000", &t) < 0);
  assert_true(dr__cdp_parse_target("host:", &t) < 0);
  assert_true(dr__cdp_parse_target(":80", &t) < 0);
  assert_true(dr__cdp_parse_target("[::1", &t) < 0);
  assert_true(dr__cdp_parse_target("ws://h:1/a b", &t) < 0);
  assert_int_equal(dr__cdp_parse_target("wss://h:1/x", &t), DR_EUNSUPPORTED);
  assert_true(dr__cdp_parse_target("", &t) < 0);
}

static void test_http_response(void **state) {
  const char ok[] =
      "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n"
      "Content-Length: 4\r\n\r\n[1]\nTRAILING";
  const char *body;
  size_t n;
  int status;
  assert_int_equal(dr__http_parse_response(ok, strlen(ok), &status, &body, &n), 0);
  assert_int_equal(status, 200);
  assert_int_equal(n, 4);
  assert_memory_equal(body, "[1]\n", 4);
  assert_int_equal(dr__http_parse_response(ok, 30, &status, &body, &n), DR_ETRUNC);
  assert_int_equal(dr__http_parse_response("HTTP/1.1 400 Bad\r\nContent-Length: 9\r\n\r\nab", 41,
                                           &status, &body, &n),
                   DR_ETRUNC);
  assert_int_equal(dr__http_parse_response("SSH-2.0\r\n\r\n", 11, &status, &body, &n), DR_EPROTO);
}

static void test_pick_target(void **state) {
  const char *list =
      "[{\"type\":\"other\",\"webSocketDebuggerUrl\":\"ws://h:1/o\"},"
      "{\"type\":\"node\",\"webSocketDebuggerUrl\":\"ws://h:1/n\"}]";
  const char *wss = "[{\"webSocketDebuggerUrl\":\"wss://x\"}]";
  char *u = NULL;
  assert_int_equal(dr__cdp_pick_target(list, strlen(list), &u), 0);
  assert_string_equal(u, "ws://h:1/n");
  free(u);
  assert_int_equal(dr__cdp_pick_target("[]", 2, &u), DR_ENOENT);
  assert_null(u);
  assert_int_equal(dr__cdp_pick_target("[{", 2, &u), DR_EPROTO);
  assert_int_equal(dr__cdp_pick_target(wss, strlen(wss), &u), DR_EUNSUPPORTED);
}

typedef struct {
  int calls, status;
  char text[256];
} seen_t;

static void on_result(dr_cdp_t *c, int status, json_t *result, void *data) {
  seen_t *s = data;
  char *d = result ? json_dumps(result, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
  s->calls++;
  s->status = status;
  snprintf(s->text, sizeof(s->text), "%s", d ? d : "(null)");
  free(d);
}

static void on_event(dr_cdp_t *c, const char *method, json_t *params, void *data) {
  seen_t *s = data;
  char *d = json_dumps(params, JSON_COMPACT);
  s->calls++;
  snprintf(s->text, sizeof(s->text), "%s %s", method, d);
  free(d);
}

static void on_close(dr_cdp_t *c, int status, void *data) {
  seen_t *s = data;
  s->calls++;
  s->status = status;
}

static void test_detached_dispatch(void **state) {
  dr_cdp_t *c = dr__cdp_new_detached();
  seen_t r1 = {0}, r2 = {0}, ev = {0}, dom = {0}, cl = {0};
  char *sent;
  int id1, id2, sub;
  id1 = dr_cdp_send(c, "Runtime.evaluate", json_pack("{s:s}", "expression", "1"), on_result, &r1);
  id2 = dr_cdp_send(c, "Debugger.enable", NULL, on_result, &r2);
  assert_true(id1 > 0 && id2 > id1);
  sent = dr__cdp_take_sent(c);
  assert_non_null(strstr(sent, "\"method\":\"Runtime.evaluate\""));
  assert_non_null(strstr(sent, "\"expression\":\"1\""));
  free(sent);
  sent = dr__cdp_take_sent(c);
  assert_non_null(strstr(sent, "\"params\":{}"));
  free(sent);
  sub = dr_cdp_subscribe(c, "Debugger.paused", on_event, &ev);
  dr_cdp_subscribe(c, "Debugger.", on_event, &dom);
  dr_cdp_set_close_cb(c, on_close, &cl);
  /* Replies out of order, an event, junk that must be ignored. */
  char buf[128];
  snprintf(buf, sizeof(buf), "{\"id\":%d,\"error\":{\"code\":-32601,\"message\":\"nope\"}}", id2);
  dr__cdp_enqueue(c, buf, strlen(buf));
  dr__cdp_enqueue(c, "not json", 8);
  dr__cdp_enqueue(c, "[1,2]", 5);
  dr__cdp_enqueue(c, "{\"id\":999,\"result\":{}}", 22);
  dr__cdp_enqueue(c, "{\"method\":\"Debugger.paused\",\"params\":{\"reason\":\"other\"}}", 56);
  snprintf(buf, sizeof(buf), "{\"id\":%d,\"result\":{\"result\":{\"value\":1}}}", id1);
  dr__cdp_enqueue(c, buf, strlen(buf));
  assert_int_equal(dr_cdp_poll(c, 0), 6);
  assert_int_equal(r1.calls, 1);
  assert_int_equal(r1.status, 0);
  assert_string_equal(r1.text, "{\"result\":{\"value\":1}}");
  assert_int_equal(r2.calls, 1);
  assert_int_equal(r2.status, DR_EPROTO);
  assert_non_null(strstr(r2.text, "nope"));
  assert_int_equal(ev.calls, 1);
  assert_string_equal(ev.text, "Debugger.paused {\"reason\":\"other\"}");
  assert_int_equal(dom.calls, 1);
  dr_cdp_unsubscribe(c, sub);
  dr__cdp_enqueue(c, "{\"method\":\"Debugger.paused\"}", 28);
  assert_int_equal(dr_cdp_poll(c, 0), 1);
  assert_int_equal(ev.calls, 1);
  assert_int_equal(dom.calls, 2);
  /* A request outstanding when the peer goes: cancelled, then close cb. */
  seen_t r3 = {0};
  dr_cdp_send(c, "Runtime.foo", NULL, on_result, &r3);
  dr__cdp_peer_closed(c, "bye");
  assert_true(dr_cdp_poll(c, 0) >= 1);
  assert_int_equal(r3.calls, 1);
  assert_int_equal(r3.status, DR_ECANCELED);
  assert_int_equal(cl.calls, 1);
  assert_int_equal(cl.status, DR_EOF);
  assert_false(dr_cdp_is_open(c));
  assert_int_equal(dr_cdp_send(c, "X.y", NULL, NULL, NULL), DR_EOF);
  assert_int_equal(dr_cdp_poll(c, 0), DR_EOF);
  dr_cdp_close(c);
  assert_int_equal(cl.calls, 1); /* not twice */
}

static void test_exception_text(void **state) {
  json_t *r = json_loads(
      "{\"exceptionDetails\":{\"text\":\"Uncaught\",\"exception\":"
      "{\"description\":\"ReferenceError: x is not defined\"}}}",
      0, NULL);
  assert_string_equal(dr_cdp_exception_text(r), "ReferenceError: x is not defined");
  json_decref(r);
  r = json_loads("{\"result\":{}}", 0, NULL);
  assert_null(dr_cdp_exception_text(r));
  json_decref(r);
}

#ifdef DR_HAVE_LWS
#include <libwebsockets.h>

/* ---- a tiny CDP server ------------------------------------------------ */
static struct lws_context *srv_ctx;
static int srv_port, srv_stop;
static pthread_t srv_thread;
static char srv_out[1 << 16];
static size_t srv_out_len;
static int srv_close_next;

static int srv_ws(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
                  size_t len);

static int srv_http(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
                    size_t len) {
  if (reason == LWS_CALLBACK_HTTP) {
    unsigned char buf[LWS_PRE + 1024], *start = buf + LWS_PRE, *p = start, *end = buf + sizeof(buf);
    char body[256];
    int n = snprintf(body, sizeof(body),
                     "[{\"type\":\"node\",\"id\":\"t1\",\"webSocketDebuggerUrl\":"
                     "\"ws://127.0.0.1:%d/t1\"}]",
                     srv_port);
    if (lws_add_http_common_headers(wsi, HTTP_STATUS_OK, "application/json", n, &p, end) ||
        lws_finalize_write_http_header(wsi, start, &p, end))
      return 1;
    lws_write(wsi, (unsigned char *)body, n, LWS_WRITE_HTTP_FINAL);
    return lws_http_transaction_completed(wsi) ? -1 : 0;
  }
  if (reason == LWS_CALLBACK_RECEIVE || reason == LWS_CALLBACK_SERVER_WRITEABLE)
    return srv_ws(wsi, reason, user, in, len);
  return lws_callback_http_dummy(wsi, reason, user, in, len);
}

static int srv_ws(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
                  size_t len) {
  switch (reason) {
    case LWS_CALLBACK_RECEIVE: {
      json_t *m = json_loadb(in, len, 0, NULL), *reply;
      const char *method = json_string_value(json_object_get(m, "method"));
      json_int_t id = json_integer_value(json_object_get(m, "id"));
      char *a, *b;
      srv_close_next = method && !strcmp(method, "Close"); /* per connection */
      if (method && !strcmp(method, "Fail"))
        reply = json_pack("{s:I,s:{s:i,s:s}}", "id", id, "error", "code", -32601, "message",
                          "'Fail' wasn't found");
      else
        reply = json_pack("{s:I,s:O}", "id", id, "result", json_object_get(m, "params"));
      {
        json_t *ev = json_pack("{s:s,s:{s:s}}", "method", "Test.seen", "params", "method",
                               method ? method : "");
        a = json_dumps(ev, JSON_COMPACT);
        json_decref(ev);
      }
      b = json_dumps(reply, JSON_COMPACT);
      srv_out_len = (size_t)snprintf(srv_out, sizeof(srv_out), "%s\n%s", a, b);
      free(a);
      free(b);
      json_decref(reply);
      json_decref(m);
      lws_callback_on_writable(wsi);
      break;
    }
    case LWS_CALLBACK_SERVER_WRITEABLE:
      if (srv_close_next) {
        lws_close_reason(wsi, LWS_CLOSE_STATUS_GOINGAWAY, NULL, 0);
        return -1;
      }
      if (srv_out_len) {
        /* Two messages: the event, then the reply (split on the newline). */
        char *nl = memchr(srv_out, '\n', srv_out_len);
        static unsigned char buf[LWS_PRE + (1 << 16)];
        size_t n1 = (size_t)(nl - srv_out), n2 = srv_out_len - n1 - 1;
        memcpy(buf + LWS_PRE, srv_out, n1);
        lws_write(wsi, buf + LWS_PRE, n1, LWS_WRITE_TEXT);
        memcpy(buf + LWS_PRE, nl + 1, n2);
        srv_out_len = 0;
        lws_write(wsi, buf + LWS_PRE, n2, LWS_WRITE_TEXT);
      }
      break;
    default:
      break;
  }
  return 0;
}

static const struct lws_protocols srv_protocols[] = {
    {"http", srv_http, 0, 1 << 16, 0, NULL, 0},
    {NULL, NULL, 0, 0, 0, NULL, 0},
};

static void *srv_main(void *arg) {
  while (!srv_stop)
    if (lws_service(srv_ctx, 0) < 0) break;
  return NULL;
}

static int srv_start(void **state) {
  struct lws_context_creation_info info;
  struct lws_vhost *vh;
  memset(&info, 0, sizeof(info));
  info.port = 0;
  info.iface = "127.0.0.1";
  info.protocols = srv_protocols;
  info.gid = -1;
  info.uid = -1;
  info.options = LWS_SERVER_OPTION_EXPLICIT_VHOSTS | LWS_SERVER_OPTION_DISABLE_OS_CA_CERTS;
  lws_set_log_level(0, NULL);
  srv_ctx = lws_create_context(&info);
  if (!srv_ctx) return -1;
  info.vhost_name = "default";
  vh = lws_create_vhost(srv_ctx, &info);
  if (!vh) return -1;
  srv_port = lws_get_vhost_listen_port(vh);
  return pthread_create(&srv_thread, NULL, srv_main, NULL);
}

static int srv_end(void **state) {
  srv_stop = 1;
  lws_cancel_service(srv_ctx);
  pthread_join(srv_thread, NULL);
  lws_context_destroy(srv_ctx);
  return 0;
}

static void test_live_roundtrip(void **state) {
  char target[64], err[256];
  dr_cdp_t *c = NULL;
  json_t *res = NULL;
  seen_t ev = {0}, cl = {0};
  snprintf(target, sizeof(target), "127.0.0.1:%d", srv_port);
  assert_int_equal(dr_cdp_open(&c, target, NULL, err, sizeof(err)), 0);
  snprintf(target, sizeof(target), "ws://127.0.0.1:%d/t1", srv_port);
  assert_string_equal(dr_cdp_url(c), target);
  dr_cdp_subscribe(c, "Test.seen", on_event, &ev);
  dr_cdp_set_close_cb(c, on_close, &cl);
  assert_int_equal(dr_cdp_call(c, "Echo", json_pack("{s:s}", "x", "héllo"), &res, 5000), 0);
  assert_string_equal(json_string_value(json_object_get(res, "x")), "héllo");
  json_decref(res);
  assert_int_equal(ev.calls, 1); /* the event came before the reply */
  assert_string_equal(ev.text, "Test.seen {\"method\":\"Echo\"}");
  assert_int_equal(dr_cdp_call(c, "Fail", NULL, &res, 5000), DR_EPROTO);
  assert_string_equal(json_string_value(json_object_get(res, "message")), "'Fail' wasn't found");
  json_decref(res);
  assert_non_null(strstr(dr_cdp_last_error(c), "wasn't found"));
  /* The server hangs up: the call fails, the close callback says DR_EOF. */
  assert_true(dr_cdp_call(c, "Close", NULL, &res, 5000) < 0);
  assert_null(res);
  while (cl.calls == 0) dr_cdp_poll(c, 1000);
  assert_int_equal(cl.status, DR_EOF);
  dr_cdp_close(c);
}

typedef struct {
  uv_loop_t *loop;
  int got;
  char x[32];
} uv_seen_t;

static void on_uv_result(dr_cdp_t *c, int status, json_t *result, void *data) {
  uv_seen_t *s = data;
  s->got = status == 0 ? 1 : -1;
  snprintf(s->x, sizeof(s->x), "%s", json_string_value(json_object_get(result, "x")));
  uv_stop(s->loop);
}

static void on_uv_timeout(uv_timer_t *t) {
  uv_stop(t->loop);
}

/* The libuv way: callbacks run inside uv_run, driven by the session's fd. */
static void test_live_uv(void **state) {
  char target[64], err[256];
  dr_cdp_t *c = NULL;
  uv_loop_t loop;
  uv_timer_t timer;
  uv_seen_t seen = {&loop, 0, ""};
  snprintf(target, sizeof(target), "127.0.0.1:%d", srv_port);
  assert_int_equal(dr_cdp_open(&c, target, NULL, err, sizeof(err)), 0);
  assert_int_equal(uv_loop_init(&loop), 0);
  assert_int_equal(dr_cdp_uv_start(c, &loop), 0);
  assert_int_equal(dr_cdp_uv_start(c, &loop), DR_ESTATE);
  uv_timer_init(&loop, &timer);
  uv_timer_start(&timer, on_uv_timeout, 10000, 0); /* a safety net, not a wait */
  assert_true(dr_cdp_send(c, "Echo", json_pack("{s:s}", "x", "via-uv"), on_uv_result, &seen) > 0);
  uv_run(&loop, UV_RUN_DEFAULT);
  assert_int_equal(seen.got, 1);
  assert_string_equal(seen.x, "via-uv");
  dr_cdp_close(c); /* closes its uv_poll_t; the loop must run to free it */
  uv_close((uv_handle_t *)&timer, NULL);
  uv_run(&loop, UV_RUN_DEFAULT);
  assert_int_equal(uv_loop_close(&loop), 0);
}

static void test_live_errors(void **state) {
  char err[256];
  dr_cdp_t *c = (dr_cdp_t *)1;
  assert_int_equal(dr_cdp_open(&c, "bogus target!", NULL, err, sizeof(err)), DR_EUSAGE);
  assert_null(c);
  assert_true(dr_cdp_open(&c, "127.0.0.1:1", NULL, err, sizeof(err)) < 0);
  assert_non_null(strstr(err, "cannot connect to 127.0.0.1:1"));
}
#endif

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_parse_target),   cmocka_unit_test(test_http_response),
      cmocka_unit_test(test_pick_target),    cmocka_unit_test(test_detached_dispatch),
      cmocka_unit_test(test_exception_text),
  };
  int r = cmocka_run_group_tests(tests, NULL, NULL);
#ifdef DR_HAVE_LWS
  const struct CMUnitTest live[] = {
      cmocka_unit_test(test_live_roundtrip),
      cmocka_unit_test(test_live_uv),
      cmocka_unit_test(test_live_errors),
  };
  r |= cmocka_run_group_tests(live, srv_start, srv_end);
#endif
  return r;
}
