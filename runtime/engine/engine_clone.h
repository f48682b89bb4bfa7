/* engine_clone.h — the engine layer's structured clone for messages that
 * cross threads (worker_threads' postMessage, MessagePort, BroadcastChannel).
 *
 * rt_msg_serialize writes a value with V8's ValueSerializer into an rt_msg:
 * the bytes, the backing stores of transferred ArrayBuffers (detached on the
 * sending side), of SharedArrayBuffers (shared by both sides) and the native
 * ports transferred with it.  An rt_msg belongs to no isolate: it is made on
 * one thread and read with rt_msg_deserialize on another.  Messaging code
 * (src/binding_messaging.c) tells the engine which objects are ports through
 * rt_msg_set_port_hooks. */
#ifndef DEVRUN_RT_ENGINE_CLONE_H
#define DEVRUN_RT_ENGINE_CLONE_H

#include <stddef.h>

#include "engine.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rt_msg rt_msg;

/* port_of(obj): the native port behind a MessagePort object, or NULL for any
 * other object.  port_wrap(port): a MessagePort object on the calling thread
 * for a transferred native port (taking over the message's reference).
 * port_release(port): drops a transferred port that was never delivered.
 * Set once per process (the functions are the same on every thread). */
void rt_msg_set_port_hooks(void *(*port_of)(rt_val obj), rt_val (*port_wrap)(void *port),
                           void (*port_release)(void *port));

/* Serializes value.  transfer is undefined/null or an array whose items are
 * ArrayBuffers or MessagePorts.  On failure returns NULL with an exception
 * pending (DOMException DataCloneError, or a TypeError for a port that is
 * not in the transfer list, as Node).  On success, transferred ArrayBuffers
 * are detached and the message holds a reference on each transferred port;
 * the caller must detach those ports from their JS objects. */
rt_msg *rt_msg_serialize(rt_val value, rt_val transfer);
/* The ports transferred with m (the messaging layer detaches them after a
 * successful serialize). */
size_t rt_msg_port_count(const rt_msg *m);
void *rt_msg_port(const rt_msg *m, size_t i);
/* Reads the value on the calling thread; ports become MessagePort objects
 * (through port_wrap) and the ports' ownership passes to them.  Read a
 * message once.  On failure returns NULL: with exception == NULL the
 * exception is left pending, otherwise it is caught and stored there. */
rt_val rt_msg_deserialize(rt_msg *m, rt_val *exception);
/* Throws DOMException [DataCloneError] with message; returns NULL. */
rt_val rt_msg_throw_clone_error(const char *message);
/* The ports made by rt_msg_deserialize of m, as an array; NULL when the
 * message carried none. */
rt_val rt_msg_ports_array(rt_msg *m);
/* Frees m; ports it still owns (never delivered) are released. */
void rt_msg_free(rt_msg *m);

#ifdef __cplusplus
}
#endif
#endif
