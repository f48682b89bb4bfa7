/* insp_http.c — the inspector's HTTP rules, as Node serves them: the Host
 * header guard, routing of /json*, and the discovery documents.
 *
 * Pure functions with no I/O so that test/unit/insp_http.c and the fuzz
 * target test/fuzz/inspector_http.c reach them directly.  The server
 * (insp_server.c) calls them for every request and every upgrade.
 *
 * The Host rule is Node's after CVE-2018-7160/CVE-2022-32212/CVE-2022-43548:
 * accept an empty header, "localhost" (any case) or an IP literal — strict
 * dotted decimal IPv4 outside 0.0.0.0/8, or a bracketed IPv6 literal that
 * is not "::" and has no zone — each optionally followed by ":port".
 * Anything else (a DNS name an attacker's page could rebind) gets 400.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "devrun/err.h"
#include "devrun/util.h"
#include "insp.h"

static bool ipv4_strict(const char *s, size_t len) {
  /* four decimal parts 0-255, no leading '+', no empty parts, first != 0 */
  int parts = 0;
  size_t i = 0;
  int first = -1;
  while (parts < 4) {
    size_t start = i;
    int v = 0;
    while (i < len && isdigit((unsigned char)s[i])) {
      v = v * 10 + (s[i] - '0');
      if (v > 255) return false;
      i++;
    }
    if (i == start || i - start > 3) return false;
    if (parts == 0) first = v;
    parts++;
    if (parts < 4) {
      if (i >= len || s[i] != '.') return false;
      i++;
    }
  }
  return i == len && first != 0;
}

static bool ipv6_literal(const char *s, size_t len) {
  /* s is "[...]" */
  char buf[64];
  unsigned char addr[16];
  if (len < 4 || s[0] != '[' || s[len - 1] != ']') return false;
  if (len - 2 >= sizeof(buf)) return false;
  memcpy(buf, s + 1, len - 2);
  buf[len - 2] = 0;
  if (memchr(buf, '%', len - 2)) return false;
  if (inet_pton(AF_INET6, buf, addr) != 1) return false;
  for (int i = 0; i < 16; i++)
    if (addr[i]) return true;
  return false; /* "::" */
}

bool insp_host_allowed(const char *host, size_t len) {
  if (memchr(host, 0, len)) return false;
  /* trim ":port" unless the last colon is inside brackets */
  const char *colon = NULL, *bracket = NULL;
  for (size_t i = len; i > 0; i--) {
    if (!colon && host[i - 1] == ':') colon = host + i - 1;
    if (!bracket && host[i - 1] == ']') bracket = host + i - 1;
  }
  size_t n = len;
  if (colon && (!bracket || colon > bracket)) n = (size_t)(colon - host);
  if (n == 0) return true;
  if (n == 9 && !strncasecmp(host, "localhost", 9)) return true;
  if (host[0] == '[') return ipv6_literal(host, n);
  return ipv4_strict(host, n);
}

static bool seg_eq(const char *p, size_t n, const char *lit) {
  return strlen(lit) == n && !strncasecmp(p, lit, n);
}

insp_route_t insp_http_route(const char *path, size_t len, const char **arg, size_t *arglen) {
  const char *q = memchr(path, '?', len);
  if (q) len = (size_t)(q - path);
  if (len && path[len - 1] == '/') len--;
  if (arg) *arg = NULL;
  if (arglen) *arglen = 0;
  if (seg_eq(path, len, "/json") || seg_eq(path, len, "/json/list")) return INSP_ROUTE_LIST;
  if (seg_eq(path, len, "/json/version")) return INSP_ROUTE_VERSION;
  if (seg_eq(path, len, "/json/protocol")) return INSP_ROUTE_PROTOCOL;
  if (len > 15 && !strncasecmp(path, "/json/activate/", 15)) {
    if (arg) *arg = path + 15;
    if (arglen) *arglen = len - 15;
    return INSP_ROUTE_ACTIVATE;
  }
  return INSP_ROUTE_BAD;
}

bool insp_ws_path_matches(const char *path, size_t len, const char *id) {
  const char *q = memchr(path, '?', len);
  if (q) len = (size_t)(q - path);
  size_t n = strlen(id);
  return len == n + 1 && path[0] == '/' && !memcmp(path + 1, id, n);
}

