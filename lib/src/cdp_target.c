/* cdp_target.c — where a CDP session connects to.
 *
 * Turns the user's target string ("9229", "host:9229", "[::1]:9229",
 * "ws://host:port/uuid") into host/port/path, and for host:port asks the
 * target's HTTP endpoint GET /json/list which WebSocket URL to use, the way
 * `node inspect` and VS Code do.  The HTTP client is deliberately tiny:
 * one request, "Connection: close", read to EOF or Content-Length.  The
 * response parser and the target picker are fuzzed (test/fuzz/cdp_message).
 */
#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>
#include <fcntl.h>

#include <jansson.h>

#include "cdp_int.h"
#include "devrun/buf.h"
#include "devrun/err.h"
#include "devrun/util.h"

static int parse_port(const char *s, size_t n) {
  int port = 0;
  if (n == 0 || n > 5) return -1;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return -1;
    port = port * 10 + (s[i] - '0');
  }
  return port >= 1 && port <= 65535 ? port : -1;
}

/* "host:port", "[v6]:port", "port" (host defaults to 127.0.0.1), "host". */
static int parse_hostport(const char *s, size_t n, dr__cdp_target_t *t, int default_port) {
  const char *colon;
  if (n == 0) return DR_EUSAGE;
  if (s[0] == '[') {
    const char *end = memchr(s, ']', n);
    if (!end || (size_t)(end - s - 1) >= sizeof(t->host) || end == s + 1) return DR_EUSAGE;
    memcpy(t->host, s + 1, end - s - 1);
    t->host[end - s - 1] = '\0';
    if (end + 1 == s + n) {
      t->port = default_port;
    } else {
      if (end[1] != ':') return DR_EUSAGE;
      t->port = parse_port(end + 2, s + n - end - 2);
    }
  } else {
    colon = memchr(s, ':', n);
    if (!colon) {
      int p = parse_port(s, n);
      if (strspn(s, "0123456789") >= n) { /* all digits: a port */
        if (p <= 0) return DR_EUSAGE;
        snprintf(t->host, sizeof(t->host), "127.0.0.1");
        t->port = p;
        return 0;
      }
      if (n >= sizeof(t->host)) return DR_EUSAGE;
      memcpy(t->host, s, n);
      t->host[n] = '\0';
      t->port = default_port;
    } else {
      if (colon == s || (size_t)(colon - s) >= sizeof(t->host)) return DR_EUSAGE;
      memcpy(t->host, s, colon - s);
      t->host[colon - s] = '\0';
      t->port = parse_port(colon + 1, s + n - colon - 1);
    }
  }
  if (t->port <= 0) return DR_EUSAGE;
  for (const char *p = t->host; *p; p++)
    if ((unsigned char)*p <= ' ' || *p == '/' || *p == '@') return DR_EUSAGE;
  return 0;
}

int dr__cdp_parse_target(const char *s, dr__cdp_target_t *t) {
  memset(t, 0, sizeof(*t));
  if (!s) return DR_EUSAGE;
  if (strncasecmp(s, "ws://", 5) == 0) {
    const char *hp = s + 5;
    const char *slash = strchr(hp, '/');
    size_t n = slash ? (size_t)(slash - hp) : strlen(hp);
    int r = parse_hostport(hp, n, t, 80);
    if (r < 0) return r;
    if (slash) {
      if (strlen(slash) >= sizeof(t->path)) return DR_EUSAGE;
      snprintf(t->path, sizeof(t->path), "%s", slash);
    } else {
      snprintf(t->path, sizeof(t->path), "/");
    }
    for (const char *p = t->path; *p; p++)
      if ((unsigned char)*p <= ' ') return DR_EUSAGE;
    t->is_ws = 1;
    return 0;
  }
  if (strstr(s, "://")) return DR_EUNSUPPORTED; /* wss://, http:// ... */
  return parse_hostport(s, strlen(s), t, 9229);
}

