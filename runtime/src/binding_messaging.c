/* binding_messaging.c — internalBinding('messaging'): MessagePort,
 * MessageChannel and BroadcastChannel across threads.
 *
 * A port has two halves.  The core (port_core) is shared by threads: the
 * queue of messages sent to it, its peer, and which thread owns it now; all
 * cores are guarded by one process-wide mutex (messages are rare next to the
 * work they carry, and one lock keeps entangle/transfer/close simple).  The
 * handle (port_handle) is the owning thread's side: the MessagePort object
 * and a uv_async_t that is never sent, only ref'd/unref'd (an active handle
 * that keeps the loop alive while the port listens; libuv's async handles
 * share one descriptor per loop).  Senders on other threads wake the owner
 * through its thread's waker: one eventfd per thread, watched by a uv_poll_t,
 * with the list of its ports that have news (written once per batch;
 * wake_pending).  Not uv_async_send: libuv 1.44's receiver spins with
 * sched_yield while a sender is inside it, which on a busy machine cost more
 * CPU than the messages; and not an eventfd per port, which ran a process out
 * of descriptors with a few hundred open channels.
 * Transferring a port in a message detaches the handle on the sending thread
 * and makes a new one on the receiving thread; messages queued meanwhile
 * wait in the core.
 *
 * Messages are rt_msg (engine/engine_clone.h): V8's serializer output plus
 * transferred ArrayBuffers, SharedArrayBuffers and ports.
 *
 * JavaScript (internal/worker/io) makes the objects: this file gives them
 * their prototype and calls back `dispatch(port, kind, value, ports)` with
 * kind 0 for a message, 1 for 'messageerror' and 2 for 'close'. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "devrun/util.h"
#include "engine_clone.h"
#include "messaging.h"
#include "runtime.h"

typedef struct msg_node {
  struct msg_node *next;
  rt_msg *msg;
} msg_node;

struct port_core {
  int refs;
  msg_node *head, *tail;
  struct port_core *peer;
  struct port_handle *owner; /* NULL while in transit or after close */
  bool peer_closed;          /* the other side closed: deliver what is queued, then 'close' */
  bool wake_pending;         /* the owner's eventfd was written and not yet read */
  char *bc_name;             /* BroadcastChannel name, or NULL */
  struct port_core *bc_next; /* list of BroadcastChannel cores */
};

typedef struct waker waker;

typedef struct port_handle {
  port_core *core;
  uv_async_t keep; /* never sent: ref'd while the port keeps the loop alive */
  waker *wk;       /* its thread's */
  struct port_handle *next_woken; /* in wk's list, under g_mu */
  bool in_woken;
  rt_ref *obj;
  bool started, closing;
  struct port_handle *next_on_thread;
  struct port_handle *next_ready; /* in this thread's ready list */
  bool in_ready;
} port_handle;

static uv_mutex_t g_mu;
static uv_once_t g_once = UV_ONCE_INIT;
static port_core *g_broadcast; /* every BroadcastChannel core, guarded by g_mu */

static _Thread_local rt_ref *port_proto, *bc_proto, *dispatch_fn;
static const uint64_t port_tag; /* its (aligned) address tags port objects */
static _Thread_local port_handle *thread_handles;

static void init_once(void) { uv_mutex_init(&g_mu); }

/* ---- cores (g_mu held) ---------------------------------------------------- */

static port_core *core_new(void) {
  port_core *c = dr_calloc(1, sizeof *c);
  c->refs = 1;
  return c;
}

static void core_unref_locked(port_core *c) {
  if (--c->refs > 0) return;
  msg_node *n = c->head;
  c->head = c->tail = NULL;
  /* Messages may hold ports: release them without the lock. */
  uv_mutex_unlock(&g_mu);
  while (n) {
    msg_node *next = n->next;
    rt_msg_free(n->msg);
    free(n);
    n = next;
  }
  free(c->bc_name);
  free(c);
  uv_mutex_lock(&g_mu);
}

static void ready_add(port_handle *ph);
static void ready_remove(port_handle *ph);
static void waker_add_locked(port_handle *ph);
static void waker_remove_locked(port_handle *ph);

