/* binding_udp_wrap.c — internalBinding('udp_wrap'): libuv UDP sockets for
 * the dgram module (runtime/lib/dgram.js), with the interface of Node's
 * udp_wrap so that dgram.js can follow Node's lib/dgram.js:
 *
 *   const h = new UDP()                     uv_udp_init
 *   h.open(fd) / h.bind(ip, port, flags) / h.bind6(...)   -> 0 or -errno
 *   h.connect(ip, port) / h.connect6(...) / h.disconnect() -> 0 or -errno
 *   h.send(req, list, count, port, ip, hasCallback)       (send6 for IPv6)
 *   h.send(req, list, count, hasCallback)                 (connected)
 *       -> bytes + 1 when sent at once (uv_udp_try_send), 0 when queued
 *          (req.oncomplete(status, bytes) follows if hasCallback), -errno
 *   h.recvStart() / h.recvStop()
 *       each datagram: h.onmessage(nread, h, bytes, { address, family,
 *       port }); a receive error: h.onmessage(-errno, h)
 *   h.getsockname(out) / h.getpeername(out) -> 0 or -errno, fills out
 *   h.setBroadcast/setTTL/setMulticastTTL/setMulticastLoopback/
 *     setMulticastInterface/addMembership/dropMembership/
 *     addSourceSpecificMembership/dropSourceSpecificMembership -> 0 or -errno
 *   h.bufferSize(size, isRecv, ctx) -> size, or undefined with ctx filled
 *     ({ errno, code, message, syscall }) on failure
 *   h.getSendQueueSize(), h.getSendQueueCount(), h.ref(), h.unref(),
 *   h.hasRef(), h.close([cb]), h.fd
 *   new SendWrap()                          a plain request object
 *
 * Ownership: the C struct lives from the constructor until the close
 * callback; while open it keeps the JavaScript object alive.  A send
 * request keeps its SendWrap (and through it the buffers) alive. */
#include <stdlib.h>
#include <string.h>

#include "devrun/util.h"
#include "runtime.h"

typedef struct {
  uv_udp_t udp; /* first: handle->data is the struct */
  rt_ref *obj, *on_close;
  bool closing;
} udp_wrap;

typedef struct {
  uv_udp_send_t req;
  rt_ref *reqobj;
  size_t size;
  bool has_cb;
} send_req;

static _Thread_local rt_class *udp_class, *send_class;

static udp_wrap *self(rt_args *a) {
  udp_wrap *u = rt_is_object(rt_this(a)) ? rt_object_get_ptr(rt_this(a)) : NULL;
  if (!u || u->closing) {
    rt_throw_error("handle is closed");
    return NULL;
  }
  return u;
}

static void ctor(rt_args *a) {
  udp_wrap *u = dr_calloc(1, sizeof *u);
  int r = uv_udp_init(rt_env_current->loop, &u->udp);
  if (r < 0) {
    free(u);
    rt_throw_errno(r, "uv_udp_init", NULL, NULL);
    return;
  }
  u->udp.data = u;
  u->obj = rt_ref_new(rt_this(a));
  rt_object_set_ptr(rt_this(a), u);
}

static void send_ctor(rt_args *a) {
  (void)a;
}

/* A sockaddr from ip (string) and port, for family 4 or 6. */
static int make_addr(rt_val ip, rt_val port, int family, struct sockaddr_storage *ss) {
  char *s = rt_to_utf8(ip, NULL);
  int p = rt_to_int32(port);
  int r = family == 6 ? uv_ip6_addr(s, p, (struct sockaddr_in6 *)ss)
                      : uv_ip4_addr(s, p, (struct sockaddr_in *)ss);
  free(s);
  return r;
}

/* Fills out with { address, family, port }. */
static void addr_fill(rt_val out, const struct sockaddr *sa) {
  char ip[INET6_ADDRSTRLEN] = "";
  int port = 0;
  const char *family = "IPv4";
  if (sa->sa_family == AF_INET6) {
    const struct sockaddr_in6 *a6 = (const struct sockaddr_in6 *)sa;
    uv_ip6_name(a6, ip, sizeof ip);
    port = ntohs(a6->sin6_port);
    family = "IPv6";
  } else if (sa->sa_family == AF_INET) {
    const struct sockaddr_in *a4 = (const struct sockaddr_in *)sa;
    uv_ip4_name(a4, ip, sizeof ip);
    port = ntohs(a4->sin_port);
  }
  rt_set(out, "address", rt_string(ip));
  rt_set(out, "family", rt_string(family));
  rt_set(out, "port", rt_int(port));
}

