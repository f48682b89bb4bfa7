/* cdp.h — a Chrome DevTools Protocol client over WebSocket.
 *
 * Talks to any inspector target: devrun-js --inspect, the devrun-inspect
 * bridge, Node (`node --inspect`), Chrome.  Used by devrun-repl and by the
 * inspector bridge.
 *
 * Model.  A dr_cdp_t is one WebSocket session.  Network I/O runs on a private
 * service thread (libwebsockets); everything the caller sees — result
 * callbacks, event callbacks, the close callback — runs on the *caller's*
 * thread, inside dr_cdp_poll() or dr_cdp_call() or, after dr_cdp_uv_start(),
 * inside the caller's libuv loop.  So a dr_cdp_t is used from one thread,
 * like a libuv handle, and callbacks never race with the caller.
 *
 * Three ways to drive it:
 *   - blocking:   dr_cdp_call(c, "Runtime.evaluate", params, &result, 5000)
 *                 waits for the reply, dispatching events meanwhile;
 *   - own loop:   poll(2) on dr_cdp_fd(c) (readable when messages are
 *                 pending), then dr_cdp_poll(c, 0);
 *   - libuv:      dr_cdp_uv_start(c, loop) and use dr_cdp_send() callbacks.
 *
 * Targets (dr_cdp_open): "9229", "host:9229", "[::1]:9229" are discovered
 * through HTTP GET /json/list (the first target of type "node" or "page",
 * else the first one); "ws://host:port/path" connects directly.
 *
 * Ownership.  JSON values are jansson's json_t.  `params` passed to a send
 * function is stolen (the client decrefs it), NULL means {}.  A `json_t *`
 * handed to a callback is borrowed for the duration of the callback
 * (json_incref it to keep it).  A result returned through dr_cdp_call's
 * `*result` is the caller's (json_decref it).
 *
 * Errors.  Functions return >= 0 or a negative DR_E* code: DR_ECONNREFUSED,
 * DR_ETIMEDOUT, DR_EPROTO (the target answered with an error object, or
 * sent something that is not CDP), DR_EOF (the session is closed),
 * DR_ECANCELED (a pending request was dropped because the session closed),
 * DR_EUNSUPPORTED (built without libwebsockets).  dr_cdp_last_error()
 * gives a human message for the most recent failure on the session.
 */
#ifndef DEVRUN_CDP_H
#define DEVRUN_CDP_H

#include <jansson.h>
#include <stddef.h>
#include <uv.h>

typedef struct dr_cdp_s dr_cdp_t;

/* Called once per request.  status == 0: `result` is the reply's "result"
 * object.  status == DR_EPROTO: `result` is the reply's "error" object
 * ({code, message, data?}).  status == DR_ECANCELED/DR_EOF: the session
 * closed before the reply came; `result` is NULL. */
typedef void (*dr_cdp_result_cb)(dr_cdp_t *c, int status, json_t *result, void *data);

/* Called for each event whose method matches the subscription. */
typedef void (*dr_cdp_event_cb)(dr_cdp_t *c, const char *method, json_t *params, void *data);

/* Called once when the session ends (the peer closed, the connection broke,
 * or dr_cdp_close()).  `status` is 0 for a clean close by us, DR_EOF when
 * the peer went away. */
typedef void (*dr_cdp_close_cb)(dr_cdp_t *c, int status, void *data);

/* Sees every incoming text message before dispatch (for proxies such as the
 * inspector bridge).  Return nonzero to consume it (no further dispatch). */
typedef int (*dr_cdp_raw_cb)(dr_cdp_t *c, const char *msg, size_t len, void *data);

typedef struct dr_cdp_options_s {
  int connect_timeout_ms; /* 0: 5000 */
  size_t max_message;     /* largest accepted incoming message; 0: 256 MiB */
} dr_cdp_options_t;

/* Connects to `target` (see above) and blocks until the WebSocket is open or
 * fails.  On success *out is a new session (free with dr_cdp_close()).  On
 * failure *out is NULL and, when errbuf is not NULL, a message is written
 * there ("cannot connect to 127.0.0.1:9229: connection refused"). */
int dr_cdp_open(dr_cdp_t **out, const char *target, const dr_cdp_options_t *opt, char *errbuf,
                size_t errlen);

/* HTTP discovery alone: GET http://host:port/json/list and return the
 * malloc'd webSocketDebuggerUrl of the chosen target (caller frees). */
int dr_cdp_discover(const char *hostport, int timeout_ms, char **ws_url, char *errbuf,
                    size_t errlen);

/* Sends a request.  Returns the request id (> 0) or a negative code.  `cb`
 * may be NULL (fire and forget). */
int dr_cdp_send(dr_cdp_t *c, const char *method, json_t *params, dr_cdp_result_cb cb, void *data);

/* Sends a request and waits up to timeout_ms (< 0: forever) for the reply,
 * dispatching other messages meanwhile.  Returns 0 with *result = the
 * "result" object, DR_EPROTO with *result = the "error" object, or another
 * negative code with *result = NULL.  `result` may be NULL. */
int dr_cdp_call(dr_cdp_t *c, const char *method, json_t *params, json_t **result, int timeout_ms);

/* Sends a ready-made JSON text as is (a proxy forwarding client messages).
 * The caller is responsible for ids; replies reach the raw callback. */
int dr_cdp_send_raw(dr_cdp_t *c, const char *msg, size_t len);

/* Event subscriptions.  `method` is an exact name ("Debugger.paused"), a
 * domain prefix ending in '.' ("Debugger.") or "*".  Returns a subscription
 * id (> 0) for dr_cdp_unsubscribe(). */
int dr_cdp_subscribe(dr_cdp_t *c, const char *method, dr_cdp_event_cb cb, void *data);
void dr_cdp_unsubscribe(dr_cdp_t *c, int id);

void dr_cdp_set_close_cb(dr_cdp_t *c, dr_cdp_close_cb cb, void *data);
void dr_cdp_set_raw_cb(dr_cdp_t *c, dr_cdp_raw_cb cb, void *data);

/* Dispatches pending incoming messages, waiting up to timeout_ms (0: don't
 * wait, < 0: forever) for the first one.  Returns the number dispatched, or
 * DR_EOF once the session has closed and everything was delivered. */
int dr_cdp_poll(dr_cdp_t *c, int timeout_ms);

/* A descriptor that is readable while messages are pending (for poll(2)). */
int dr_cdp_fd(const dr_cdp_t *c);

/* Dispatches on `loop` from now on (a uv_poll_t on dr_cdp_fd()).  Stopped by
 * dr_cdp_close(); the loop must run until then. */
int dr_cdp_uv_start(dr_cdp_t *c, uv_loop_t *loop);

/* Nonzero while the WebSocket is open. */
int dr_cdp_is_open(const dr_cdp_t *c);

/* The ws:// URL of the session (borrowed). */
const char *dr_cdp_url(const dr_cdp_t *c);

/* The message for the most recent failure on this session (borrowed). */
const char *dr_cdp_last_error(const dr_cdp_t *c);

/* Closes the session: pending requests get DR_ECANCELED, the close callback
 * runs, and the session is freed.  Safe to call from inside a callback (the
 * free is then deferred until the dispatch returns). */
void dr_cdp_close(dr_cdp_t *c);

/* Helpers for the common shape of replies. */

/* Runtime.evaluate / callFunctionOn: the "exceptionDetails" text (message
 * of the thrown value when there is one), or NULL when the reply has none.
 * Borrowed from `result`. */
const char *dr_cdp_exception_text(json_t *result);

#endif