static void core_wake_locked(port_core *c) {
  if (!c->owner || c->owner->closing || c->wake_pending) return;
  c->wake_pending = true;
  /* A message to a port of this very thread needs no system call: the
   * thread is running, not waiting in epoll; its idle handle delivers it on
   * the next loop iteration (before the poll phase, as an eventfd would). */
  if (rt_env_current && c->owner->keep.loop == rt_env_current->loop) {
    ready_add(c->owner);
    return;
  }
  waker_add_locked(c->owner);
}

static void wake_self(port_handle *ph) {
  uv_mutex_lock(&g_mu);
  core_wake_locked(ph->core);
  uv_mutex_unlock(&g_mu);
}

/* Queues m on c (g_mu held); c takes ownership. */
static void core_push_locked(port_core *c, rt_msg *m) {
  msg_node *n = dr_calloc(1, sizeof *n);
  n->msg = m;
  if (c->tail)
    c->tail->next = n;
  else
    c->head = n;
  c->tail = n;
  if (c->owner && c->owner->started) core_wake_locked(c);
}

/* Cuts c from its peer; the peer learns it on its thread. */
static void core_disentangle_locked(port_core *c) {
  port_core *p = c->peer;
  if (!p) return;
  c->peer = NULL;
  p->peer = NULL;
  p->peer_closed = true;
  core_wake_locked(p);
  core_unref_locked(p); /* the reference c held on p */
  core_unref_locked(c); /* the reference p held on c */
}

/* ---- handles (owning thread) ---------------------------------------------- */

static void handle_close_cb(uv_handle_t *h) {
  port_handle *ph = h->data;
  free(ph);
}

static void unlink_handle(port_handle *ph) {
  for (port_handle **pp = &thread_handles; *pp; pp = &(*pp)->next_on_thread) {
    if (*pp == ph) {
      *pp = ph->next_on_thread;
      return;
    }
  }
}

/* Releases the handle: the core loses its owner (and, with `close`, its
 * peer), the JS object its native side. */
static void handle_release(port_handle *ph, bool close) {
  if (ph->closing) return;
  ph->closing = true;
  uv_mutex_lock(&g_mu);
  port_core *c = ph->core;
  c->owner = NULL;
  c->wake_pending = false; /* a wake of this handle never comes: the next owner needs its own */
  waker_remove_locked(ph);
  if (close) {
    if (c->bc_name) {
      for (port_core **pp = &g_broadcast; *pp; pp = &(*pp)->bc_next) {
        if (*pp == c) {
          *pp = c->bc_next;
          core_unref_locked(c);
          break;
        }
      }
    }
    core_disentangle_locked(c);
  }
  core_unref_locked(c);
  uv_mutex_unlock(&g_mu);
  ph->core = NULL;
  if (ph->obj) {
    rt_scope *s = rt_scope_open();
    rt_object_set_ptr(rt_ref_get(ph->obj), NULL);
    rt_scope_close(s);
    rt_ref_free(ph->obj);
    ph->obj = NULL;
  }
  unlink_handle(ph);
  ready_remove(ph);
  uv_close((uv_handle_t *)&ph->keep, handle_close_cb);
}

static void dispatch(port_handle *ph, int kind, rt_val value, rt_val ports) {
  if (!dispatch_fn || !ph->obj) return;
  rt_val argv[4] = {rt_ref_get(ph->obj), rt_int(kind), value ? value : rt_undefined(),
                    ports ? ports : rt_undefined()};
  rt_make_callback(rt_ref_get(dispatch_fn), rt_undefined(), 4, argv);
}

static void deliver(port_handle *ph);

/* ---- this thread's waker (messages posted from other threads) ---- */
struct waker {
  int efd;
  uv_poll_t poll;
  port_handle *woken; /* ports with news, under g_mu */
  bool signaled;      /* efd written and not yet read, under g_mu */
};

static _Thread_local waker *thread_waker;

static void waker_add_locked(port_handle *ph) {
  waker *wk = ph->wk;
  if (!ph->in_woken) {
    ph->in_woken = true;
    ph->next_woken = wk->woken;
    wk->woken = ph;
  }
  if (!wk->signaled) {
    wk->signaled = true;
    uint64_t one = 1;
    while (write(wk->efd, &one, sizeof one) < 0 && errno == EINTR) {
    }
  }
}