static void open_(rt_args *a) {
  udp_wrap *u = self(a);
  if (u) rt_return_int(a, uv_udp_open(&u->udp, rt_to_int32(rt_arg(a, 0))));
}

static void do_bind(rt_args *a, int family) {
  udp_wrap *u = self(a);
  if (!u) return;
  struct sockaddr_storage ss;
  int r = make_addr(rt_arg(a, 0), rt_arg(a, 1), family, &ss);
  if (r == 0) r = uv_udp_bind(&u->udp, (struct sockaddr *)&ss, (unsigned)rt_to_int32(rt_arg(a, 2)));
  rt_return_int(a, r);
}
static void bind4(rt_args *a) {
  do_bind(a, 4);
}
static void bind6(rt_args *a) {
  do_bind(a, 6);
}

static void do_connect(rt_args *a, int family) {
  udp_wrap *u = self(a);
  if (!u) return;
  struct sockaddr_storage ss;
  int r = make_addr(rt_arg(a, 0), rt_arg(a, 1), family, &ss);
  if (r == 0) r = uv_udp_connect(&u->udp, (struct sockaddr *)&ss);
  rt_return_int(a, r);
}
static void connect4(rt_args *a) {
  do_connect(a, 4);
}
static void connect6(rt_args *a) {
  do_connect(a, 6);
}
static void disconnect_(rt_args *a) {
  udp_wrap *u = self(a);
  if (u) rt_return_int(a, uv_udp_connect(&u->udp, NULL));
}

static void send_cb(uv_udp_send_t *req, int status) {
  send_req *q = (send_req *)req;
  if (q->has_cb) {
    rt_scope *sc = rt_scope_open();
    rt_val obj = rt_ref_get(q->reqobj);
    rt_val fn = rt_get(obj, "oncomplete");
    if (fn && rt_is_function(fn)) {
      rt_val argv[2] = {rt_int(status), rt_int((int64_t)q->size)};
      rt_make_callback(fn, obj, 2, argv);
    }
    rt_scope_close(sc);
  }
  rt_ref_free(q->reqobj);
  free(q);
}

/* send(req, list, count, port, ip, hasCallback) or, connected,
 * send(req, list, count, hasCallback) */
static void do_send(rt_args *a, int family) {
  udp_wrap *u = self(a);
  if (!u) return;
  bool sendto = rt_argc(a) >= 6;
  rt_val list = rt_arg(a, 1);
  if (!rt_is_object(rt_arg(a, 0)) || !rt_is_array(list)) {
    rt_throw_type_error("send(req, list, count, ...): bad arguments");
    return;
  }
  uint32_t n = rt_array_length(list), count = (uint32_t)rt_to_int32(rt_arg(a, 2));
  if (count < n) n = count;
  struct sockaddr_storage ss;
  const struct sockaddr *addr = NULL;
  if (sendto) {
    int r = make_addr(rt_arg(a, 4), rt_arg(a, 3), family, &ss);
    if (r < 0) {
      rt_return_int(a, r);
      return;
    }
    addr = (const struct sockaddr *)&ss;
  }
  bool has_cb = rt_to_bool(rt_arg(a, sendto ? 5 : 3));
  uv_buf_t stackbufs[16], *bufs = n > 16 ? dr_calloc(n, sizeof *bufs) : stackbufs;
  size_t total = 0;
  for (uint32_t i = 0; i < n; i++) {
    size_t len = 0;
    char *p = rt_view_data(rt_get_i(list, i), &len);
    bufs[i] = uv_buf_init(p ? p : "", (unsigned)len);
    total += len;
  }
  /* As Node: try at once; queue only if the socket would block. */
  int r = uv_udp_try_send(&u->udp, bufs, n, addr);
  if (r >= 0) {
    if (bufs != stackbufs) free(bufs);
    rt_return_int(a, (int64_t)total + 1);
    return;
  }
  if (r != UV_EAGAIN && r != UV_ENOSYS) {
    if (bufs != stackbufs) free(bufs);
    rt_return_int(a, r);
    return;
  }
  send_req *q = dr_calloc(1, sizeof *q);
  q->reqobj = rt_ref_new(rt_arg(a, 0));
  q->size = total;
  q->has_cb = has_cb;
  r = uv_udp_send(&q->req, &u->udp, bufs, n, addr, send_cb);
  if (bufs != stackbufs) free(bufs);
  if (r < 0) {
    rt_ref_free(q->reqobj);
    free(q);
  }
  rt_return_int(a, r);
}
static void send4(rt_args *a) {
  do_send(a, 4);
}
static void send6(rt_args *a) {
  do_send(a, 6);
}

