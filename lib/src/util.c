/* util.c — checked allocation, error reporting, clocks (see devrun/util.h). */
#include "devrun/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *progname = "devrun";

void dr_set_progname(const char *name) {
  const char *s = strrchr(name, '/');
  progname = s ? s + 1 : name;
}

const char *dr_progname(void) { return progname; }

static void vreport(const char *prefix, const char *fmt, va_list ap) {
  fprintf(stderr, "%s: %s", progname, prefix);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
}

int dr_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vreport("", fmt, ap);
  va_end(ap);
  return -1;
}

void dr_warn(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vreport("warning: ", fmt, ap);
  va_end(ap);
}

void dr_die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vreport("", fmt, ap);
  va_end(ap);
  exit(1);
}

void dr_oom(void) {
  fprintf(stderr, "%s: out of memory\n", progname);
  abort();
}

void *dr_malloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) dr_oom();
  return p;
}

void *dr_calloc(size_t n, size_t sz) {
  void *p = calloc(n ? n : 1, sz ? sz : 1);
  if (!p) dr_oom();
  return p;
}

void *dr_realloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p) dr_oom();
  return p;
}

char *dr_strdup(const char *s) {
  char *p = strdup(s);
  if (!p) dr_oom();
  return p;
}

char *dr_strndup(const char *s, size_t n) {
  char *p = strndup(s, n);
  if (!p) dr_oom();
  return p;
}

unsigned long long dr_now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec;
}

double dr_now_ms(void) { return (double)dr_now_ns() / 1e6; }
