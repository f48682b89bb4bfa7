/* messaging.h — what binding_worker.c needs from binding_messaging.c: port
 * pairs made in C (a worker's parentPort and its Worker object's port) and
 * the cleanup of a thread's ports when its worker ends. */
#ifndef DEVRUN_RT_MESSAGING_H
#define DEVRUN_RT_MESSAGING_H

#include "engine.h"

typedef struct port_core port_core;

void rt_messaging_init(void);
/* Two entangled cores, each with one reference for the caller. */
void rt_port_pair(port_core **a, port_core **b);
/* A MessagePort object on the calling thread for c (takes the reference). */
rt_val rt_port_wrap(port_core *c);
/* Drops a reference that was never wrapped (closes the channel). */
void rt_port_core_release(port_core *c);
/* After a successful rt_msg_serialize: the ports in m's transfer list leave
 * their MessagePort objects (which become detached) and belong to m. */
struct rt_msg;
void rt_messaging_detach_ports(struct rt_msg *m);
/* Closes every port of the calling thread (its worker is ending). */
void rt_messaging_thread_teardown(void);

#endif
