/* history.c — the input history and its file, ~/.devrun_repl_history.
 *
 * Entries are kept whole (a multi-line input is one entry).  On disk each
 * entry is one line, oldest first, with "\\" and newlines escaped as "\\\\"
 * and "\\n"; the file is created mode 0600 and rewritten atomically
 * (temporary file + rename).  DEVRUN_REPL_HISTORY names another file, or
 * disables persistence when set to ''; DEVRUN_REPL_HISTORY_SIZE caps the
 * number of entries (default 1000).  Consecutive duplicates are not added.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "devrun/err.h"
#include "devrun/util.h"
#include "repl.h"

void repl_history_init(repl_history_t *h, size_t max) {
  memset(h, 0, sizeof(*h));
  h->max = max ? max : 1000;
}

void repl_history_encode(dr_buf_t *out, const char *e) {
  for (; *e; e++) {
    if (*e == '\\')
      dr_buf_adds(out, "\\\\");
    else if (*e == '\n')
      dr_buf_adds(out, "\\n");
    else if (*e == '\r')
      dr_buf_adds(out, "\\r");
    else
      dr_buf_addch(out, *e);
  }
}

char *repl_history_decode(const char *line, size_t n) {
  dr_buf_t b = DR_BUF_INIT;
  for (size_t i = 0; i < n; i++) {
    if (line[i] == '\\' && i + 1 < n) {
      char c = line[++i];
      dr_buf_addch(&b, c == 'n' ? '\n' : c == 'r' ? '\r' : c);
    } else {
      dr_buf_addch(&b, line[i]);
    }
  }
  return dr_buf_detach(&b, NULL);
}

static void push(repl_history_t *h, char *e) {
  if (h->n && !strcmp(h->items[h->n - 1], e)) {
    free(e);
    return;
  }
  if (h->n == h->max) {
    free(h->items[0]);
    memmove(h->items, h->items + 1, (h->n - 1) * sizeof(char *));
    h->n--;
  }
  if (h->n == h->cap) {
    h->cap = h->cap ? h->cap * 2 : 64;
    h->items = dr_realloc(h->items, h->cap * sizeof(char *));
  }
  h->items[h->n++] = e;
}

int repl_history_load(repl_history_t *h, const char *path) {
  dr_buf_t b = DR_BUF_INIT;
  int r;
  free(h->path);
  h->path = NULL;
  if (!path || !*path) return 0;
  h->path = dr_strdup(path);
  r = dr_buf_read_file(&b, path);
  if (r < 0) {
    dr_buf_release(&b);
    return r == DR_ENOENT ? 0 : r;
  }
  for (size_t i = 0; i < b.len;) {
    char *nl = memchr(b.buf + i, '\n', b.len - i);
    size_t n = nl ? (size_t)(nl - (b.buf + i)) : b.len - i;
    if (n) push(h, repl_history_decode(b.buf + i, n));
    i += n + 1;
  }
  dr_buf_release(&b);
  return 0;
}

void repl_history_add(repl_history_t *h, const char *entry) {
  const char *p = entry;
  while (*p == ' ' || *p == '\t' || *p == '\n') p++;
  if (!*p) return;
  push(h, dr_strdup(entry));
}

int repl_history_save(const repl_history_t *h) {
  dr_buf_t b = DR_BUF_INIT, tmp = DR_BUF_INIT;
  int fd, r = 0;
  if (!h->path) return 0;
  for (size_t i = 0; i < h->n; i++) {
    repl_history_encode(&b, h->items[i]);
    dr_buf_addch(&b, '\n');
  }
  dr_buf_addf(&tmp, "%s.tmp.%d", h->path, (int)getpid());
  fd = open(tmp.buf, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    r = -errno;
    goto out;
  }
  fchmod(fd, 0600);
  if (write(fd, b.buf, b.len) != (ssize_t)b.len) r = DR_EIO;
  if (close(fd) < 0 && !r) r = DR_EIO;
  if (!r && rename(tmp.buf, h->path) < 0) r = -errno;
  if (r) unlink(tmp.buf);
out:
  dr_buf_release(&b);
  dr_buf_release(&tmp);
  return r;
}

long repl_history_search(const repl_history_t *h, const char *needle, long from) {
  if (from > (long)h->n) from = (long)h->n;
  for (long i = from - 1; i >= 0; i--)
    if (strstr(h->items[i], needle)) return i;
  return -1;
}

void repl_history_release(repl_history_t *h) {
  for (size_t i = 0; i < h->n; i++) free(h->items[i]);
  free(h->items);
  free(h->path);
  memset(h, 0, sizeof(*h));
}
