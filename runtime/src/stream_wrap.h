/* stream_wrap.h — libuv streams (pipes, TCP, TTYs) as JavaScript handles:
 * the part shared by binding_pipe_wrap.c, binding_tcp_wrap.c and
 * binding_tty_wrap.c, and used by
 * binding_process_wrap.c for a child's stdio pipes.
 *
 * Every handle object has the methods readStart(onread), readStop(),
 * write(bytes, cb), writeUtf8String(str, cb[, bytes]),
 * writeLatin1String(str, cb[, bytes]),
 * shutdown(cb), close(cb), ref(), unref(), hasRef(), getFd(),
 * writeQueueSize(); rt_stream_add_methods() puts them on a class.
 * write() returns 1 when everything was written at once, 0 when queued
 * (cb(err) follows) or a negative errno; the string writes return the
 * byte count instead of 1.
 * listen(backlog, onconnection) hands each accepted connection to
 * onconnection(err, handle) as a new handle of the same class.
 *
 * Ownership: the C struct lives from the constructor until its close
 * callback; the JavaScript object holds it in an internal slot, and the C
 * struct keeps the object alive (rt_ref) while the handle is open, so a
 * handle that is reading or listening is never collected.
 */
#ifndef DEVRUN_RT_STREAM_WRAP_H
#define DEVRUN_RT_STREAM_WRAP_H

#include <stdbool.h>
#include <uv.h>

#include "engine.h"

typedef struct rt_stream {
  union {
    uv_handle_t handle;
    uv_stream_t stream;
    uv_pipe_t pipe;
    uv_tcp_t tcp;
    uv_tty_t tty;
  } u;             /* first: a uv_stream_t* is an rt_stream* */
  rt_ref *obj;     /* the JavaScript handle, kept while open */
  rt_ref *on_read;
  rt_ref *on_close;
  rt_ref *on_connection;
  rt_class *cls;   /* for accepted connections */
  void *consumer;  /* a C reader that took over reading (the http parser's
                    * consume(), binding_http_parser.c), or NULL */
  bool closing;
} rt_stream;

/* The rt_stream behind a handle object, or NULL. */
rt_stream *rt_stream_from(rt_val obj);
/* Binds a new rt_stream (already uv_*_init'ed by the caller) to obj. */
void rt_stream_attach(rt_stream *s, rt_val obj, rt_class *cls);
void rt_stream_close(rt_stream *s);
void rt_stream_add_methods(rt_class *cls);
/* For accepted connections: makes an instance of cls, whose constructor
 * must initialise the right uv handle on rt_env_current->loop. */
rt_val rt_stream_new_instance(rt_class *cls, rt_stream **out);
/* The open stream behind `this` of a method call, or NULL with an exception
 * thrown ("handle is closed"). */
rt_stream *rt_stream_self(rt_args *a);
/* A connect request whose completion calls cb(status) on the handle. */
uv_connect_t *rt_stream_connect_req(rt_stream *s, rt_val cb);
void rt_stream_connect_cb(uv_connect_t *req, int status);
/* Frees a request whose uv_*_connect() failed synchronously. */
void rt_stream_connect_req_free(uv_connect_t *req);

#endif
