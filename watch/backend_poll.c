/* backend_poll.c — the portable polling backend (--poll[=ms]).
 *
 * For filesystems that deliver no notifications (NFS/SMB, Docker bind
 * mounts from macOS/Windows, WSL's /mnt) and as the fallback for directories
 * that did not fit under the inotify watch limit.  Each watched directory
 * keeps a snapshot of its entries (name -> mtime, size, inode, type); a
 * repeating timer re-reads every directory and reports the differences with
 * the same event flags the inotify backend uses.  Cost is one readdir plus
 * one lstat per entry per interval, so the interval defaults to 250 ms with
 * --poll and 1000 ms for the fallback.  Not recursive: the tree adds new
 * directories when WATCH_BE_DIR_NEW reports them.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "devrun/util.h"
#include "backend.h"
#include "watch.h"

typedef struct snap_ent_s {
  int64_t mtime_ns, size;
  uint64_t ino;
  int is_dir;
  int seen; /* generation mark while diffing */
} snap_ent_t;

typedef struct poll_dir_s {
  char *path;
  watch_pathmap_t ents; /* name -> snap_ent_t* */
} poll_dir_t;

typedef struct poll_state_s {
  uv_timer_t timer;
  watch_pathmap_t dirs; /* path -> poll_dir_t* */
  int closing;
} poll_state_t;

static void free_dir(void *p) {
  poll_dir_t *d = p;
  if (!d) return;
  watch_pathmap_release(&d->ents, free);
  free(d->path);
  free(d);
}

static void push_event(watch_strv_t *ev, char kind, const char *name) {
  size_t n = strlen(name);
  char *tmp = dr_malloc(n + 2);
  tmp[0] = kind;
  memcpy(tmp + 1, name, n + 1);
  watch_strv_push(ev, tmp);
  free(tmp);
}