int dr__http_parse_response(const char *buf, size_t len, int *status, const char **body,
                            size_t *bodylen) {
  const char *p = buf, *end = buf + len, *hdr_end = NULL;
  long clen = -1;
  for (const char *q = buf; q + 3 < end; q++)
    if (q[0] == '\r' && q[1] == '\n' && q[2] == '\r' && q[3] == '\n') {
      hdr_end = q;
      break;
    }
  if (!hdr_end) return DR_ETRUNC;
  if (len < 12 || memcmp(p, "HTTP/1.", 7) != 0 || p[8] != ' ') return DR_EPROTO;
  if (p[9] < '1' || p[9] > '5' || p[10] < '0' || p[10] > '9' || p[11] < '0' || p[11] > '9')
    return DR_EPROTO;
  *status = (p[9] - '0') * 100 + (p[10] - '0') * 10 + (p[11] - '0');
  /* Headers: only Content-Length matters. */
  p = memchr(p, '\n', hdr_end - p);
  while (p && p < hdr_end) {
    const char *line = p + 1;
    const char *eol = memchr(line, '\n', hdr_end + 2 - line);
    if (!eol) break;
    if (eol - line > 15 && strncasecmp(line, "content-length:", 15) == 0) {
      const char *v = line + 15;
      clen = 0;
      while (v < eol && (*v == ' ' || *v == '\t')) v++;
      if (v >= eol || *v < '0' || *v > '9') return DR_EPROTO;
      while (v < eol && *v >= '0' && *v <= '9') {
        clen = clen * 10 + (*v++ - '0');
        if (clen > (1L << 30)) return DR_ETOOBIG;
      }
    }
    p = eol;
  }
  *body = hdr_end + 4;
  *bodylen = end - *body;
  if (clen >= 0) {
    if ((size_t)clen > *bodylen) return DR_ETRUNC;
    *bodylen = (size_t)clen;
  }
  return 0;
}

int dr__cdp_pick_target(const char *body, size_t len, char **ws_url) {
  json_error_t jerr;
  json_t *arr = json_loadb(body, len, 0, &jerr), *pick = NULL, *v;
  size_t i;
  int r = DR_EPROTO;
  *ws_url = NULL;
  if (!arr) return DR_EPROTO;
  if (json_is_object(arr)) { /* /json/version shape */
    pick = arr;
  } else if (json_is_array(arr)) {
    json_array_foreach(arr, i, v) {
      const char *type = json_string_value(json_object_get(v, "type"));
      if (!json_is_string(json_object_get(v, "webSocketDebuggerUrl"))) continue;
      if (type && (!strcmp(type, "node") || !strcmp(type, "page"))) {
        pick = v;
        break;
      }
      if (!pick) pick = v;
    }
  }
  if (pick) {
    const char *u = json_string_value(json_object_get(pick, "webSocketDebuggerUrl"));
    if (u && strncasecmp(u, "ws://", 5) == 0) {
      *ws_url = dr_strdup(u);
      r = 0;
    } else if (u) {
      r = DR_EUNSUPPORTED;
    } else {
      r = DR_ENOENT;
    }
  } else {
    r = DR_ENOENT;
  }
  json_decref(arr);
  return r;
}

/* Connects a TCP socket with a deadline; returns fd or negative code. */
static int tcp_connect(const char *host, int port, int timeout_ms) {
  struct addrinfo hints = {0}, *res = NULL, *ai;
  char portstr[16];
  int fd = -1, r = DR_ECONNREFUSED;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_family = AF_UNSPEC;
  snprintf(portstr, sizeof(portstr), "%d", port);
  if (getaddrinfo(host, portstr, &hints, &res) != 0) return DR_ENOENT;
  for (ai = res; ai; ai = ai->ai_next) {
    fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, ai->ai_protocol);
    if (fd < 0) continue;
    if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) break;
    if (errno == EINPROGRESS) {
      struct pollfd pfd = {fd, POLLOUT, 0};
      int err = 0;
      socklen_t el = sizeof(err);
      if (poll(&pfd, 1, timeout_ms) == 1 && getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &el) == 0 &&
          err == 0)
        break;
      r = err ? -err : DR_ETIMEDOUT;
    } else {
      r = -errno;
    }
    close(fd);
    fd = -1;
  }
  freeaddrinfo(res);
  return fd >= 0 ? fd : r;
}