static void waker_remove_locked(port_handle *ph) {
  if (!ph->in_woken) return;
  for (port_handle **pp = &ph->wk->woken; *pp; pp = &(*pp)->next_woken) {
    if (*pp == ph) {
      *pp = ph->next_woken;
      break;
    }
  }
  ph->in_woken = false;
  ph->next_woken = NULL;
}

static void waker_cb(uv_poll_t *p, int status, int events) {
  (void)status;
  (void)events;
  waker *wk = p->data;
  uint64_t n;
  while (read(wk->efd, &n, sizeof n) < 0 && errno == EINTR) {
  }
  for (;;) {
    /* one port at a time: a delivery may close or move other ports */
    uv_mutex_lock(&g_mu);
    wk->signaled = false;
    port_handle *ph = wk->woken;
    if (ph) {
      wk->woken = ph->next_woken;
      ph->in_woken = false;
      ph->next_woken = NULL;
    }
    uv_mutex_unlock(&g_mu);
    if (!ph) break;
    if (!ph->closing) deliver(ph);
  }
}

static void waker_free(void *arg) {
  waker *wk = arg;
  close(wk->efd);
  free(wk);
}

/* The calling thread's waker, made on first use (NULL with errno set when
 * no descriptor is left). */
static waker *waker_get(void) {
  if (thread_waker) return thread_waker;
  int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (fd < 0) return NULL;
  waker *wk = dr_calloc(1, sizeof *wk);
  wk->efd = fd;
  uv_poll_init(rt_env_current->loop, &wk->poll, fd);
  wk->poll.data = wk;
  uv_poll_start(&wk->poll, UV_READABLE, waker_cb);
  uv_unref((uv_handle_t *)&wk->poll);
  /* the poll handle is closed with the thread's loop; then the memory goes */
  rt_thread_at_exit(waker_free, wk);
  thread_waker = wk;
  return wk;
}

/* ---- this thread's ready list (messages posted from this thread) ---- */
static _Thread_local port_handle *ready_head, *ready_tail;
static _Thread_local port_handle *ready_cur; /* the batch idle_cb is delivering */
static _Thread_local void *ready_idle_slot;
static _Thread_local uv_idle_t *ready_idle;

static void ready_remove(port_handle *ph) {
  if (!ph->in_ready) return;
  port_handle *prev = NULL;
  bool found = false;
  for (port_handle *x = ready_head; x; prev = x, x = x->next_ready) {
    if (x != ph) continue;
    if (prev)
      prev->next_ready = x->next_ready;
    else
      ready_head = x->next_ready;
    if (ready_tail == x) ready_tail = prev;
    found = true;
    break;
  }
  /* Or in idle_cb's batch (a port closed or transferred by another port's
   * listener): unlink it there, keeping the rest of the batch. */
  for (port_handle **pp = &ready_cur; !found && *pp; pp = &(*pp)->next_ready) {
    if (*pp == ph) {
      *pp = ph->next_ready;
      found = true;
    }
  }
  ph->in_ready = false;
  ph->next_ready = NULL;
}

static void idle_cb(uv_idle_t *h) {
  ready_cur = ready_head;
  ready_head = ready_tail = NULL;
  uv_idle_stop(h);
  while (ready_cur) {
    port_handle *ph = ready_cur;
    ready_cur = ph->next_ready;
    ph->next_ready = NULL;
    ph->in_ready = false;
    if (!ph->closing) deliver(ph);
  }
}

static void ready_add(port_handle *ph) {
  if (ph->in_ready) return;
  if (!ready_idle) {
    ready_idle = rt_thread_alloc(&ready_idle_slot, sizeof *ready_idle);
    uv_idle_init(rt_env_current->loop, ready_idle);
    uv_unref((uv_handle_t *)ready_idle); /* the ports' own handles keep the loop alive */
  }
  ph->in_ready = true;
  ph->next_ready = NULL;
  if (ready_tail)
    ready_tail->next_ready = ph;
  else
    ready_head = ph;
  ready_tail = ph;
  uv_idle_start(ready_idle, idle_cb);
}