/* Reads dir; with report set, diffs against the snapshot and reports. */
static void scan(watch_backend_t *b, poll_dir_t *d, int report) {
  DIR *dp = opendir(d->path);
  if (!dp) return; /* gone: the parent's scan reports it */
  int dfd = dirfd(dp);
  struct dirent *de;
  size_t i;
  watch_pathmap_slot_t *sl;
  for (i = 0; (sl = watch_pathmap_next(&d->ents, &i));) ((snap_ent_t *)sl->val)->seen = 0;
  watch_strv_t events = WATCH_STRV_INIT; /* "<flag char><name>" */
  while ((de = readdir(dp))) {
    if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
    struct stat st;
    if (fstatat(dfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
    int created;
    void **slot = watch_pathmap_put(&d->ents, de->d_name, &created);
    snap_ent_t *e = *slot;
    if (created) *slot = e = dr_calloc(1, sizeof(*e));
    int64_t mt = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
    int is_dir = S_ISDIR(st.st_mode);
    if (report) {
      if (created) {
        push_event(&events, is_dir ? 'D' : 'C', de->d_name);
      } else if (!is_dir && (mt != e->mtime_ns || st.st_size != e->size || st.st_ino != e->ino)) {
        push_event(&events, 'F', de->d_name);
      }
    }
    e->mtime_ns = mt;
    e->size = st.st_size;
    e->ino = st.st_ino;
    e->is_dir = is_dir;
    e->seen = 1;
  }
  closedir(dp);
  /* Entries not seen any more are gone. */
  watch_strv_t gone = WATCH_STRV_INIT;
  for (i = 0; (sl = watch_pathmap_next(&d->ents, &i));)
    if (!((snap_ent_t *)sl->val)->seen) watch_strv_push(&gone, sl->key);
  for (size_t j = 0; j < gone.n; j++) {
    snap_ent_t *e = watch_pathmap_del(&d->ents, gone.v[j]);
    if (report) {
      push_event(&events, e->is_dir ? 'G' : 'R', gone.v[j]);
    }
    free(e);
  }
  watch_strv_release(&gone);
  /* Deliver after the snapshot is consistent (callbacks may add/remove dirs,
   * so copy the path first). */
  char *dir = dr_strdup(d->path);
  for (size_t j = 0; j < events.n; j++) {
    const char *name = events.v[j] + 1;
    unsigned fl = 0;
    switch (events.v[j][0]) {
      case 'D':
        fl = WATCH_BE_DIR_NEW;
        break;
      case 'C':
        fl = WATCH_BE_FILE | WATCH_BE_CREATED;
        break;
      case 'F':
        fl = WATCH_BE_FILE;
        break;
      case 'G':
        fl = WATCH_BE_DIR_GONE;
        break;
      case 'R':
        fl = WATCH_BE_REMOVED;
        break;
    }
    b->cb(b->ctx, dir, name, fl);
    if (!b->priv || ((poll_state_t *)b->priv)->closing) break;
  }
  free(dir);
  watch_strv_release(&events);
}

static void on_tick(uv_timer_t *t) {
  watch_backend_t *b = t->data;
  poll_state_t *s = b->priv;
  /* Snapshot the list of dirs: callbacks may add or remove some. */
  watch_strv_t paths = WATCH_STRV_INIT;
  size_t i = 0;
  watch_pathmap_slot_t *sl;
  while ((sl = watch_pathmap_next(&s->dirs, &i))) watch_strv_push(&paths, sl->key);
  for (size_t j = 0; j < paths.n && b->priv && !s->closing; j++) {
    poll_dir_t *d = watch_pathmap_get(&s->dirs, paths.v[j]);
    if (d) scan(b, d, 1);
  }
  watch_strv_release(&paths);
}

static int poll_init(watch_backend_t *b) {
  poll_state_t *s = dr_calloc(1, sizeof(*s));
  uv_timer_init(b->loop, &s->timer);
  s->timer.data = b;
  b->priv = s;
  return 0;
}

static int poll_add_dir(watch_backend_t *b, const char *path) {
  poll_state_t *s = b->priv;
  int created;
  void **slot = watch_pathmap_put(&s->dirs, path, &created);
  if (!created) return 0;
  poll_dir_t *d = dr_calloc(1, sizeof(*d));
  d->path = dr_strdup(path);
  *slot = d;
  scan(b, d, 0);
  if (!uv_is_active((uv_handle_t *)&s->timer)) {
    unsigned ms = b->poll_ms ? b->poll_ms : 1000;
    uv_timer_start(&s->timer, on_tick, ms, ms);
  }
  return 0;
}

static void poll_rm_dir(watch_backend_t *b, const char *path) {
  poll_state_t *s = b->priv;
  size_t len = strlen(path), i = 0;
  watch_pathmap_slot_t *sl;
  watch_strv_t gone = WATCH_STRV_INIT;
  while ((sl = watch_pathmap_next(&s->dirs, &i)))
    if (!strncmp(sl->key, path, len) && (!sl->key[len] || sl->key[len] == '/'))
      watch_strv_push(&gone, sl->key);
  for (size_t j = 0; j < gone.n; j++) free_dir(watch_pathmap_del(&s->dirs, gone.v[j]));
  watch_strv_release(&gone);
  if (!s->dirs.len) uv_timer_stop(&s->timer);
}

static size_t poll_count(const watch_backend_t *b) {
  const poll_state_t *s = b->priv;
  return s ? s->dirs.len : 0;
}

static void on_closed(uv_handle_t *h) {
  free(h->data);
}

static void poll_close(watch_backend_t *b) {
  poll_state_t *s = b->priv;
  if (!s) return;
  s->closing = 1;
  watch_pathmap_release(&s->dirs, free_dir);
  s->timer.data = s;
  uv_close((uv_handle_t *)&s->timer, on_closed);
  b->priv = NULL;
}

const watch_backend_ops_t watch_backend_poll = {
    .name = "poll",
    .recursive = 0,
    .init = poll_init,
    .add_dir = poll_add_dir,
    .rm_dir = poll_rm_dir,
    .count = poll_count,
    .close = poll_close,
};
