/* insp_http.c — unit tests for the inspector's HTTP rules (inspector/
 * insp_http.c): Node's Host-header guard, /json routing, the discovery
 * documents field for field, WebSocket path matching, address parsing and
 * the UUID. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "insp.h"

#define ALLOWED(s) insp_host_allowed(s, strlen(s))

static void test_host_guard(void **state) {
  /* accepted, as Node */
  assert_true(ALLOWED(""));
  assert_true(ALLOWED("localhost"));
  assert_true(ALLOWED("LOCALHOST:9229"));
  assert_true(ALLOWED("127.0.0.1"));
  assert_true(ALLOWED("127.0.0.1:9229"));
  assert_true(ALLOWED("192.168.1.20:80"));
  assert_true(ALLOWED("[::1]"));
  assert_true(ALLOWED("[::1]:9229"));
  assert_true(ALLOWED("[fe80::1]:9229"));
  /* refused: DNS names (rebinding), bad literals */
  assert_false(ALLOWED("evil.example"));
  assert_false(ALLOWED("evil.example:9229"));
  assert_false(ALLOWED("localhost.evil.example"));
  assert_false(ALLOWED("127.0.0.1.nip.io"));
  assert_false(ALLOWED("0.0.0.0"));
  assert_false(ALLOWED("0.1.2.3:9229"));
  assert_false(ALLOWED("127.1"));
  assert_false(ALLOWED("127.0.0.256"));
  assert_false(ALLOWED("0x7f.0.0.1"));
  assert_false(ALLOWED("1.2.3.4.5"));
  assert_false(ALLOWED("[::]"));
  assert_false(ALLOWED("[::]:9229"));
  assert_false(ALLOWED("[fe80::1%eth0]"));
  assert_false(ALLOWED("[not-v6]"));
  assert_false(ALLOWED("::1"));
  assert_false(insp_host_allowed("127.0.0.1\0evil", 14));
}

static void test_routes(void **state) {
  const char *arg;
  size_t n;
#define R(p) insp_http_route(p, strlen(p), &arg, &n)
  assert_int_equal(R("/json"), INSP_ROUTE_LIST);
  assert_int_equal(R("/json/"), INSP_ROUTE_LIST);
  assert_int_equal(R("/JSON/List"), INSP_ROUTE_LIST);
  assert_int_equal(R("/json/list?x=1"), INSP_ROUTE_LIST);
  assert_int_equal(R("/json/version"), INSP_ROUTE_VERSION);
  assert_int_equal(R("/json/protocol/"), INSP_ROUTE_PROTOCOL);
  assert_int_equal(R("/json/activate/abc"), INSP_ROUTE_ACTIVATE);
  assert_int_equal(n, 3);
  assert_memory_equal(arg, "abc", 3);
  assert_int_equal(R("/"), INSP_ROUTE_BAD);
  assert_int_equal(R("/json/new"), INSP_ROUTE_BAD);
  assert_int_equal(R("/jsonx"), INSP_ROUTE_BAD);
  assert_int_equal(R(""), INSP_ROUTE_BAD);
#undef R
  const char *id = "0f8b6c4e-1d2a-4b3c-8d9e-0a1b2c3d4e5f";
  assert_true(insp_ws_path_matches("/0f8b6c4e-1d2a-4b3c-8d9e-0a1b2c3d4e5f", 37, id));
  assert_false(insp_ws_path_matches("/0f8b6c4e-1d2a-4b3c-8d9e-0a1b2c3d4e5", 36, id));
  assert_false(insp_ws_path_matches("/x", 2, id));
  assert_false(insp_ws_path_matches("/", 1, id));
}

