/* util.h — small helpers every command uses: checked allocation and
 * git-style error reporting ("devrun-heap: cannot open 'x': No such file").
 *
 * dr_set_progname() is called once by main(); dr_error() prints
 * "<prog>: <message>" to stderr and returns -1 so that
 *   return dr_error("cannot open '%s': %s", path, dr_strerror(err));
 * reports and fails in one line.  Libraries never exit; only commands do.
 */
#ifndef DEVRUN_UTIL_H
#define DEVRUN_UTIL_H

#include <stddef.h>

void dr_set_progname(const char *name);
const char *dr_progname(void);
int dr_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void dr_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void dr_die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void dr_oom(void);

void *dr_malloc(size_t n);            /* aborts on failure */
void *dr_calloc(size_t n, size_t sz); /* aborts on failure */
void *dr_realloc(void *p, size_t n);  /* aborts on failure */
char *dr_strdup(const char *s);       /* aborts on failure */
char *dr_strndup(const char *s, size_t n);

/* Monotonic clock in nanoseconds / milliseconds. */
unsigned long long dr_now_ns(void);
double dr_now_ms(void);

#endif
