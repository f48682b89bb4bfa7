/* backend_inotify.c — the Linux backend: inotify used directly.
 *
 * One watch per directory (inotify is not recursive; the tree adds every
 * directory it walks, and new ones as they appear).  The mask asks for
 * IN_CLOSE_WRITE rather than IN_MODIFY, so a file written in many chunks
 * produces one event when the writer closes it, plus the namespace events
 * (IN_CREATE, IN_DELETE, IN_MOVED_FROM/TO) that atomic saves and checkouts
 * produce, and IN_DELETE_SELF/IN_MOVE_SELF for the watched directory itself.
 * IN_Q_OVERFLOW (the kernel queue filled up) becomes WATCH_BE_OVERFLOW and
 * the tree rescans.  libuv's own uv_fs_event is not used on Linux: it asks
 * for IN_MODIFY (an event per write()), drops overflows and is not recursive.
 *
 * State: wd -> directory path (an array indexed by wd, as the kernel hands
 * out small increasing numbers) and path -> wd (a path map) for rm_dir().
 * The fd is read from a uv_poll_t, so there are no wake-ups while idle.
 */
#ifdef __linux__
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "devrun/util.h"
#include "backend.h"
#include "watch.h"

#define MASK                                                                               \
  (IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | \
   IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK)

typedef struct inotify_state_s {
  int fd;
  uv_poll_t poll;
  char **by_wd; /* by_wd[wd] = path (owned) or NULL */
  size_t cap;
  watch_pathmap_t by_path; /* path -> (uintptr_t) wd */
  size_t count;
} inotify_state_t;

static void on_readable(uv_poll_t *h, int status, int events);

static int ino_init(watch_backend_t *b) {
  int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) return -errno;
  inotify_state_t *s = dr_calloc(1, sizeof(*s));
  s->fd = fd;
  int r = uv_poll_init(b->loop, &s->poll, fd);
  if (r) {
    close(fd);
    free(s);
    return r;
  }
  s->poll.data = b;
  b->priv = s;
  uv_poll_start(&s->poll, UV_READABLE, on_readable);
  return 0;
}

static void forget_wd(inotify_state_t *s, int wd) {
  if (wd < 0 || (size_t)wd >= s->cap || !s->by_wd[wd]) return;
  void *cur = watch_pathmap_get(&s->by_path, s->by_wd[wd]);
  if ((intptr_t)cur == wd) watch_pathmap_del(&s->by_path, s->by_wd[wd]);
  free(s->by_wd[wd]);
  s->by_wd[wd] = NULL;
  s->count--;
}

static int ino_add_dir(watch_backend_t *b, const char *path) {
  inotify_state_t *s = b->priv;
  if (b->limit && s->count >= b->limit) return UV_ENOSPC; /* simulated limit */
  int wd = inotify_add_watch(s->fd, path, MASK);
  if (wd < 0) return -errno;
  if ((size_t)wd >= s->cap) {
    size_t ncap = s->cap ? s->cap : 64;
    while (ncap <= (size_t)wd) ncap *= 2;
    s->by_wd = dr_realloc(s->by_wd, ncap * sizeof(char *));
    memset(s->by_wd + s->cap, 0, (ncap - s->cap) * sizeof(char *));
    s->cap = ncap;
  }
  if (s->by_wd[wd]) { /* same inode under a new name (renamed dir re-added) */
    void *cur = watch_pathmap_get(&s->by_path, s->by_wd[wd]);
    if ((intptr_t)cur == wd) watch_pathmap_del(&s->by_path, s->by_wd[wd]);
    free(s->by_wd[wd]);
    s->count--;
  }
  s->by_wd[wd] = dr_strdup(path);
  *watch_pathmap_put(&s->by_path, path, NULL) = (void *)(intptr_t)wd;
  s->count++;
  return 0;
}

static void ino_rm_dir(watch_backend_t *b, const char *path) {
  inotify_state_t *s = b->priv;
  size_t len = strlen(path);
  for (size_t wd = 0; wd < s->cap; wd++) {
    const char *p = s->by_wd[wd];
    if (!p || strncmp(p, path, len) || (p[len] && p[len] != '/')) continue;
    inotify_rm_watch(s->fd, (int)wd); /* may fail if already gone: fine */
    forget_wd(s, (int)wd);
  }
}

static size_t ino_count(const watch_backend_t *b) {
  const inotify_state_t *s = b->priv;
  return s ? s->count : 0;
}

static void on_closed(uv_handle_t *h) {
  inotify_state_t *s = h->data;
  close(s->fd);
  free(s);
}

static void ino_close(watch_backend_t *b) {
  inotify_state_t *s = b->priv;
  if (!s) return;
  for (size_t i = 0; i < s->cap; i++) free(s->by_wd[i]);
  free(s->by_wd);
  watch_pathmap_release(&s->by_path, NULL);
  s->poll.data = s;
  uv_close((uv_handle_t *)&s->poll, on_closed);
  b->priv = NULL;
}

static void dispatch(watch_backend_t *b, const struct inotify_event *ev) {
  inotify_state_t *s = b->priv;
  if (ev->mask & IN_Q_OVERFLOW) {
    b->cb(b->ctx, NULL, NULL, WATCH_BE_OVERFLOW);
    return;
  }
  if (ev->wd < 0 || (size_t)ev->wd >= s->cap || !s->by_wd[ev->wd]) return;
  if (ev->mask & IN_IGNORED) {
    forget_wd(s, ev->wd);
    return;
  }
  const char *dir = s->by_wd[ev->wd];
  const char *name = ev->len ? ev->name : NULL;
  if (!name) {
    if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) b->cb(b->ctx, dir, NULL, WATCH_BE_DIR_GONE);
    return;
  }
  if (ev->mask & IN_ISDIR) {
    if (ev->mask & (IN_CREATE | IN_MOVED_TO))
      b->cb(b->ctx, dir, name, WATCH_BE_DIR_NEW);
    else if (ev->mask & (IN_DELETE | IN_MOVED_FROM))
      b->cb(b->ctx, dir, name, WATCH_BE_DIR_GONE);
    return;
  }
  if (ev->mask & IN_CLOSE_WRITE)
    b->cb(b->ctx, dir, name, WATCH_BE_FILE);
  else if (ev->mask & IN_MOVED_TO)
    b->cb(b->ctx, dir, name, WATCH_BE_FILE | WATCH_BE_CREATED);
  else if (ev->mask & IN_CREATE)
    b->cb(b->ctx, dir, name, WATCH_BE_CREATED);
  else if (ev->mask & (IN_DELETE | IN_MOVED_FROM))
    b->cb(b->ctx, dir, name, WATCH_BE_REMOVED);
}

static void on_readable(uv_poll_t *h, int status, int events) {
  watch_backend_t *b = h->data;
  inotify_state_t *s = b->priv;
  _Alignas(struct inotify_event) char buf[65536];
  for (;;) {
    ssize_t n = read(s->fd, buf, sizeof(buf));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    for (char *p = buf; p < buf + n;) {
      const struct inotify_event *ev = (const struct inotify_event *)p;
      dispatch(b, ev);
      if (!b->priv) return; /* closed from a callback */
      p += sizeof(*ev) + ev->len;
    }
  }
}

const watch_backend_ops_t watch_backend_inotify = {
    .name = "inotify",
    .recursive = 0,
    .init = ino_init,
    .add_dir = ino_add_dir,
    .rm_dir = ino_rm_dir,
    .count = ino_count,
    .close = ino_close,
};
#endif
