/* binding_os.c — internalBinding('os'): the native half of the os module
 * (runtime/lib/os.js): system information through libuv, and os.constants
 * (errno, signals, priority, dlopen) taken from the C headers at build time,
 * in Node's order. */
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "runtime.h"

/* errno and signal names in the order Node lists them. */
#define OS_ERRNOS(XX) \
  XX(E2BIG)           \
  XX(EACCES)          \
  XX(EADDRINUSE)      \
  XX(EADDRNOTAVAIL)   \
  XX(EAFNOSUPPORT)    \
  XX(EAGAIN)          \
  XX(EALREADY)        \
  XX(EBADF)           \
  XX(EBADMSG)         \
  XX(EBUSY)           \
  XX(ECANCELED)       \
  XX(ECHILD)          \
  XX(ECONNABORTED)    \
  XX(ECONNREFUSED)    \
  XX(ECONNRESET)      \
  XX(EDEADLK)         \
  XX(EDESTADDRREQ)    \
  XX(EDOM)            \
  XX(EDQUOT)          \
  XX(EEXIST)          \
  XX(EFAULT)          \
  XX(EFBIG)           \
  XX(EHOSTUNREACH)    \
  XX(EIDRM)           \
  XX(EILSEQ)          \
  XX(EINPROGRESS)     \
  XX(EINTR)           \
  XX(EINVAL)          \
  XX(EIO)             \
  XX(EISCONN)         \
  XX(EISDIR)          \
  XX(ELOOP)           \
  XX(EMFILE)          \
  XX(EMLINK)          \
  XX(EMSGSIZE)        \
  XX(EMULTIHOP)       \
  XX(ENAMETOOLONG)    \
  XX(ENETDOWN)        \
  XX(ENETRESET)       \
  XX(ENETUNREACH)     \
  XX(ENFILE)          \
  XX(ENOBUFS)         \
  XX(ENODATA)         \
  XX(ENODEV)          \
  XX(ENOENT)          \
  XX(ENOEXEC)         \
  XX(ENOLCK)          \
  XX(ENOLINK)         \
  XX(ENOMEM)          \
  XX(ENOMSG)          \
  XX(ENOPROTOOPT)     \
  XX(ENOSPC)          \
  XX(ENOSR)           \
  XX(ENOSTR)          \
  XX(ENOSYS)          \
  XX(ENOTCONN)        \
  XX(ENOTDIR)         \
  XX(ENOTEMPTY)       \
  XX(ENOTSOCK)        \
  XX(ENOTSUP)         \
  XX(ENOTTY)          \
  XX(ENXIO)           \
  XX(EOPNOTSUPP)      \
  XX(EOVERFLOW)       \
  XX(EPERM)           \
  XX(EPIPE)           \
  XX(EPROTO)          \
  XX(EPROTONOSUPPORT) \
  XX(EPROTOTYPE)      \
  XX(ERANGE)          \
  XX(EROFS)           \
  XX(ESPIPE)          \
  XX(ESRCH)           \
  XX(ESTALE)          \
  XX(ETIME)           \
  XX(ETIMEDOUT)       \
  XX(ETXTBSY)         \
  XX(EWOULDBLOCK)     \
  XX(EXDEV)
#define OS_SIGNALS(XX) \
  XX(SIGHUP)           \
  XX(SIGINT)           \
  XX(SIGQUIT)          \
  XX(SIGILL)           \
  XX(SIGTRAP)          \
  XX(SIGABRT)          \
  XX(SIGIOT)           \
  XX(SIGBUS)           \
  XX(SIGFPE)           \
  XX(SIGKILL)          \
  XX(SIGUSR1)          \
  XX(SIGSEGV)          \
  XX(SIGUSR2)          \
  XX(SIGPIPE)          \
  XX(SIGALRM)          \
  XX(SIGTERM)          \
  XX(SIGCHLD)          \
  XX(SIGSTKFLT)        \
  XX(SIGCONT)          \
  XX(SIGSTOP)          \
  XX(SIGTSTP)          \
  XX(SIGTTIN)          \
  XX(SIGTTOU)          \
  XX(SIGURG)           \
  XX(SIGXCPU)          \
  XX(SIGXFSZ)          \
  XX(SIGVTALRM)        \
  XX(SIGPROF)          \
  XX(SIGWINCH)         \
  XX(SIGIO)            \
  XX(SIGPOLL)          \
  XX(SIGPWR)           \
  XX(SIGSYS)

