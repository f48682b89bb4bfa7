/* binding_tcp_wrap.c — internalBinding('tcp_wrap'): TCP sockets and servers
 * on uv_tcp_t, for net, http and everything above them.
 *
 *   const t = new TCP()
 *   t.bind(ip, port, ipv6Only) / t.connect(ip, port, cb(status))
 *   t.getsockname() / t.getpeername() -> { address, family, port }
 *   t.setNoDelay(bool), t.setKeepAlive(bool, secs), t.open(fd)
 * plus the stream methods of stream_wrap.h (listen, read, write, ...).
 * Addresses are numeric here; names are resolved first (internalBinding('dns')).
 */
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <errno.h>
#include <unistd.h>

#include "devrun/util.h"
#include "runtime.h"
#include "stream_wrap.h"

static _Thread_local rt_class *tcp_class;

static void ctor(rt_args *a) {
  rt_stream *s = dr_calloc(1, sizeof *s);
  int r = uv_tcp_init(rt_env_current->loop, &s->u.tcp);
  if (r < 0) {
    free(s);
    rt_throw_errno(r, "uv_tcp_init", NULL, NULL);
    return;
  }
  rt_stream_attach(s, rt_this(a), tcp_class);
}


static int make_addr(const char *ip, int port, struct sockaddr_storage *ss) {
  if (strchr(ip, ':')) return uv_ip6_addr(ip, port, (struct sockaddr_in6 *)ss);
  return uv_ip4_addr(ip, port, (struct sockaddr_in *)ss);
}

static int open_reuse_port(rt_stream *s, const struct sockaddr_storage *ss);

static void bind_(rt_args *a) {
  rt_stream *s = rt_stream_self(a);
  if (!s) return;
  char *ip = RT_ARG_STR(a, 0);
  struct sockaddr_storage ss;
  int r = make_addr(ip, rt_to_int32(rt_arg(a, 1)), &ss);
  unsigned flags = rt_to_bool(rt_arg(a, 2)) ? UV_TCP_IPV6ONLY : 0;
  uv_os_fd_t fd;
  rt_val reuse = rt_get_private(rt_this(a), "reusePort");
  if (r == 0 && reuse && rt_is_true(reuse) && uv_fileno(&s->u.handle, &fd) != 0) r = open_reuse_port(s, &ss);
  if (r == 0) r = uv_tcp_bind(&s->u.tcp, (struct sockaddr *)&ss, flags);
  free(ip);
  rt_return_int(a, r);
}

static int reuse_port_fd(uv_os_fd_t fd) {
  int on = 1;
  return setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on) < 0 ? UV_EINVAL : 0;
}

/* SO_REUSEPORT before bind: several processes share one port (cluster-less
 * multi-process servers).  libuv creates the socket only at bind time, so
 * until then the wish is remembered and bind_() creates the socket itself. */
static void set_reuse_port(rt_args *a) {
  rt_stream *s = rt_stream_self(a);
  if (!s) return;
  uv_os_fd_t fd;
  if (uv_fileno(&s->u.handle, &fd) == 0) {
    rt_return_int(a, reuse_port_fd(fd));
    return;
  }
  rt_set_private(rt_this(a), "reusePort", rt_bool(true));
  rt_return_int(a, 0);
}

/* A socket of the address's family with SO_REUSEPORT, handed to libuv. */
static int open_reuse_port(rt_stream *s, const struct sockaddr_storage *ss) {
  int fd = socket(ss->ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return uv_translate_sys_error(errno);
  int r = reuse_port_fd(fd);
  if (r == 0) r = uv_tcp_open(&s->u.tcp, fd);
  if (r < 0) close(fd);
  return r;
}


static void connect_(rt_args *a) {
  rt_stream *s = rt_stream_self(a);
  if (!s) return;
  char *ip = RT_ARG_STR(a, 0);
  struct sockaddr_storage ss;
  int r = make_addr(ip, rt_to_int32(rt_arg(a, 1)), &ss);
  free(ip);
  if (r == 0) {
    uv_connect_t *req = rt_stream_connect_req(s, rt_arg(a, 2));
    r = uv_tcp_connect(req, &s->u.tcp, (struct sockaddr *)&ss, rt_stream_connect_cb);
    if (r < 0) rt_stream_connect_req_free(req);
  }
  rt_return_int(a, r);
}

static rt_val addr_object(const struct sockaddr_storage *ss) {
  rt_val o = rt_object();
  char ip[64] = "";
  int port = 0;
  if (ss->ss_family == AF_INET6) {
    const struct sockaddr_in6 *a6 = (const struct sockaddr_in6 *)ss;
    uv_ip6_name(a6, ip, sizeof ip);
    port = ntohs(a6->sin6_port);
    rt_set(o, "address", rt_string(ip));
    rt_set(o, "family", rt_string("IPv6"));
  } else {
    const struct sockaddr_in *a4 = (const struct sockaddr_in *)ss;
    uv_ip4_name(a4, ip, sizeof ip);
    port = ntohs(a4->sin_port);
    rt_set(o, "address", rt_string(ip));
    rt_set(o, "family", rt_string("IPv4"));
  }
  rt_set(o, "port", rt_int(port));
  return o;
}

static void getsockname_(rt_args *a) {
  rt_stream *s = rt_stream_self(a);
  if (!s) return;
  struct sockaddr_storage ss;
  int len = sizeof ss;
  if (uv_tcp_getsockname(&s->u.tcp, (struct sockaddr *)&ss, &len) == 0) rt_return(a, addr_object(&ss));
}

static void getpeername_(rt_args *a) {
  rt_stream *s = rt_stream_self(a);
  if (!s) return;
  struct sockaddr_storage ss;
  int len = sizeof ss;
  if (uv_tcp_getpeername(&s->u.tcp, (struct sockaddr *)&ss, &len) == 0) rt_return(a, addr_object(&ss));
}

static void set_no_delay(rt_args *a) {
  rt_stream *s = rt_stream_self(a);
  if (s) rt_return_int(a, uv_tcp_nodelay(&s->u.tcp, rt_to_bool(rt_arg(a, 0))));
}

static void set_keep_alive(rt_args *a) {
  rt_stream *s = rt_stream_self(a);
  if (s)
    rt_return_int(a, uv_tcp_keepalive(&s->u.tcp, rt_to_bool(rt_arg(a, 0)),
                                      (unsigned)rt_to_int32(rt_arg(a, 1))));
}

static void open_(rt_args *a) {
  rt_stream *s = rt_stream_self(a);
  if (s) rt_return_int(a, uv_tcp_open(&s->u.tcp, rt_to_int32(rt_arg(a, 0))));
}

void rt_binding_init_tcp_wrap(rt_val e) {
  tcp_class = rt_class_new("TCP", ctor, 1);
  rt_stream_add_methods(tcp_class);
  rt_class_method(tcp_class, "bind", bind_);
  rt_class_method(tcp_class, "setReusePort", set_reuse_port);
  rt_class_method(tcp_class, "connect", connect_);
  rt_class_method(tcp_class, "getsockname", getsockname_);
  rt_class_method(tcp_class, "getpeername", getpeername_);
  rt_class_method(tcp_class, "setNoDelay", set_no_delay);
  rt_class_method(tcp_class, "setKeepAlive", set_keep_alive);
  rt_class_method(tcp_class, "open", open_);
  rt_set(e, "TCP", rt_class_function(tcp_class));
}