static char *dump(json_t *j) {
  char *s = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  json_decref(j);
  if (!s) dr_oom();
  return s;
}

char *insp_http_list_json(const insp_target_t *t, const char *hostport) {
  char buf[1024];
  json_t *o = json_object();
  json_object_set_new(o, "description", json_string("node.js instance"));
  snprintf(buf, sizeof buf,
           "devtools://devtools/bundled/js_app.html?experiments=true&v8only=true&ws=%s/%s",
           hostport, t->id);
  json_object_set_new(o, "devtoolsFrontendUrl", json_string(buf));
  snprintf(buf, sizeof buf,
           "devtools://devtools/bundled/inspector.html?experiments=true&v8only=true&ws=%s/%s",
           hostport, t->id);
  json_object_set_new(o, "devtoolsFrontendUrlCompat", json_string(buf));
  json_object_set_new(o, "faviconUrl",
                      json_string("https://nodejs.org/static/images/favicons/favicon.ico"));
  json_object_set_new(o, "id", json_string(t->id));
  json_object_set_new(o, "title", json_string(t->title ? t->title : ""));
  json_object_set_new(o, "type", json_string("node"));
  json_object_set_new(o, "url", json_string(t->url ? t->url : ""));
  snprintf(buf, sizeof buf, "ws://%s/%s", hostport, t->id);
  json_object_set_new(o, "webSocketDebuggerUrl", json_string(buf));
  json_t *a = json_array();
  json_array_append_new(a, o);
  return dump(a);
}

char *insp_http_version_json(const insp_target_t *t) {
  json_t *o = json_object();
  json_object_set_new(o, "Browser", json_string(t->browser));
  json_object_set_new(o, "Protocol-Version", json_string("1.1"));
  return dump(o);
}

void insp_format_hostport(char *buf, size_t len, const char *host, int port) {
  snprintf(buf, len, strchr(host, ':') ? "[%s]:%d" : "%s:%d", host, port);
}

static int parse_port(const char *s, int *port) {
  char *end;
  if (!*s) return DR_EUSAGE;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno || *end || v < 0 || v > 65535) return DR_EUSAGE;
  if (v > 0 && v < 1024) return DR_EUSAGE; /* Node: must be 0 or in 1024-65535 */
  *port = (int)v;
  return 0;
}

int insp_parse_hostport(const char *s, char *host, size_t cap, int *port) {
  if (!s || !*s) return 0;
  if (s[0] == '[') { /* [v6] or [v6]:port */
    const char *rb = strchr(s, ']');
    if (!rb || (size_t)(rb - s - 1) >= cap || rb == s + 1) return DR_EUSAGE;
    if (rb[1] && rb[1] != ':') return DR_EUSAGE;
    if (rb[1] == ':' && parse_port(rb + 2, port) < 0) return DR_EUSAGE;
    memcpy(host, s + 1, (size_t)(rb - s - 1));
    host[rb - s - 1] = 0;
    return 0;
  }
  const char *colon = strrchr(s, ':');
  if (colon) {
    if (strchr(s, ':') != colon) return DR_EUSAGE; /* bare IPv6 needs brackets */
    if ((size_t)(colon - s) >= cap || colon == s) return DR_EUSAGE;
    if (parse_port(colon + 1, port) < 0) return DR_EUSAGE;
    memcpy(host, s, (size_t)(colon - s));
    host[colon - s] = 0;
    return 0;
  }
  bool digits = true;
  for (const char *p = s; *p; p++)
    if (!isdigit((unsigned char)*p)) digits = false;
  if (digits) return parse_port(s, port);
  if (strlen(s) >= cap) return DR_EUSAGE;
  strcpy(host, s);
  return 0;
}

bool insp_host_is_loopback(const char *host) {
  if (!strcasecmp(host, "localhost") || !strcmp(host, "::1")) return true;
  struct in_addr a;
  if (inet_pton(AF_INET, host, &a) == 1) return (ntohl(a.s_addr) >> 24) == 127;
  return false;
}

int insp_uuid(char out[37]) {
  unsigned char b[16];
  size_t got = 0;
  while (got < sizeof b) {
    ssize_t n = getrandom(b + got, sizeof b - got, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return -errno;
    }
    got += (size_t)n;
  }
  b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
  b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
  snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0],
           b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
           b[15]);
  return 0;
}
