/* insp.h — internal header of the inspector part (inspector/), prototypes
 * grouped by file.
 *
 * The part has three layers:
 *   insp_http.c    pure functions: Host-header check, request routing, the
 *                  discovery JSON (/json/list, /json/version) — no I/O, so
 *                  they are unit-tested and fuzzed directly;
 *   insp_server.c  the I/O thread: a libwebsockets server (HTTP discovery +
 *                  WebSocket sessions) with thread-safe send/close, used by
 *                  devrun-js's agent and by the devrun-inspect bridge alike;
 *   insp_agent.c   devrun-js only: the JS-thread side (message queue, the
 *                  three wake-ups, sessions over engine_inspector.h, the
 *                  --inspect* options, break on start, SIGUSR1).
 * bridge.c is the devrun-inspect daemon (insp_server + lib/cdp.h upstream).
 */
#ifndef DEVRUN_INSP_H
#define DEVRUN_INSP_H

#include <stdbool.h>
#include <stddef.h>

/* ---- insp_http.c ---- */

/* Node's DNS-rebinding guard: true when the Host header value is acceptable
 * (empty, "localhost", a strict dotted-decimal IPv4 not in 0.0.0.0/8, or a
 * bracketed IPv6 literal other than [::] without a zone), with an optional
 * :port.  `host` need not be NUL-terminated. */
bool insp_host_allowed(const char *host, size_t len);

typedef enum {
  INSP_ROUTE_BAD = 0,  /* 400 "WebSockets request was expected" */
  INSP_ROUTE_LIST,     /* /json and /json/list */
  INSP_ROUTE_VERSION,  /* /json/version */
  INSP_ROUTE_PROTOCOL, /* /json/protocol */
  INSP_ROUTE_ACTIVATE, /* /json/activate/<id> */
} insp_route_t;

/* Routes an HTTP GET path (case-insensitive, trailing slash allowed, query
 * ignored) as Node does.  For ACTIVATE, *arg and *arglen point at the id. */
insp_route_t insp_http_route(const char *path, size_t len, const char **arg, size_t *arglen);

/* True when `path` ("/<id>", query ignored) names the target `id`. */
bool insp_ws_path_matches(const char *path, size_t len, const char *id);

typedef struct insp_target_s {
  const char *id;      /* UUID */
  const char *title;   /* script path or "devrun-js[pid]" */
  const char *url;     /* file:///... or "" */
  const char *browser; /* "node.js/v20.20.2-devrun.0.1.0" */
} insp_target_t;

/* The /json/list body for `target` as seen through `hostport` (the Host
 * header, else the listening address).  Returns a malloc'd string. */
char *insp_http_list_json(const insp_target_t *target, const char *hostport);
/* The /json/version body.  Returns a malloc'd string. */
char *insp_http_version_json(const insp_target_t *target);

/* Formats host:port ("[::1]:9229" for IPv6) into buf. */
void insp_format_hostport(char *buf, size_t len, const char *host, int port);
/* Parses "[host:]port" / "host" / "[v6]:port" into host (cap bytes) and
 * port; fields not given are left as they are.  Returns 0 or DR_EUSAGE. */
int insp_parse_hostport(const char *s, char *host, size_t cap, int *port);
/* True for 127.0.0.0/8, ::1 and "localhost". */
bool insp_host_is_loopback(const char *host);
/* Fills buf (37 bytes) with a random v4 UUID from the OS CSPRNG. */
int insp_uuid(char buf[37]);

/* ---- insp_protocol_gen.c (generated from the .pdl files) ---- */
extern const char insp_protocol_json[];
extern const size_t insp_protocol_json_len;

/* ---- insp_server.c ---- */

typedef struct insp_server_s insp_server_t;

/* Callbacks run on the server's I/O thread. */
typedef struct insp_server_cbs_s {
  /* A WebSocket session opened (session > 0).  Return nonzero to refuse. */
  int (*on_open)(insp_server_t *s, int session, void *data);
  void (*on_message)(insp_server_t *s, int session, const char *msg, size_t len, void *data);
  void (*on_close)(insp_server_t *s, int session, void *data);
  void *data;
} insp_server_cbs_t;

typedef struct insp_server_options_s {
  const char *host; /* "127.0.0.1" when NULL */
  int port;         /* 0: a free port */
  insp_target_t target;
  bool http_discovery; /* serve /json*; false with --inspect-publish-uid=stderr */
} insp_server_options_t;

/* Binds and starts the I/O thread.  On failure writes a message such as
 * "address already in use" to err and returns a negative code. */
int insp_server_start(insp_server_t **out, const insp_server_options_t *opt,
                      const insp_server_cbs_t *cbs, char *err, size_t errlen);
int insp_server_port(const insp_server_t *s);
const char *insp_server_host(const insp_server_t *s);
/* Thread-safe: queues a text frame for a session (copied). */
int insp_server_send(insp_server_t *s, int session, const char *msg, size_t len);
/* Thread-safe: closes one session with a close frame. */
void insp_server_close_session(insp_server_t *s, int session);
/* Thread-safe: changes the title and url /json/list reports (NULL keeps). */
void insp_server_set_target(insp_server_t *s, const char *title, const char *url);
/* Thread-safe: number of open WebSocket sessions. */
int insp_server_sessions(insp_server_t *s);
/* Closes every session, stops the thread and frees the server. */
void insp_server_stop(insp_server_t *s);

#endif