static void deliver(port_handle *ph) {
  uv_mutex_lock(&g_mu);
  ph->core->wake_pending = false;
  uv_mutex_unlock(&g_mu);
  /* Node delivers at most as many messages per wake-up as were queued when
   * it began, so a port that posts to itself cannot starve the loop. */
  int budget = 1000;
  while (!ph->closing && ph->started && budget-- > 0) {
    uv_mutex_lock(&g_mu);
    msg_node *n = ph->core->head;
    if (n) {
      ph->core->head = n->next;
      if (!ph->core->head) ph->core->tail = NULL;
    }
    uv_mutex_unlock(&g_mu);
    if (!n) break;
    rt_scope *s = rt_scope_open();
    rt_val ex = NULL;
    rt_val v = rt_msg_deserialize(n->msg, &ex);
    if (v)
      dispatch(ph, 0, v, rt_msg_ports_array(n->msg));
    else
      dispatch(ph, 1, ex ? ex : rt_undefined(), NULL);
    rt_msg_free(n->msg);
    free(n);
    rt_scope_close(s);
  }
  if (ph->closing) return;
  uv_mutex_lock(&g_mu);
  bool more = ph->core->head != NULL;
  bool peer_gone = ph->core->peer_closed && !more;
  uv_mutex_unlock(&g_mu);
  if (more && ph->started) {
    wake_self(ph);
    return;
  }
  if (peer_gone) {
    rt_scope *s = rt_scope_open();
    rt_ref *keep = ph->obj ? rt_ref_new(rt_ref_get(ph->obj)) : NULL;
    handle_release(ph, true);
    if (keep) {
      rt_val argv[4] = {rt_ref_get(keep), rt_int(2), rt_undefined(), rt_undefined()};
      if (dispatch_fn) rt_make_callback(rt_ref_get(dispatch_fn), rt_undefined(), 4, argv);
      rt_ref_free(keep);
    }
    rt_scope_close(s);
  }
}

/* A MessagePort object on this thread for core (taking over one reference). */
static rt_val wrap_core(port_core *c, bool broadcast) {
  rt_ref *proto = broadcast ? bc_proto : port_proto;
  if (!proto) return rt_throw_error("worker messaging is not set up on this thread");
  waker *wk = waker_get();
  if (!wk) return rt_throw_errno(-errno, "eventfd", NULL, NULL);
  port_handle *ph = dr_calloc(1, sizeof *ph);
  ph->core = c;
  ph->wk = wk;
  uv_async_init(rt_env_current->loop, &ph->keep, NULL);
  ph->keep.data = ph;
  uv_unref((uv_handle_t *)&ph->keep);
  rt_val o = rt_object_with_tag(&port_tag);
  rt_set_prototype(o, rt_ref_get(proto));
  rt_object_set_ptr(o, ph);
  ph->obj = rt_ref_new(o);
  ph->next_on_thread = thread_handles;
  thread_handles = ph;
  uv_mutex_lock(&g_mu);
  c->owner = ph;
  bool pending = c->head != NULL || c->peer_closed;
  uv_mutex_unlock(&g_mu);
  if (pending) wake_self(ph); /* a 'close' to deliver even if never started */
  return o;
}

static port_handle *handle_of(rt_val v) {
  if (!v || !rt_object_has_tag(v, &port_tag)) return NULL;
  return rt_object_get_ptr(v);
}

/* engine_clone's hooks */
static void *hook_port_of(rt_val obj) {
  port_handle *ph = handle_of(obj);
  return ph && !ph->closing && !ph->core->bc_name ? ph->core : NULL;
}
static rt_val hook_port_wrap(void *core) { return wrap_core(core, false); }
static void hook_port_release(void *core) {
  uv_mutex_lock(&g_mu);
  port_core *c = core;
  core_disentangle_locked(c);
  core_unref_locked(c);
  uv_mutex_unlock(&g_mu);
}

/* ---- the C API for binding_worker.c (messaging.h) ------------------------ */

void rt_messaging_init(void) {
  uv_once(&g_once, init_once);
  rt_msg_set_port_hooks(hook_port_of, hook_port_wrap, hook_port_release);
}

void rt_port_pair(port_core **a, port_core **b) {
  rt_messaging_init();
  port_core *x = core_new(), *y = core_new();
  x->peer = y;
  y->peer = x;
  x->refs++; /* each holds a reference on its peer */
  y->refs++;
  *a = x;
  *b = y;
}