int dr_cdp_discover(const char *hostport, int timeout_ms, char **ws_url, char *errbuf,
                    size_t errlen) {
  dr__cdp_target_t t;
  dr_buf_t req = DR_BUF_INIT, resp = DR_BUF_INIT;
  int fd = -1, r, status = 0;
  const char *body;
  size_t bodylen, off = 0;
  double deadline;
  char hostfmt[300];
  *ws_url = NULL;
  if (timeout_ms <= 0) timeout_ms = 5000;
  deadline = dr_now_ms() + timeout_ms;
  r = dr__cdp_parse_target(hostport, &t);
  if (r < 0 || t.is_ws) {
    if (errbuf) snprintf(errbuf, errlen, "bad target '%s'", hostport);
    return r < 0 ? r : DR_EUSAGE;
  }
  snprintf(hostfmt, sizeof(hostfmt), strchr(t.host, ':') ? "[%s]:%d" : "%s:%d", t.host, t.port);
  fd = tcp_connect(t.host, t.port, timeout_ms);
  if (fd < 0) {
    r = fd;
    if (errbuf) snprintf(errbuf, errlen, "cannot connect to %s: %s", hostfmt, dr_strerror(r));
    goto out;
  }
  dr_buf_addf(&req, "GET /json/list HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", hostfmt);
  while (off < req.len) {
    ssize_t n = send(fd, req.buf + off, req.len - off, MSG_NOSIGNAL);
    if (n < 0 && errno == EAGAIN) {
      struct pollfd pfd = {fd, POLLOUT, 0};
      poll(&pfd, 1, 100);
      if (dr_now_ms() > deadline) {
        r = DR_ETIMEDOUT;
        goto fail;
      }
      continue;
    }
    if (n < 0) {
      r = -errno;
      goto fail;
    }
    off += (size_t)n;
  }
  for (;;) {
    struct pollfd pfd = {fd, POLLIN, 0};
    int left = (int)(deadline - dr_now_ms());
    ssize_t n;
    if (left <= 0) {
      r = DR_ETIMEDOUT;
      goto fail;
    }
    if (poll(&pfd, 1, left) <= 0) continue;
    dr_buf_grow(&resp, 4096);
    n = recv(fd, resp.buf + resp.len, 4096, 0);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
    if (n < 0) {
      r = -errno;
      goto fail;
    }
    if (n == 0) break;
    dr_buf_setlen(&resp, resp.len + (size_t)n);
    if (resp.len > (4u << 20)) {
      r = DR_ETOOBIG;
      goto fail;
    }
    if (dr__http_parse_response(resp.buf, resp.len, &status, &body, &bodylen) == 0) break;
  }
  r = dr__http_parse_response(resp.buf, resp.len, &status, &body, &bodylen);
  if (r < 0) goto fail;
  if (status != 200) {
    r = DR_EPROTO;
    if (errbuf) snprintf(errbuf, errlen, "%s answered HTTP %d to /json/list", hostfmt, status);
    goto out;
  }
  r = dr__cdp_pick_target(body, bodylen, ws_url);
  if (r < 0 && errbuf)
    snprintf(errbuf, errlen, "%s: %s", hostfmt,
             r == DR_ENOENT ? "no inspector target in /json/list" : "malformed /json/list reply");
  goto out;
fail:
  if (errbuf) snprintf(errbuf, errlen, "%s: /json/list: %s", hostfmt, dr_strerror(r));
out:
  if (fd >= 0) close(fd);
  dr_buf_release(&req);
  dr_buf_release(&resp);
  return r;
}