static void alloc_cb(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
  (void)h;
  (void)suggested;
  buf->base = malloc(65536);
  buf->len = buf->base ? 65536 : 0;
}

static void recv_cb(uv_udp_t *h, ssize_t n, const uv_buf_t *buf, const struct sockaddr *addr,
                    unsigned flags) {
  (void)flags;
  udp_wrap *u = h->data;
  if (n == 0 && addr == NULL) { /* nothing more to read now */
    free(buf->base);
    return;
  }
  rt_scope *sc = rt_scope_open();
  rt_val obj = rt_ref_get(u->obj);
  rt_val fn = rt_get(obj, "onmessage");
  if (n < 0) {
    free(buf->base);
    if (fn && rt_is_function(fn)) {
      rt_val argv[2] = {rt_int(n), obj};
      rt_make_callback(fn, obj, 2, argv);
    }
  } else {
    rt_val ab;
    if (n == 0) {
      free(buf->base);
      ab = rt_array_buffer(0, true);
    } else {
      void *data = realloc(buf->base, (size_t)n); /* shrink; the buffer is handed over */
      if (!data) data = buf->base;
      ab = rt_array_buffer_take(data, (size_t)n);
    }
    rt_val bytes = rt_uint8array(ab, 0, (size_t)n);
    rt_val rinfo = rt_object();
    addr_fill(rinfo, addr);
    if (fn && rt_is_function(fn)) {
      rt_val argv[4] = {rt_int(n), obj, bytes, rinfo};
      rt_make_callback(fn, obj, 4, argv);
    }
  }
  rt_scope_close(sc);
}

static void recv_start(rt_args *a) {
  udp_wrap *u = self(a);
  if (!u) return;
  int r = uv_udp_recv_start(&u->udp, alloc_cb, recv_cb);
  rt_return_int(a, r == UV_EALREADY ? 0 : r);
}
static void recv_stop(rt_args *a) {
  udp_wrap *u = self(a);
  if (u) rt_return_int(a, uv_udp_recv_stop(&u->udp));
}

static void getsockname_(rt_args *a) {
  udp_wrap *u = self(a);
  if (!u) return;
  struct sockaddr_storage ss;
  int len = sizeof ss;
  int r = uv_udp_getsockname(&u->udp, (struct sockaddr *)&ss, &len);
  if (r == 0 && rt_is_object(rt_arg(a, 0))) addr_fill(rt_arg(a, 0), (struct sockaddr *)&ss);
  rt_return_int(a, r);
}
static void getpeername_(rt_args *a) {
  udp_wrap *u = self(a);
  if (!u) return;
  struct sockaddr_storage ss;
  int len = sizeof ss;
  int r = uv_udp_getpeername(&u->udp, (struct sockaddr *)&ss, &len);
  if (r == 0 && rt_is_object(rt_arg(a, 0))) addr_fill(rt_arg(a, 0), (struct sockaddr *)&ss);
  rt_return_int(a, r);
}

