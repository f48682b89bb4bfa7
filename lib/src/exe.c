/* exe.c — the running executable and its siblings (see devrun/exe.h). */
#include "devrun/exe.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "devrun/buf.h"
#include "devrun/util.h"

char *dr_exe_path(void) {
  char buf[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return NULL;
  return dr_strndup(buf, (size_t)n);
}

char *dr_exe_sibling(const char *name) {
  char *self = dr_exe_path();
  if (!self) return NULL;
  char *slash = strrchr(self, '/');
  dr_buf_t b = DR_BUF_INIT;
  if (slash) dr_buf_addf(&b, "%.*s/%s", (int)(slash - self), self, name);
  free(self);
  if (b.len && access(b.buf, X_OK) == 0) return dr_buf_detach(&b, NULL);
  dr_buf_release(&b);
  return NULL;
}