rt_val rt_port_wrap(port_core *c) { return wrap_core(c, false); }

void rt_port_core_release(port_core *c) { hook_port_release(c); }

void rt_messaging_thread_teardown(void) {
  while (thread_handles) handle_release(thread_handles, true);
}

/* ---- JavaScript ---------------------------------------------------------- */

/* setup(MessagePort.prototype, BroadcastChannel.prototype, dispatch) */
static void setup(rt_args *a) {
  rt_messaging_init();
  port_proto = rt_ref_new(rt_arg(a, 0));
  bc_proto = rt_ref_new(rt_arg(a, 1));
  dispatch_fn = rt_ref_new(rt_arg(a, 2));
}

/* createChannel() -> [port1, port2] */
static void create_channel(rt_args *a) {
  port_core *x, *y;
  rt_port_pair(&x, &y);
  /* A port needs a descriptor (its eventfd): out of them (EMFILE), throw
   * and give back what was made. */
  rt_val p1 = wrap_core(x, false);
  if (!p1) {
    rt_port_core_release(x);
    rt_port_core_release(y);
    return;
  }
  rt_val p2 = wrap_core(y, false);
  if (!p2) {
    handle_release(handle_of(p1), true);
    rt_port_core_release(y);
    return;
  }
  rt_val arr = rt_array(2);
  rt_set_i(arr, 0, p1);
  rt_set_i(arr, 1, p2);
  rt_return(a, arr);
}

void rt_messaging_detach_ports(rt_msg *m) {
  for (size_t i = 0; i < rt_msg_port_count(m); i++) {
    port_core *c = rt_msg_port(m, i);
    uv_mutex_lock(&g_mu);
    port_handle *ph = c->owner;
    c->refs++; /* the message's reference */
    uv_mutex_unlock(&g_mu);
    if (ph) handle_release(ph, false);
  }
}

/* postMessage(port, value, transferList) -> true when queued, false when
 * the port is closed or has no peer (the message is dropped, as Node). */
static void post_message(rt_args *a) {
  port_handle *ph = handle_of(rt_arg(a, 0));
  if (!ph || ph->closing) {
    rt_return_bool(a, false);
    return;
  }
  rt_val transfer = rt_arg(a, 2);
  if (rt_is_array(transfer)) {
    for (uint32_t i = 0; i < rt_array_length(transfer); i++) {
      if (handle_of(rt_get_i(transfer, i)) == ph) {
        rt_msg_throw_clone_error("Transfer list contains source port");
        return;
      }
    }
  }
  rt_msg *m = rt_msg_serialize(rt_arg(a, 1), transfer);
  if (!m) return;
  rt_messaging_detach_ports(m);
  uv_mutex_lock(&g_mu);
  port_core *peer = ph->core ? ph->core->peer : NULL;
  if (peer) {
    core_push_locked(peer, m);
    m = NULL;
  }
  uv_mutex_unlock(&g_mu);
  if (m) rt_msg_free(m);
  rt_return_bool(a, peer != NULL);
}

/* start(port): deliver queued and future messages. */
static void start(rt_args *a) {
  port_handle *ph = handle_of(rt_arg(a, 0));
  if (!ph || ph->closing) return;
  ph->started = true;
  wake_self(ph);
}

static void stop(rt_args *a) {
  port_handle *ph = handle_of(rt_arg(a, 0));
  if (ph) ph->started = false;
}

static void ref_(rt_args *a) {
  port_handle *ph = handle_of(rt_arg(a, 0));
  if (!ph || ph->closing) return;
  if (rt_is_true(rt_arg(a, 1)))
    uv_ref((uv_handle_t *)&ph->keep);
  else
    uv_unref((uv_handle_t *)&ph->keep);
}

static void has_ref(rt_args *a) {
  port_handle *ph = handle_of(rt_arg(a, 0));
  rt_return_bool(a, ph && !ph->closing && uv_has_ref((uv_handle_t *)&ph->keep));
}

/* close(port): both sides get 'close' (this one from JS, asynchronously). */
static void close_(rt_args *a) {
  port_handle *ph = handle_of(rt_arg(a, 0));
  if (!ph || ph->closing) {
    rt_return_bool(a, false);
    return;
  }
  handle_release(ph, true);
  rt_return_bool(a, true);
}

