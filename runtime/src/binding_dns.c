/* binding_dns.c — internalBinding('dns'): name resolution on libuv's
 * getaddrinfo (the threadpool), for dns.lookup and net.connect.
 *
 *   getaddrinfo(host, family (0|4|6), hints, all, cb(errno, addresses))
 *   addresses: [{ address, family: 4|6 }...] in the resolver's order
 *   getnameinfo(ip, port, cb(errno, hostname, service))  (dns.lookupService)
 */
#include <netdb.h>
#include <stdlib.h>
#include <string.h>

#include "devrun/util.h"
#include "runtime.h"

typedef struct {
  uv_getaddrinfo_t req;
  rt_ref *cb;
} lookup_req;

static void lookup_cb(uv_getaddrinfo_t *req, int status, struct addrinfo *res) {
  lookup_req *l = (lookup_req *)req;
  rt_scope *sc = rt_scope_open();
  rt_val list = rt_array(0);
  uint32_t n = 0;
  for (struct addrinfo *ai = res; ai && status == 0; ai = ai->ai_next) {
    char ip[64];
    int fam = 0;
    if (ai->ai_family == AF_INET) {
      uv_ip4_name((struct sockaddr_in *)ai->ai_addr, ip, sizeof ip);
      fam = 4;
    } else if (ai->ai_family == AF_INET6) {
      uv_ip6_name((struct sockaddr_in6 *)ai->ai_addr, ip, sizeof ip);
      fam = 6;
    } else {
      continue;
    }
    bool dup = false;
    for (uint32_t i = 0; i < n && !dup; i++) {
      rt_val prev = rt_get_i(list, i);
      char *p = rt_to_utf8(rt_get(prev, "address"), NULL);
      dup = p && !strcmp(p, ip);
      free(p);
    }
    if (dup) continue;
    rt_val o = rt_object();
    rt_set(o, "address", rt_string(ip));
    rt_set(o, "family", rt_int(fam));
    rt_set_i(list, n++, o);
  }
  if (res) uv_freeaddrinfo(res);
  rt_val argv[2] = {rt_int(status), list};
  rt_make_callback(rt_ref_get(l->cb), rt_undefined(), 2, argv);
  rt_scope_close(sc);
  rt_ref_free(l->cb);
  free(l);
}

static void getaddrinfo_(rt_args *a) {
  char *host = RT_ARG_STR(a, 0);
  int family = rt_to_int32(rt_arg(a, 1));
  struct addrinfo hints;
  memset(&hints, 0, sizeof hints);
  hints.ai_family = family == 4 ? AF_INET : family == 6 ? AF_INET6 : AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = rt_to_int32(rt_arg(a, 2));
  lookup_req *l = dr_calloc(1, sizeof *l);
  l->cb = rt_ref_new(rt_arg(a, 3));
  int r = uv_getaddrinfo(rt_env_current->loop, &l->req, lookup_cb, host, NULL, &hints);
  free(host);
  if (r < 0) {
    rt_ref_free(l->cb);
    free(l);
  }
  rt_return_int(a, r);
}

typedef struct {
  uv_getnameinfo_t req;
  rt_ref *cb;
} service_req;

static void nameinfo_cb(uv_getnameinfo_t *req, int status, const char *host, const char *service) {
  service_req *l = (service_req *)req;
  rt_scope *sc = rt_scope_open();
  rt_val argv[3] = {rt_int(status), status == 0 && host ? rt_string(host) : rt_undefined(),
                    status == 0 && service ? rt_string(service) : rt_undefined()};
  rt_make_callback(rt_ref_get(l->cb), rt_undefined(), 3, argv);
  rt_scope_close(sc);
  rt_ref_free(l->cb);
  free(l);
}

static void getnameinfo_(rt_args *a) {
  char *ip = RT_ARG_STR(a, 0);
  int port = rt_to_int32(rt_arg(a, 1));
  struct sockaddr_storage ss;
  memset(&ss, 0, sizeof ss);
  int r = ip ? uv_ip4_addr(ip, port, (struct sockaddr_in *)&ss) : UV_EINVAL;
  if (r < 0 && ip) r = uv_ip6_addr(ip, port, (struct sockaddr_in6 *)&ss);
  free(ip);
  if (r < 0) {
    rt_return_int(a, r);
    return;
  }
  service_req *l = dr_calloc(1, sizeof *l);
  l->cb = rt_ref_new(rt_arg(a, 2));
  r = uv_getnameinfo(rt_env_current->loop, &l->req, nameinfo_cb, (struct sockaddr *)&ss, NI_NAMEREQD);
  if (r < 0) {
    rt_ref_free(l->cb);
    free(l);
  }
  rt_return_int(a, r);
}

static void is_ip(rt_args *a) {
  char *s = RT_ARG_STR(a, 0);
  unsigned char buf[16];
  int r = 0;
  if (s && uv_inet_pton(AF_INET, s, buf) == 0) r = 4;
  else if (s && uv_inet_pton(AF_INET6, s, buf) == 0) r = 6;
  free(s);
  rt_return_int(a, r);
}

void rt_binding_init_dns(rt_val e) {
  rt_set_method(e, "getaddrinfo", getaddrinfo_);
  rt_set_method(e, "getnameinfo", getnameinfo_);
  rt_set_method(e, "isIP", is_ip);
  rt_set(e, "AI_ADDRCONFIG", rt_int(AI_ADDRCONFIG));
  rt_set(e, "AI_V4MAPPED", rt_int(AI_V4MAPPED));
  rt_set(e, "AI_ALL", rt_int(AI_ALL));
}
