/* buf.h — a growable byte buffer (git's strbuf, our dr_buf).
 *
 * Invariants: `buf` is never NULL and always NUL-terminated at buf[len];
 * an initialized dr_buf_t that was never grown points at a shared empty
 * string, so DR_BUF_INIT needs no allocation and dr_buf_release() is always
 * safe.  Allocation failure aborts with a message (ordinary allocations).
 * Ownership: the dr_buf_t owns `buf`; dr_buf_detach() hands it to the caller.
 */
#ifndef DEVRUN_BUF_H
#define DEVRUN_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct dr_buf_s {
  char *buf;
  size_t len;
  size_t alloc; /* 0 while buf points at the shared empty string */
} dr_buf_t;

extern char dr__buf_empty[];
#define DR_BUF_INIT {dr__buf_empty, 0, 0}

void dr_buf_init(dr_buf_t *b, size_t hint);
void dr_buf_release(dr_buf_t *b);
/* Returns the malloc'd string (caller frees) and resets b to empty. */
char *dr_buf_detach(dr_buf_t *b, size_t *len);
void dr_buf_grow(dr_buf_t *b, size_t extra);
void dr_buf_add(dr_buf_t *b, const void *data, size_t len);
void dr_buf_adds(dr_buf_t *b, const char *s);
void dr_buf_addch(dr_buf_t *b, int c);
void dr_buf_addf(dr_buf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void dr_buf_vaddf(dr_buf_t *b, const char *fmt, va_list ap);
void dr_buf_reset(dr_buf_t *b);
void dr_buf_setlen(dr_buf_t *b, size_t len);
/* Appends the whole file at path; returns 0 or a negative DR_E* code. */
int dr_buf_read_file(dr_buf_t *b, const char *path);

#endif
