/* cdp_int.h — internals of the CDP client (lib/src/cdp*.c, ws_client.c).
 *
 * Layers:  cdp.c (session: ids, pending requests, subscriptions, dispatch on
 * the caller's thread)  <-  ws_client.c (transport: a libwebsockets client
 * on its own service thread)  and  cdp_target.c (target strings, the HTTP
 * /json/list discovery, parsing the HTTP reply).  The transport hands each
 * complete text message to dr__cdp_enqueue() and reports the end of the
 * connection with dr__cdp_peer_closed(); both are thread-safe.
 */
#ifndef DEVRUN_CDP_INT_H
#define DEVRUN_CDP_INT_H

#include <stddef.h>

#include "devrun/cdp.h"

/* --- cdp_target.c ------------------------------------------------------ */
typedef struct dr__cdp_target_s {
  char host[256]; /* without brackets for IPv6 */
  int port;
  char path[1024]; /* "/<id>" for ws://, empty for host:port */
  int is_ws;       /* the target was a ws:// URL */
} dr__cdp_target_t;

/* Parses "9229", "host:9229", "[::1]:9229", "ws://host:port/path". */
int dr__cdp_parse_target(const char *s, dr__cdp_target_t *t);
/* Splits an HTTP/1.x response into status and body (borrowed from buf). */
int dr__http_parse_response(const char *buf, size_t len, int *status, const char **body,
                            size_t *bodylen);
/* Picks the webSocketDebuggerUrl from a /json/list body; malloc'd. */
int dr__cdp_pick_target(const char *body, size_t len, char **ws_url);

/* --- cdp.c ------------------------------------------------------------- */
/* A session with no transport (tests, fuzzing): messages come only from
 * dr__cdp_enqueue(); sends are recorded and readable with
 * dr__cdp_take_sent(). */
dr_cdp_t *dr__cdp_new_detached(void);
void dr__cdp_enqueue(dr_cdp_t *c, const char *msg, size_t len);
void dr__cdp_peer_closed(dr_cdp_t *c, const char *why);
/* Returns the oldest recorded send of a detached session (malloc'd) or NULL. */
char *dr__cdp_take_sent(dr_cdp_t *c);

/* --- ws_client.c --------------------------------------------------------- */
typedef struct dr__ws_s dr__ws_t;
int dr__ws_open(dr__ws_t **out, dr_cdp_t *owner, const dr__cdp_target_t *t, int timeout_ms,
                size_t max_message, char *errbuf, size_t errlen);
/* Queues a text message (copied); thread-safe. */
int dr__ws_send(dr__ws_t *ws, const char *msg, size_t len);
/* Closes the connection, joins the service thread, frees. */
void dr__ws_free(dr__ws_t *ws);

#endif