static void test_list_json(void **state) {
  insp_target_t t = {"abcd-1234", "/srv/app.js", "file:///srv/app.js", "node.js/v20.20.2"};
  char *s = insp_http_list_json(&t, "127.0.0.1:9229");
  json_t *a = json_loads(s, 0, NULL);
  free(s);
  assert_non_null(a);
  assert_int_equal(json_array_size(a), 1);
  json_t *o = json_array_get(a, 0);
  assert_int_equal(json_object_size(o), 9);
#define S(k) json_string_value(json_object_get(o, k))
  assert_string_equal(S("description"), "node.js instance");
  assert_string_equal(S("devtoolsFrontendUrl"),
                      "devtools://devtools/bundled/"
                      "js_app.html?experiments=true&v8only=true&ws=127.0.0.1:9229/abcd-1234");
  assert_string_equal(S("devtoolsFrontendUrlCompat"),
                      "devtools://devtools/bundled/"
                      "inspector.html?experiments=true&v8only=true&ws=127.0.0.1:9229/abcd-1234");
  assert_string_equal(S("faviconUrl"), "https://nodejs.org/static/images/favicons/favicon.ico");
  assert_string_equal(S("id"), "abcd-1234");
  assert_string_equal(S("title"), "/srv/app.js");
  assert_string_equal(S("type"), "node");
  assert_string_equal(S("url"), "file:///srv/app.js");
  assert_string_equal(S("webSocketDebuggerUrl"), "ws://127.0.0.1:9229/abcd-1234");
#undef S
  json_decref(a);
  s = insp_http_version_json(&t);
  o = json_loads(s, 0, NULL);
  free(s);
  assert_string_equal(json_string_value(json_object_get(o, "Browser")), "node.js/v20.20.2");
  assert_string_equal(json_string_value(json_object_get(o, "Protocol-Version")), "1.1");
  json_decref(o);
}

static void test_protocol_json(void **state) {
  json_error_t e;
  json_t *p = json_loadb(insp_protocol_json, insp_protocol_json_len, 0, &e);
  assert_non_null(p);
  json_t *domains = json_object_get(p, "domains");
  size_t i;
  json_t *d;
  int seen = 0;
  json_array_foreach(domains, i, d) {
    const char *n = json_string_value(json_object_get(d, "domain"));
    if (!strcmp(n, "Runtime") || !strcmp(n, "Debugger") || !strcmp(n, "HeapProfiler") ||
        !strcmp(n, "Profiler") || !strcmp(n, "NodeWorker") || !strcmp(n, "NodeRuntime"))
      seen++;
  }
  assert_int_equal(seen, 6);
  json_decref(p);
}

static void test_hostport(void **state) {
  char host[64] = "127.0.0.1";
  int port = 9229;
  assert_int_equal(insp_parse_hostport("9333", host, sizeof host, &port), 0);
  assert_string_equal(host, "127.0.0.1");
  assert_int_equal(port, 9333);
  assert_int_equal(insp_parse_hostport("0.0.0.0:4000", host, sizeof host, &port), 0);
  assert_string_equal(host, "0.0.0.0");
  assert_int_equal(port, 4000);
  assert_int_equal(insp_parse_hostport("[::1]:0", host, sizeof host, &port), 0);
  assert_string_equal(host, "::1");
  assert_int_equal(port, 0);
  assert_int_equal(insp_parse_hostport("localhost", host, sizeof host, &port), 0);
  assert_string_equal(host, "localhost");
  assert_int_equal(port, 0);
  assert_true(insp_parse_hostport("80", host, sizeof host, &port) < 0); /* < 1024 */
  assert_true(insp_parse_hostport("70000", host, sizeof host, &port) < 0);
  assert_true(insp_parse_hostport("h:", host, sizeof host, &port) < 0);
  assert_true(insp_parse_hostport("::1:9229", host, sizeof host, &port) < 0);
  assert_true(insp_parse_hostport("[::1", host, sizeof host, &port) < 0);
  assert_true(insp_host_is_loopback("127.0.0.1"));
  assert_true(insp_host_is_loopback("127.9.9.9"));
  assert_true(insp_host_is_loopback("::1"));
  assert_false(insp_host_is_loopback("0.0.0.0"));
  assert_false(insp_host_is_loopback("10.0.0.1"));
  char hp[64];
  insp_format_hostport(hp, sizeof hp, "::1", 9229);
  assert_string_equal(hp, "[::1]:9229");
}

static void test_uuid(void **state) {
  char a[37], b[37];
  assert_int_equal(insp_uuid(a), 0);
  assert_int_equal(insp_uuid(b), 0);
  assert_int_equal(strlen(a), 36);
  assert_string_not_equal(a, b);
  assert_int_equal(a[14], '4'); /* version 4 */
  assert_true(strchr("89ab", a[19]) != NULL);
  assert_true(a[8] == '-' && a[13] == '-' && a[18] == '-' && a[23] == '-');
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_host_guard), cmocka_unit_test(test_routes),
      cmocka_unit_test(test_list_json),  cmocka_unit_test(test_protocol_json),
      cmocka_unit_test(test_hostport),   cmocka_unit_test(test_uuid),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