static void set_broadcast(rt_args *a) {
  udp_wrap *u = self(a);
  if (u) rt_return_int(a, uv_udp_set_broadcast(&u->udp, rt_to_int32(rt_arg(a, 0))));
}
static void set_ttl(rt_args *a) {
  udp_wrap *u = self(a);
  if (u) rt_return_int(a, uv_udp_set_ttl(&u->udp, rt_to_int32(rt_arg(a, 0))));
}
static void set_multicast_ttl(rt_args *a) {
  udp_wrap *u = self(a);
  if (u) rt_return_int(a, uv_udp_set_multicast_ttl(&u->udp, rt_to_int32(rt_arg(a, 0))));
}
static void set_multicast_loopback(rt_args *a) {
  udp_wrap *u = self(a);
  if (u) rt_return_int(a, uv_udp_set_multicast_loop(&u->udp, rt_to_int32(rt_arg(a, 0))));
}

/* An optional string argument: malloc'd, or NULL when undefined/null. */
static char *opt_str(rt_args *a, int i) {
  rt_val v = rt_arg(a, i);
  return rt_is_nullish(v) ? NULL : rt_to_utf8(v, NULL);
}

static void set_multicast_interface(rt_args *a) {
  udp_wrap *u = self(a);
  if (!u) return;
  char *iface = opt_str(a, 0);
  rt_return_int(a, uv_udp_set_multicast_interface(&u->udp, iface));
  free(iface);
}

static void membership(rt_args *a, uv_membership m) {
  udp_wrap *u = self(a);
  if (!u) return;
  char *group = opt_str(a, 0), *iface = opt_str(a, 1);
  rt_return_int(a, group ? uv_udp_set_membership(&u->udp, group, iface, m) : UV_EINVAL);
  free(group);
  free(iface);
}
static void add_membership(rt_args *a) {
  membership(a, UV_JOIN_GROUP);
}
static void drop_membership(rt_args *a) {
  membership(a, UV_LEAVE_GROUP);
}

static void source_membership(rt_args *a, uv_membership m) {
  udp_wrap *u = self(a);
  if (!u) return;
  char *source = opt_str(a, 0), *group = opt_str(a, 1), *iface = opt_str(a, 2);
  rt_return_int(a, source && group ? uv_udp_set_source_membership(&u->udp, group, iface, source, m)
                                   : UV_EINVAL);
  free(source);
  free(group);
  free(iface);
}
static void add_source_membership(rt_args *a) {
  source_membership(a, UV_JOIN_GROUP);
}
static void drop_source_membership(rt_args *a) {
  source_membership(a, UV_LEAVE_GROUP);
}

/* bufferSize(size, isRecv, ctx): size 0 reads the current size. */
static void buffer_size(rt_args *a) {
  udp_wrap *u = self(a);
  if (!u) return;
  bool recv = rt_is_true(rt_arg(a, 1));
  const char *fn = recv ? "uv_recv_buffer_size" : "uv_send_buffer_size";
  int err = 0, size = 0;
  if (!rt_is_int32(rt_arg(a, 0))) {
    err = UV_EINVAL;
  } else {
    size = rt_to_int32(rt_arg(a, 0));
    err = recv ? uv_recv_buffer_size((uv_handle_t *)&u->udp, &size)
               : uv_send_buffer_size((uv_handle_t *)&u->udp, &size);
  }
  if (err) {
    rt_val ctx = rt_arg(a, 2);
    if (rt_is_object(ctx)) {
      rt_set(ctx, "errno", rt_int(err));
      rt_set(ctx, "code", rt_string(uv_err_name(err)));
      rt_set(ctx, "message", rt_string(uv_strerror(err)));
      rt_set(ctx, "syscall", rt_string(fn));
    }
    return; /* undefined */
  }
  rt_return_int(a, size);
}

static void send_queue_size(rt_args *a) {
  udp_wrap *u = self(a);
  if (u) rt_return_number(a, (double)uv_udp_get_send_queue_size(&u->udp));
}
static void send_queue_count(rt_args *a) {
  udp_wrap *u = self(a);
  if (u) rt_return_number(a, (double)uv_udp_get_send_queue_count(&u->udp));
}

static udp_wrap *open_or_null(rt_args *a) {
  udp_wrap *u = rt_is_object(rt_this(a)) ? rt_object_get_ptr(rt_this(a)) : NULL;
  return u && !u->closing ? u : NULL;
}

