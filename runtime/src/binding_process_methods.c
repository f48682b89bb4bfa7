/* binding_process.c — internalBinding('process_methods') and
 * internalBinding('credentials'): the native half of the process object
 * (hrtime, cwd/chdir, umask, memoryUsage, kill, reallyExit, environment,
 * resource usage, uptime) and the uid/gid family. */
#include <errno.h>
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "runtime.h"

extern char **environ;

static _Thread_local uint64_t start_hr; /* per thread: a worker's performance.now() starts at 0 too */

/* hrtime(buf): writes [sec_hi, sec_lo, nsec] into a Uint32Array */
static void hrtime(rt_args *a) {
  size_t len;
  uint32_t *f = rt_view_data(rt_arg(a, 0), &len);
  uint64_t t = uv_hrtime();
  if (!f || len < 12) return;
  uint64_t sec = t / 1000000000ull;
  f[0] = (uint32_t)(sec >> 32);
  f[1] = (uint32_t)(sec & 0xffffffff);
  f[2] = (uint32_t)(t % 1000000000ull);
}
static void hrtime_bigint(rt_args *a) { rt_return(a, rt_biguint(uv_hrtime())); }

static void cwd(rt_args *a) {
  char buf[4096];
  size_t n = sizeof buf;
  int r = uv_cwd(buf, &n);
  if (r < 0) {
    rt_throw_errno(r, "uv_cwd", NULL, NULL);
    return;
  }
  rt_return(a, rt_string_n(buf, n));
}

static void chdir_(rt_args *a) {
  char *d = RT_ARG_STR(a, 0);
  int r = uv_chdir(d);
  if (r < 0) rt_throw_errno(r, "chdir", d, NULL);
  free(d);
}

static void umask_(rt_args *a) {
  mode_t old;
  if (rt_is_undefined(rt_arg(a, 0))) {
    old = umask(0);
    umask(old);
  } else {
    old = umask((mode_t)rt_to_int32(rt_arg(a, 0)));
  }
  rt_return_int(a, old);
}

static void memory_usage(rt_args *a) {
  size_t len;
  double *f = rt_view_data(rt_arg(a, 0), &len);
  if (!f || len < 5 * sizeof(double)) return;
  size_t rss = 0;
  uv_resident_set_memory(&rss);
  rt_heap_stats st;
  rt_heap_statistics(&st);
  f[0] = (double)rss;
  f[1] = (double)st.total_heap_size;
  f[2] = (double)st.used_heap_size;
  f[3] = (double)st.external_memory;
  f[4] = 0; /* arrayBuffers: tracked by the allocator in Node; not here */
}

static void rss(rt_args *a) {
  size_t r = 0;
  uv_resident_set_memory(&r);
  rt_return_number(a, (double)r);
}

static void kill_(rt_args *a) {
  int pid = rt_to_int32(rt_arg(a, 0));
  int sig = rt_to_int32(rt_arg(a, 1));
  int r = uv_kill(pid, sig);
  rt_return_int(a, r);
}

static void really_exit(rt_args *a) {
  if (rt_is_worker_thread()) {
    rt_worker_exit(rt_to_int32(rt_arg(a, 0)));
    return;
  }
  rt_process_exit(rt_to_int32(rt_arg(a, 0)));
}

static void uptime(rt_args *a) {
  rt_return_number(a, (double)(uv_hrtime() - start_hr) / 1e9);
}

static void cpu_usage(rt_args *a) {
  size_t len;
  double *f = rt_view_data(rt_arg(a, 0), &len);
  uv_rusage_t ru;
  if (!f || len < 2 * sizeof(double) || uv_getrusage(&ru) < 0) return;
  f[0] = (double)ru.ru_utime.tv_sec * 1e6 + (double)ru.ru_utime.tv_usec;
  f[1] = (double)ru.ru_stime.tv_sec * 1e6 + (double)ru.ru_stime.tv_usec;
}

