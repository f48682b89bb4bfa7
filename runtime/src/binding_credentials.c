/* binding_credentials.c — internalBinding('credentials'): process.getuid
 * and the rest of the uid/gid family. */
#include <sys/types.h>
#include <unistd.h>

#include "runtime.h"

static void getuid_(rt_args *a) { rt_return_int(a, getuid()); }
static void geteuid_(rt_args *a) { rt_return_int(a, geteuid()); }
static void getgid_(rt_args *a) { rt_return_int(a, getgid()); }
static void getegid_(rt_args *a) { rt_return_int(a, getegid()); }
static void getgroups_(rt_args *a) {
  gid_t g[256];
  int n = getgroups(256, g);
  rt_val arr = rt_array(0);
  for (int i = 0; i < n; i++) rt_set_i(arr, (uint32_t)i, rt_int(g[i]));
  rt_return(a, arr);
}

void rt_binding_init_credentials(rt_val e) {
  rt_set_method(e, "getuid", getuid_);
  rt_set_method(e, "geteuid", geteuid_);
  rt_set_method(e, "getgid", getgid_);
  rt_set_method(e, "getegid", getegid_);
  rt_set_method(e, "getgroups", getgroups_);
}