static void hostname(rt_args *a) {
  char buf[256];
  size_t n = sizeof buf;
  if (uv_os_gethostname(buf, &n) == 0) rt_return(a, rt_string(buf));
}
static void loadavg(rt_args *a) {
  double avg[3];
  uv_loadavg(avg);
  rt_val r = rt_array(3);
  for (uint32_t i = 0; i < 3; i++) rt_set_i(r, i, rt_number(avg[i]));
  rt_return(a, r);
}
static void uptime(rt_args *a) {
  double u;
  if (uv_uptime(&u) == 0) rt_return_number(a, u);
}
static void totalmem(rt_args *a) {
  rt_return_number(a, (double)uv_get_total_memory());
}
static void freemem(rt_args *a) {
  rt_return_number(a, (double)uv_get_free_memory());
}
static void cpus(rt_args *a) {
  uv_cpu_info_t *info;
  int n;
  if (uv_cpu_info(&info, &n) < 0) return;
  rt_val r = rt_array(0);
  for (int i = 0; i < n; i++) {
    rt_val c = rt_object(), t = rt_object();
    rt_set(c, "model", rt_string(info[i].model));
    rt_set(c, "speed", rt_int(info[i].speed));
    rt_set(t, "user", rt_number((double)info[i].cpu_times.user));
    rt_set(t, "nice", rt_number((double)info[i].cpu_times.nice));
    rt_set(t, "sys", rt_number((double)info[i].cpu_times.sys));
    rt_set(t, "idle", rt_number((double)info[i].cpu_times.idle));
    rt_set(t, "irq", rt_number((double)info[i].cpu_times.irq));
    rt_set(c, "times", t);
    rt_set_i(r, (uint32_t)i, c);
  }
  uv_free_cpu_info(info, n);
  rt_return(a, r);
}
static void uname_(rt_args *a) {
  struct utsname u;
  if (uname(&u) < 0) return;
  rt_val r = rt_array(4);
  rt_set_i(r, 0, rt_string(u.sysname));
  rt_set_i(r, 1, rt_string(u.release));
  rt_set_i(r, 2, rt_string(u.version));
  rt_set_i(r, 3, rt_string(u.machine));
  rt_return(a, r);
}
static void homedir(rt_args *a) {
  char buf[4096];
  size_t n = sizeof buf;
  if (uv_os_homedir(buf, &n) == 0) rt_return(a, rt_string(buf));
}
static void user_info(rt_args *a) {
  uv_passwd_t pw;
  int r = uv_os_get_passwd(&pw);
  if (r < 0) {
    rt_throw_errno(r, "uv_os_get_passwd", NULL, NULL);
    return;
  }
  rt_val o = rt_object();
  rt_set(o, "uid", rt_int((int64_t)pw.uid));
  rt_set(o, "gid", rt_int((int64_t)pw.gid));
  rt_set(o, "username", rt_string(pw.username));
  rt_set(o, "homedir", rt_string(pw.homedir));
  rt_set(o, "shell", pw.shell ? rt_string(pw.shell) : rt_null());
  uv_os_free_passwd(&pw);
  rt_return(a, o);
}
static void interfaces(rt_args *a) {
  uv_interface_address_t *ifs;
  int n;
  if (uv_interface_addresses(&ifs, &n) < 0) return;
  rt_val r = rt_array(0);
  for (int i = 0; i < n; i++) {
    char ip[64] = "", mask[64] = "", mac[32];
    bool v6 = ifs[i].address.address4.sin_family == AF_INET6;
    if (v6) {
      uv_ip6_name(&ifs[i].address.address6, ip, sizeof ip);
      uv_ip6_name(&ifs[i].netmask.netmask6, mask, sizeof mask);
    } else {
      uv_ip4_name(&ifs[i].address.address4, ip, sizeof ip);
      uv_ip4_name(&ifs[i].netmask.netmask4, mask, sizeof mask);
    }
    const unsigned char *m = (const unsigned char *)ifs[i].phys_addr;
    snprintf(mac, sizeof mac, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
    rt_val o = rt_object();
    rt_set(o, "name", rt_string(ifs[i].name));
    rt_set(o, "address", rt_string(ip));
    rt_set(o, "netmask", rt_string(mask));
    rt_set(o, "family", rt_string(v6 ? "IPv6" : "IPv4"));
    rt_set(o, "mac", rt_string(mac));
    rt_set(o, "internal", rt_bool(ifs[i].is_internal));
    rt_set(o, "scopeid", v6 ? rt_int(ifs[i].address.address6.sin6_scope_id) : rt_undefined());
    rt_set_i(r, (uint32_t)i, o);
  }
  uv_free_interface_addresses(ifs, n);
  rt_return(a, r);
}
static void get_priority(rt_args *a) {
  int p;
  int r = uv_os_getpriority(rt_to_int32(rt_arg(a, 0)), &p);
  if (r < 0)
    rt_throw_errno(r, "uv_os_getpriority", NULL, NULL);
  else
    rt_return_int(a, p);
}
static void set_priority(rt_args *a) {
  int r = uv_os_setpriority(rt_to_int32(rt_arg(a, 0)), rt_to_int32(rt_arg(a, 1)));
  if (r < 0) rt_throw_errno(r, "uv_os_setpriority", NULL, NULL);
}
static void tmpdir(rt_args *a) {
  char buf[4096];
  size_t n = sizeof buf;
  if (uv_os_tmpdir(buf, &n) == 0) rt_return(a, rt_string_n(buf, n));
}
static void uname_all(rt_args *a) {
  uv_utsname_t u;
  if (uv_os_uname(&u) < 0) return;
  rt_val r = rt_array(4);
  rt_set_i(r, 0, rt_string(u.sysname));
  rt_set_i(r, 1, rt_string(u.release));
  rt_set_i(r, 2, rt_string(u.version));
  rt_set_i(r, 3, rt_string(u.machine));
  rt_return(a, r);
}

static rt_val constants(void) {
  rt_val c = rt_object(), er = rt_object_null_proto(), sg = rt_object_null_proto(),
         pr = rt_object_null_proto(), dl = rt_object_null_proto();
#define XX(n) rt_set(er, #n, rt_int(n));
  OS_ERRNOS(XX)
#undef XX
#define XX(n) rt_set(sg, #n, rt_int(n));
  OS_SIGNALS(XX)
#undef XX
  rt_set(pr, "PRIORITY_LOW", rt_int(UV_PRIORITY_LOW));
  rt_set(pr, "PRIORITY_BELOW_NORMAL", rt_int(UV_PRIORITY_BELOW_NORMAL));
  rt_set(pr, "PRIORITY_NORMAL", rt_int(UV_PRIORITY_NORMAL));
  rt_set(pr, "PRIORITY_ABOVE_NORMAL", rt_int(UV_PRIORITY_ABOVE_NORMAL));
  rt_set(pr, "PRIORITY_HIGH", rt_int(UV_PRIORITY_HIGH));
  rt_set(pr, "PRIORITY_HIGHEST", rt_int(UV_PRIORITY_HIGHEST));
  rt_set(dl, "RTLD_LAZY", rt_int(RTLD_LAZY));
  rt_set(dl, "RTLD_NOW", rt_int(RTLD_NOW));
  rt_set(dl, "RTLD_GLOBAL", rt_int(RTLD_GLOBAL));
  rt_set(dl, "RTLD_LOCAL", rt_int(RTLD_LOCAL));
#ifdef RTLD_DEEPBIND
  rt_set(dl, "RTLD_DEEPBIND", rt_int(RTLD_DEEPBIND));
#endif
  rt_set(c, "UV_UDP_REUSEADDR", rt_int(UV_UDP_REUSEADDR));
  rt_set(c, "dlopen", dl);
  rt_set(c, "errno", er);
  rt_set(c, "signals", sg);
  rt_set(c, "priority", pr);
  return c;
}

static void available_parallelism(rt_args *a) {
  rt_return_int(a, uv_available_parallelism());
}

void rt_binding_init_os(rt_val e) {
  rt_set_method(e, "hostname", hostname);
  rt_set_method(e, "loadavg", loadavg);
  rt_set_method(e, "uptime", uptime);
  rt_set_method(e, "totalmem", totalmem);
  rt_set_method(e, "freemem", freemem);
  rt_set_method(e, "cpus", cpus);
  rt_set_method(e, "uname", uname_);
  rt_set_method(e, "homedir", homedir);
  rt_set_method(e, "userInfo", user_info);
  rt_set_method(e, "networkInterfaces", interfaces);
  rt_set_method(e, "getPriority", get_priority);
  rt_set_method(e, "availableParallelism", available_parallelism);
  rt_set_method(e, "setPriority", set_priority);
  rt_set_method(e, "tmpdir", tmpdir);
  rt_set_method(e, "unameAll", uname_all);
  rt_set(e, "constants", constants());
}