/* receiveMessageOnPort(port) -> [value] or undefined */
static void receive(rt_args *a) {
  port_handle *ph = handle_of(rt_arg(a, 0));
  if (!ph || ph->closing) return;
  uv_mutex_lock(&g_mu);
  msg_node *n = ph->core->head;
  if (n) {
    ph->core->head = n->next;
    if (!ph->core->head) ph->core->tail = NULL;
  }
  uv_mutex_unlock(&g_mu);
  if (!n) return;
  rt_val v = rt_msg_deserialize(n->msg, NULL);
  rt_msg_free(n->msg);
  free(n);
  if (!v) return;
  rt_val arr = rt_array(1);
  rt_set_i(arr, 0, v);
  rt_return(a, arr);
}

static void is_port(rt_args *a) { rt_return_bool(a, handle_of(rt_arg(a, 0)) != NULL); }

/* ---- BroadcastChannel ---- */

/* broadcastChannel(name) -> object with BroadcastChannel.prototype */
static void broadcast_channel(rt_args *a) {
  rt_messaging_init();
  port_core *c = core_new();
  c->bc_name = RT_ARG_STR(a, 0);
  if (!c->bc_name) {
    free(c);
    return;
  }
  uv_mutex_lock(&g_mu);
  c->refs++; /* the registry's reference */
  c->bc_next = g_broadcast;
  g_broadcast = c;
  uv_mutex_unlock(&g_mu);
  rt_val o = wrap_core(c, true);
  if (o) rt_return(a, o);
}

/* broadcast(channel, value): a copy for every other channel of that name. */
static void broadcast(rt_args *a) {
  port_handle *ph = handle_of(rt_arg(a, 0));
  if (!ph || ph->closing) return;
  rt_val value = rt_arg(a, 1);
  /* Serialize once to find errors; then once per recipient (each message
   * is read once, on its own thread). */
  rt_msg *probe = rt_msg_serialize(value, NULL);
  if (!probe) return;
  rt_msg_free(probe);
  uv_mutex_lock(&g_mu);
  int n = 0;
  for (port_core *c = g_broadcast; c; c = c->bc_next)
    if (c != ph->core && c->owner && !strcmp(c->bc_name, ph->core->bc_name)) n++;
  port_core **targets = dr_calloc((size_t)n + 1, sizeof *targets);
  n = 0;
  for (port_core *c = g_broadcast; c; c = c->bc_next) {
    if (c != ph->core && c->owner && !strcmp(c->bc_name, ph->core->bc_name)) {
      c->refs++;
      targets[n++] = c;
    }
  }
  uv_mutex_unlock(&g_mu);
  for (int i = 0; i < n; i++) {
    rt_msg *m = rt_msg_serialize(value, NULL);
    uv_mutex_lock(&g_mu);
    if (m) core_push_locked(targets[i], m);
    core_unref_locked(targets[i]);
    uv_mutex_unlock(&g_mu);
  }
  free(targets);
}

/* structuredClone(value, transferList): the same clone as a message to
 * this thread (transferred ArrayBuffers detached, ports moved). */
static void structured_clone(rt_args *a) {
  rt_msg *m = rt_msg_serialize(rt_arg(a, 0), rt_arg(a, 1));
  if (!m) return;
  rt_messaging_detach_ports(m);
  rt_val v = rt_msg_deserialize(m, NULL);
  rt_msg_free(m);
  if (v) rt_return(a, v);
}

void rt_binding_init_messaging(rt_val e) {
  rt_messaging_init();
  rt_set_method(e, "setup", setup);
  rt_set_method(e, "createChannel", create_channel);
  rt_set_method(e, "postMessage", post_message);
  rt_set_method(e, "start", start);
  rt_set_method(e, "stop", stop);
  rt_set_method(e, "ref", ref_);
  rt_set_method(e, "hasRef", has_ref);
  rt_set_method(e, "close", close_);
  rt_set_method(e, "receiveMessageOnPort", receive);
  rt_set_method(e, "isPort", is_port);
  rt_set_method(e, "broadcastChannel", broadcast_channel);
  rt_set_method(e, "broadcast", broadcast);
  rt_set_method(e, "structuredClone", structured_clone);
}
