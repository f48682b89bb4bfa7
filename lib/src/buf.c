/* buf.c — growable byte buffer (see devrun/buf.h for the invariants). */
#include "devrun/buf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "devrun/err.h"
#include "devrun/util.h"

char dr__buf_empty[1];

void dr_buf_init(dr_buf_t *b, size_t hint) {
  b->buf = dr__buf_empty;
  b->len = b->alloc = 0;
  if (hint) dr_buf_grow(b, hint);
}

void dr_buf_release(dr_buf_t *b) {
  if (b->alloc) free(b->buf);
  dr_buf_init(b, 0);
}

char *dr_buf_detach(dr_buf_t *b, size_t *len) {
  char *r;
  if (!b->alloc) dr_buf_grow(b, 0);
  r = b->buf;
  if (len) *len = b->len;
  dr_buf_init(b, 0);
  return r;
}

void dr_buf_grow(dr_buf_t *b, size_t extra) {
  size_t need = b->len + extra + 1;
  if (need < b->len) dr_oom(); /* overflow */
  if (need <= b->alloc) return;
  size_t n = b->alloc ? b->alloc : 16;
  while (n < need) n = n + n / 2 + 16;
  char *p = b->alloc ? realloc(b->buf, n) : malloc(n);
  if (!p) dr_oom();
  if (!b->alloc) {
    p[0] = '\0';
  }
  b->buf = p;
  b->alloc = n;
}

void dr_buf_add(dr_buf_t *b, const void *data, size_t len) {
  dr_buf_grow(b, len);
  memcpy(b->buf + b->len, data, len);
  b->len += len;
  b->buf[b->len] = '\0';
}

void dr_buf_adds(dr_buf_t *b, const char *s) { dr_buf_add(b, s, strlen(s)); }

void dr_buf_addch(dr_buf_t *b, int c) {
  dr_buf_grow(b, 1);
  b->buf[b->len++] = (char)c;
  b->buf[b->len] = '\0';
}

void dr_buf_vaddf(dr_buf_t *b, const char *fmt, va_list ap) {
  va_list cp;
  va_copy(cp, ap);
  int n = vsnprintf(b->buf + b->len, b->alloc ? b->alloc - b->len : 0, fmt, cp);
  va_end(cp);
  if (n < 0) return;
  if (b->len + (size_t)n + 1 > b->alloc) {
    dr_buf_grow(b, (size_t)n);
    vsnprintf(b->buf + b->len, b->alloc - b->len, fmt, ap);
  }
  b->len += (size_t)n;
}

void dr_buf_addf(dr_buf_t *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  dr_buf_vaddf(b, fmt, ap);
  va_end(ap);
}

void dr_buf_reset(dr_buf_t *b) { dr_buf_setlen(b, 0); }

void dr_buf_setlen(dr_buf_t *b, size_t len) {
  if (!b->alloc) return;
  if (len > b->alloc - 1) len = b->alloc - 1;
  b->len = len;
  b->buf[len] = '\0';
}

int dr_buf_read_file(dr_buf_t *b, const char *path) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -errno;
  for (;;) {
    dr_buf_grow(b, 65536);
    ssize_t n = read(fd, b->buf + b->len, b->alloc - b->len - 1);
    if (n < 0) {
      if (errno == EINTR) continue;
      int e = -errno;
      close(fd);
      b->buf[b->len] = '\0';
      return e;
    }
    if (n == 0) break;
    b->len += (size_t)n;
  }
  b->buf[b->len] = '\0';
  close(fd);
  return 0;
}