static void close_cb(uv_handle_t *h) {
  udp_wrap *u = h->data;
  rt_scope *sc = rt_scope_open();
  rt_val obj = rt_ref_get(u->obj);
  rt_object_set_ptr(obj, NULL);
  if (u->on_close) rt_make_callback(rt_ref_get(u->on_close), obj, 0, NULL);
  rt_scope_close(sc);
  rt_ref_free(u->on_close);
  rt_ref_free(u->obj);
  free(u);
}

static void close_(rt_args *a) {
  udp_wrap *u = open_or_null(a);
  if (!u) return;
  if (rt_is_function(rt_arg(a, 0))) u->on_close = rt_ref_new(rt_arg(a, 0));
  u->closing = true;
  uv_close((uv_handle_t *)&u->udp, close_cb);
}

static void ref_(rt_args *a) {
  udp_wrap *u = open_or_null(a);
  if (u) uv_ref((uv_handle_t *)&u->udp);
}
static void unref_(rt_args *a) {
  udp_wrap *u = open_or_null(a);
  if (u) uv_unref((uv_handle_t *)&u->udp);
}
static void has_ref(rt_args *a) {
  udp_wrap *u = open_or_null(a);
  rt_return_bool(a, u && uv_has_ref((uv_handle_t *)&u->udp));
}
static void get_fd(rt_args *a) {
  udp_wrap *u = open_or_null(a);
  uv_os_fd_t fd = -1;
  if (u) uv_fileno((uv_handle_t *)&u->udp, &fd);
  rt_return_int(a, fd);
}

void rt_binding_init_udp_wrap(rt_val e) {
  udp_class = rt_class_new("UDP", ctor, 1);
  rt_class_method(udp_class, "open", open_);
  rt_class_method(udp_class, "bind", bind4);
  rt_class_method(udp_class, "bind6", bind6);
  rt_class_method(udp_class, "connect", connect4);
  rt_class_method(udp_class, "connect6", connect6);
  rt_class_method(udp_class, "disconnect", disconnect_);
  rt_class_method(udp_class, "send", send4);
  rt_class_method(udp_class, "send6", send6);
  rt_class_method(udp_class, "recvStart", recv_start);
  rt_class_method(udp_class, "recvStop", recv_stop);
  rt_class_method(udp_class, "getsockname", getsockname_);
  rt_class_method(udp_class, "getpeername", getpeername_);
  rt_class_method(udp_class, "setBroadcast", set_broadcast);
  rt_class_method(udp_class, "setTTL", set_ttl);
  rt_class_method(udp_class, "setMulticastTTL", set_multicast_ttl);
  rt_class_method(udp_class, "setMulticastLoopback", set_multicast_loopback);
  rt_class_method(udp_class, "setMulticastInterface", set_multicast_interface);
  rt_class_method(udp_class, "addMembership", add_membership);
  rt_class_method(udp_class, "dropMembership", drop_membership);
  rt_class_method(udp_class, "addSourceSpecificMembership", add_source_membership);
  rt_class_method(udp_class, "dropSourceSpecificMembership", drop_source_membership);
  rt_class_method(udp_class, "bufferSize", buffer_size);
  rt_class_method(udp_class, "getSendQueueSize", send_queue_size);
  rt_class_method(udp_class, "getSendQueueCount", send_queue_count);
  rt_class_method(udp_class, "close", close_);
  rt_class_method(udp_class, "ref", ref_);
  rt_class_method(udp_class, "unref", unref_);
  rt_class_method(udp_class, "hasRef", has_ref);
  rt_class_method(udp_class, "getFd", get_fd);
  rt_set(e, "UDP", rt_class_function(udp_class));
  send_class = rt_class_new("SendWrap", send_ctor, 0);
  rt_set(e, "SendWrap", rt_class_function(send_class));
  rt_val constants = rt_object();
  rt_set(constants, "UV_UDP_IPV6ONLY", rt_int(UV_UDP_IPV6ONLY));
  rt_set(constants, "UV_UDP_REUSEADDR", rt_int(UV_UDP_REUSEADDR));
  rt_set(e, "constants", constants);
}
