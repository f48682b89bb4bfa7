/* hashcache.c — "did this file really change?"
 *
 * The cache remembers, per watched path, the last stat (mtime, size, inode)
 * and the xxh3-64 hash of the content.  watch_hashcache_check() is the one
 * question the runner asks for each path of a settled batch:
 *
 *   - same mtime, size and inode as recorded: WATCH_SAME without reading;
 *   - otherwise hash the content: same hash as recorded -> WATCH_SAME
 *     (touch, a save without changes, a checkout of identical content);
 *   - a known path that no longer exists -> WATCH_REMOVED;
 *   - a path never recorded -> WATCH_ADDED if it exists now (or WATCH_GONE
 *     when it was created and removed within the batch, e.g. an editor's
 *     temporary file), WATCH_REMOVED when it was not created in the batch.
 *
 * Records are made at start for small trees (watch_hashcache_record) and
 * lazily on first change otherwise, so a file's first change in a large tree
 * always counts (WATCH_CHANGED for a known-but-unhashed path).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <xxhash.h>

#include "devrun/err.h"
#include "devrun/util.h"
#include "watch.h"

#define HASH_MAX_BYTES (256u << 20) /* larger files are compared by stat only */

typedef struct watch_hashent_s {
  int64_t mtime_ns;
  int64_t size;
  uint64_t ino;
  uint64_t hash;
  unsigned have_stat : 1, have_hash : 1;
  unsigned racy : 1; /* mtime too close to when it was taken to be trusted */
} watch_hashent_t;

int watch_hash_file(const char *path, uint64_t *out) {
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) return -errno;
  XXH3_state_t *st = XXH3_createState();
  if (!st) dr_oom();
  XXH3_64bits_reset(st);
  char buf[65536];
  int r = 0;
  for (;;) {
    ssize_t n = read(fd, buf, sizeof(buf));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      r = -errno;
      break;
    }
    if (n == 0) break;
    XXH3_64bits_update(st, buf, (size_t)n);
  }
  if (r == 0) *out = XXH3_64bits_digest(st);
  XXH3_freeState(st);
  close(fd);
  return r;
}

/* Like git's "racily clean" entries: timestamps have a coarse granularity
 * (a kernel tick), so two writes of the same size within one tick leave
 * mtime and size unchanged.  A stat taken less than RACY_NS after the mtime
 * is therefore not trusted as a pre-check; the content is hashed instead. */
#define RACY_NS 2000000000LL

static void fill_stat(watch_hashent_t *e, const struct stat *st) {
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  e->mtime_ns = (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
  e->size = st->st_size;
  e->ino = st->st_ino;
  e->have_stat = 1;
  e->racy = (int64_t)now.tv_sec * 1000000000 + now.tv_nsec - e->mtime_ns < RACY_NS;
}

static watch_hashent_t *entry(watch_hashcache_t *c, const char *path) {
  int created;
  void **slot = watch_pathmap_put(&c->map, path, &created);
  if (created) *slot = dr_calloc(1, sizeof(watch_hashent_t));
  return *slot;
}

int watch_hashcache_record(watch_hashcache_t *c, const char *path) {
  struct stat st;
  if (stat(path, &st) != 0) return -errno;
  watch_hashent_t *e = entry(c, path);
  fill_stat(e, &st);
  if (S_ISREG(st.st_mode) && (uint64_t)st.st_size <= HASH_MAX_BYTES &&
      watch_hash_file(path, &e->hash) == 0) {
    if (!e->have_hash) c->hashed++;
    e->have_hash = 1;
  }
  return 0;
}

void watch_hashcache_know(watch_hashcache_t *c, const char *path) {
  (void)entry(c, path);
}

enum watch_verdict watch_hashcache_check(watch_hashcache_t *c, const char *path, int maybe_new) {
  struct stat st;
  watch_hashent_t *e = watch_pathmap_get(&c->map, path);
  if (stat(path, &st) != 0) {
    if (e) {
      if (e->have_hash) c->hashed--;
      free(watch_pathmap_del(&c->map, path));
      return WATCH_REMOVED;
    }
    return maybe_new ? WATCH_GONE : WATCH_REMOVED;
  }
  if (!S_ISREG(st.st_mode)) {
    /* directories and devices: only existence matters */
    if (e) return WATCH_SAME;
    entry(c, path);
    return WATCH_ADDED;
  }
  if (e && e->have_stat && !e->racy) {
    int64_t mt = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
    if (mt == e->mtime_ns && st.st_size == e->size && st.st_ino == e->ino) return WATCH_SAME;
  }
  int isnew = !e;
  if (!e) e = entry(c, path);
  uint64_t h = 0;
  int hashed = (uint64_t)st.st_size <= HASH_MAX_BYTES && watch_hash_file(path, &h) == 0;
  int same = hashed && e->have_hash && e->hash == h;
  fill_stat(e, &st);
  if (hashed) {
    if (!e->have_hash) c->hashed++;
    e->hash = h;
    e->have_hash = 1;
  } else {
    if (e->have_hash) c->hashed--;
    e->have_hash = 0;
  }
  if (same) return WATCH_SAME;
  return isnew ? WATCH_ADDED : WATCH_CHANGED;
}

size_t watch_hashcache_forget_dir(watch_hashcache_t *c, const char *dir) {
  size_t len = strlen(dir), n = 0, i = 0;
  watch_pathmap_slot_t *s;
  watch_strv_t gone = WATCH_STRV_INIT;
  while ((s = watch_pathmap_next(&c->map, &i)))
    if (!strncmp(s->key, dir, len) && (s->key[len] == '/' || s->key[len] == '\0'))
      watch_strv_push(&gone, s->key);
  for (size_t j = 0; j < gone.n; j++) {
    watch_hashent_t *e = watch_pathmap_del(&c->map, gone.v[j]);
    if (e && e->have_hash) c->hashed--;
    free(e);
    n++;
  }
  watch_strv_release(&gone);
  return n;
}

void watch_hashcache_release(watch_hashcache_t *c) {
  watch_pathmap_release(&c->map, free);
  c->hashed = 0;
}