static void resource_usage(rt_args *a) {
  uv_rusage_t ru;
  if (uv_getrusage(&ru) < 0) return;
  rt_val o = rt_object();
  rt_set(o, "userCPUTime", rt_number((double)ru.ru_utime.tv_sec * 1e6 + (double)ru.ru_utime.tv_usec));
  rt_set(o, "systemCPUTime", rt_number((double)ru.ru_stime.tv_sec * 1e6 + (double)ru.ru_stime.tv_usec));
  rt_set(o, "maxRSS", rt_number((double)ru.ru_maxrss));
  rt_set(o, "sharedMemorySize", rt_number((double)ru.ru_ixrss));
  rt_set(o, "unsharedDataSize", rt_number((double)ru.ru_idrss));
  rt_set(o, "unsharedStackSize", rt_number((double)ru.ru_isrss));
  rt_set(o, "minorPageFault", rt_number((double)ru.ru_minflt));
  rt_set(o, "majorPageFault", rt_number((double)ru.ru_majflt));
  rt_set(o, "swappedOut", rt_number((double)ru.ru_nswap));
  rt_set(o, "fsRead", rt_number((double)ru.ru_inblock));
  rt_set(o, "fsWrite", rt_number((double)ru.ru_oublock));
  rt_set(o, "ipcSent", rt_number((double)ru.ru_msgsnd));
  rt_set(o, "ipcReceived", rt_number((double)ru.ru_msgrcv));
  rt_set(o, "signalsCount", rt_number((double)ru.ru_nsignals));
  rt_set(o, "voluntaryContextSwitches", rt_number((double)ru.ru_nvcsw));
  rt_set(o, "involuntaryContextSwitches", rt_number((double)ru.ru_nivcsw));
  rt_return(a, o);
}

/* Environment: the JS side wraps these in a Proxy so that process.env
 * reads and writes the real environment (children inherit it). */
static void env_get(rt_args *a) {
  char *k = RT_ARG_STR(a, 0);
  const char *v = getenv(k);
  free(k);
  if (v) rt_return(a, rt_string(v));
}
static void env_set(rt_args *a) {
  char *k = RT_ARG_STR(a, 0);
  char *v = RT_ARG_STR(a, 1);
  if (v && k && *k && !strchr(k, '=')) setenv(k, v, 1);
  free(k);
  free(v);
}
static void env_delete(rt_args *a) {
  char *k = RT_ARG_STR(a, 0);
  if (k && *k && !strchr(k, '=')) unsetenv(k);
  free(k);
}
static void env_keys(rt_args *a) {
  rt_val arr = rt_array(0);
  uint32_t n = 0;
  for (char **e = environ; e && *e; e++) {
    const char *eq = strchr(*e, '=');
    if (!eq || eq == *e) continue;
    rt_set_i(arr, n++, rt_string_n(*e, (size_t)(eq - *e)));
  }
  rt_return(a, arr);
}

static void get_info(rt_args *a) {
  rt_val o = rt_object();
  rt_set(o, "pid", rt_int(getpid()));
  rt_set(o, "ppid", rt_int(getppid()));
  rt_set(o, "v8", rt_string(rt_engine_v8_version()));
  rt_set(o, "uv", rt_string(uv_version_string()));
  rt_return(a, o);
}

static void get_ppid(rt_args *a) { rt_return_int(a, getppid()); }

static void abort_(rt_args *a) { abort(); }

void rt_binding_init_process_methods(rt_val e) {
  start_hr = uv_hrtime();
  rt_set_method(e, "hrtime", hrtime);
  rt_set_method(e, "hrtimeBigInt", hrtime_bigint);
  rt_set_method(e, "cwd", cwd);
  rt_set_method(e, "chdir", chdir_);
  rt_set_method(e, "umask", umask_);
  rt_set_method(e, "memoryUsage", memory_usage);
  rt_set_method(e, "rss", rss);
  rt_set_method(e, "kill", kill_);
  rt_set_method(e, "reallyExit", really_exit);
  rt_set_method(e, "uptime", uptime);
  rt_set_method(e, "cpuUsage", cpu_usage);
  rt_set_method(e, "resourceUsage", resource_usage);
  rt_set_method(e, "envGet", env_get);
  rt_set_method(e, "envSet", env_set);
  rt_set_method(e, "envDelete", env_delete);
  rt_set_method(e, "envKeys", env_keys);
  rt_set_method(e, "getInfo", get_info);
  rt_set_method(e, "getPpid", get_ppid);
  rt_set_method(e, "abort", abort_);
}

