/* tree.c — the watch set: what is watched, and which events matter.
 *
 * At start the tree walks every root (default "."), reading each
 * directory's .gitignore/.ignore before listing it, adding a backend watch
 * to every directory that is not ignored (ignored directories get no watch
 * at all) and counting the files that pass the filters (not ignored, and an
 * extension from --ext).  Small trees (at most hash_limit files) are hashed
 * at once so that even the first touch of a file is recognised as "no
 * change"; larger ones are hashed lazily on first change.
 *
 * Raw backend events become filtered events for the runner:
 *   file written/moved in   -> WATCH_EV_CHANGE (CREATE when new)
 *   file created            -> WATCH_EV_CREATE only (its close-write follows)
 *   file deleted/moved away -> WATCH_EV_REMOVE
 *   directory appeared      -> walked like at start; its files reported as new
 *   directory went away     -> its watches dropped; WATCH_EV_DIR_GONE
 *   queue overflow          -> a full rescan (watch_tree_rescan)
 *
 * Limits: when inotify_add_watch() fails with ENOSPC (max_user_watches) the
 * directory goes to a polling backend instead, and after the walk one
 * warning says how many watches are needed and the sysctl command to raise
 * the limit.  DEVRUN_INOTIFY_MAX=N in the environment simulates a limit of N
 * watches (for tests).  Explicit files (--watch FILE, --env-file) are
 * watched through their parent directory and always pass the filters.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "devrun/buf.h"
#include "devrun/err.h"
#include "devrun/util.h"
#include "backend.h"
#include "watch.h"

struct watch_tree_s {
  uv_loop_t *loop;
  const watch_opts_t *o;
  watch_tree_cb cb;
  void *ctx;
  watch_ignore_t *ig;
  watch_hashcache_t cache;
  watch_backend_t main, fallback;
  int have_fallback;
  watch_strv_t roots;       /* absolute directory roots */
  watch_pathmap_t files;    /* explicit files (always pass the filters) */
  watch_pathmap_t filedirs; /* parent dirs of explicit files not under a root */
  watch_pathmap_t loaded;   /* dirs whose ignore files were read */
  char *cwd;
  size_t cwd_len;
  size_t nfiles;
  size_t limit_failed; /* dirs that hit the watch limit since the last report */
  int lazy;            /* too many files to hash at start */
  char display[PATH_MAX + 64];
};

static void on_backend(void *ctx, const char *dir, const char *name, unsigned flags);

static int backend_init(watch_tree_t *t, watch_backend_t *b, const watch_backend_ops_t *ops,
                        unsigned poll_ms) {
  memset(b, 0, sizeof(*b));
  b->ops = ops;
  b->loop = t->loop;
  b->cb = on_backend;
  b->ctx = t;
  b->poll_ms = poll_ms;
  const char *lim = getenv("DEVRUN_INOTIFY_MAX");
  if (lim && *lim) b->limit = (unsigned)strtoul(lim, NULL, 10);
  return ops->init(b);
}

static int fallback(watch_tree_t *t) {
  if (!t->have_fallback) {
    int r =
        backend_init(t, &t->fallback, &watch_backend_poll, t->o->poll_ms ? t->o->poll_ms : 1000);
    if (r) return r;
    t->have_fallback = 1;
  }
  return 0;
}

watch_tree_t *watch_tree_new(uv_loop_t *loop, const watch_opts_t *o, watch_tree_cb cb, void *ctx) {
  watch_tree_t *t = dr_calloc(1, sizeof(*t));
  t->loop = loop;
  t->o = o;
  t->cb = cb;
  t->ctx = ctx;
  t->ig = watch_ignore_new();
  char buf[PATH_MAX];
  t->cwd = dr_strdup(getcwd(buf, sizeof(buf)) ? buf : "/");
  t->cwd_len = strlen(t->cwd);
  return t;
}

watch_hashcache_t *watch_tree_hashcache(watch_tree_t *t) {
  return &t->cache;
}

int watch_tree_lazy(const watch_tree_t *t) {
  return t->lazy;
}

const char *watch_tree_display(const watch_tree_t *t, const char *abs) {
  if (!strncmp(abs, t->cwd, t->cwd_len) && abs[t->cwd_len] == '/') return abs + t->cwd_len + 1;
  if (!strcmp(abs, t->cwd)) return ".";
  return abs;
}

void watch_tree_counts(const watch_tree_t *t, size_t *dirs, size_t *files, size_t *polled) {
  size_t fb = t->have_fallback ? t->fallback.ops->count(&t->fallback) : 0;
  if (dirs) *dirs = t->main.ops->count(&t->main) + fb;
  if (files) *files = t->nfiles;
  if (polled) *polled = t->main.ops == &watch_backend_poll ? t->main.ops->count(&t->main) + fb : fb;
}

/* Length of the root containing path, or 0 when none does. */
static size_t root_of(const watch_tree_t *t, const char *path) {
  size_t best = 0;
  for (size_t i = 0; i < t->roots.n; i++) {
    size_t n = strlen(t->roots.v[i]);
    if (!strncmp(path, t->roots.v[i], n) && (path[n] == '/' || path[n] == '\0' || n == 1) &&
        n > best)
      best = n;
  }
  return best;
}

static int ext_ok(const watch_tree_t *t, const char *name) {
  const watch_strv_t *e = &t->o->exts;
  if (!e->n) return 1;
  size_t nlen = strlen(name);
  for (size_t i = 0; i < e->n; i++) {
    const char *x = e->v[i];
    if (x[0] == '.') x++;
    if (!strcmp(x, "*")) return 1;
    size_t xl = strlen(x);
    if (nlen > xl && name[nlen - xl - 1] == '.' && !strcmp(name + nlen - xl, x)) return 1;
  }
  return 0;
}

/* Does a file event for path matter?  is_dir for directories. */
static int wanted(const watch_tree_t *t, const char *path, size_t root_len, int recursive) {
  if (watch_pathmap_get(&t->files, path)) return 1;
  if (!root_len) return 0;
  const char *slash = strrchr(path, '/');
  if (!ext_ok(t, slash ? slash + 1 : path)) return 0;
  return recursive ? !watch_ignore_path(t->ig, path, root_len, 0)
                   : !watch_ignore_match(t->ig, path, root_len, 0);
}

static void add_watch(watch_tree_t *t, const char *dir) {
  int r = t->main.ops->add_dir(&t->main, dir);
  if (r == 0) return;
  if (r == UV_ENOSPC || r == UV_EMFILE || r == UV_ENFILE || r == UV_ENOMEM) {
    t->limit_failed++;
    if (fallback(t) == 0) t->fallback.ops->add_dir(&t->fallback, dir);
  } else if (r != UV_ENOENT) {
    watch_status(WATCH_LVL_WARN, "cannot watch '%s': %s", watch_tree_display(t, dir),
                 dr_strerror(r));
  }
}

static unsigned long read_sysctl(const char *path) {
  FILE *f = fopen(path, "r");
  unsigned long v = 0;
  if (f) {
    if (fscanf(f, "%lu", &v) != 1) v = 0;
    fclose(f);
  }
  return v;
}

static void report_limit(watch_tree_t *t) {
  if (!t->limit_failed) return;
  unsigned long limit =
      t->main.limit ? t->main.limit : read_sysctl("/proc/sys/fs/inotify/max_user_watches");
  unsigned long need = limit + t->limit_failed;
  unsigned long suggest = 524288;
  while (suggest < need * 2) suggest *= 2;
  watch_status(WATCH_LVL_WARN,
               "inotify watch limit reached (fs.inotify.max_user_watches = %lu): %zu more "
               "director%s need a watch, about %lu in all; polling %s every %u ms instead. "
               "To raise the limit: sudo sysctl -w fs.inotify.max_user_watches=%lu "
               "(and add it to /etc/sysctl.d/ to keep it)",
               limit, t->limit_failed, t->limit_failed == 1 ? "y" : "ies", need,
               t->limit_failed == 1 ? "it" : "them", t->fallback.poll_ms, suggest);
  t->limit_failed = 0;
}

/* Walks dir and everything below it that is not ignored.  With `report`,
 * files found are reported as new (a directory that appeared at run time);
 * with `collect`, file paths are appended to it (to hash small trees). */
static void walk(watch_tree_t *t, const char *start, size_t root_len, int report,
                 watch_strv_t *collect, int add_watches) {
  watch_strv_t stack = WATCH_STRV_INIT;
  dr_buf_t path = DR_BUF_INIT, ents = DR_BUF_INIT; /* ents: <type><name>\0 ... */
  watch_strv_push(&stack, start);
  while (stack.n) {
    char *dir = stack.v[--stack.n];
    stack.v[stack.n] = NULL;
    if (add_watches) add_watch(t, dir); /* before listing: nothing slips between */
    DIR *dp = opendir(dir);
    if (!dp) {
      if (errno != ENOENT && errno != ENOTDIR)
        watch_status(WATCH_LVL_WARN, "cannot read '%s': %s", watch_tree_display(t, dir),
                     strerror(errno));
      free(dir);
      continue;
    }
    /* List first, so that the directory's ignore files (if the listing has
     * any) are read before its entries are filtered — without probing for
     * them in every directory. */
    struct dirent *de;
    dr_buf_reset(&ents);
    int has_ignore_file = 0;
    while ((de = readdir(dp))) {
      if (de->d_name[0] == '.' && (!de->d_name[1] || (de->d_name[1] == '.' && !de->d_name[2])))
        continue;
      int type = de->d_type;
      if (type == DT_UNKNOWN) {
        struct stat st;
        if (fstatat(dirfd(dp), de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
        type = S_ISDIR(st.st_mode)   ? DT_DIR
               : S_ISREG(st.st_mode) ? DT_REG
               : S_ISLNK(st.st_mode) ? DT_LNK
                                     : DT_UNKNOWN;
      }
      if (type != DT_DIR && type != DT_REG && type != DT_LNK) continue;
      if (!strcmp(de->d_name, ".gitignore") || !strcmp(de->d_name, ".ignore")) has_ignore_file = 1;
      dr_buf_addch(&ents, type);
      dr_buf_add(&ents, de->d_name, strlen(de->d_name) + 1);
    }
    closedir(dp);
    if (t->o->gitignore && has_ignore_file) {
      int created;
      watch_pathmap_put(&t->loaded, dir, &created);
      if (created) {
        watch_ignore_add_file(t->ig, dir, ".gitignore");
        watch_ignore_add_file(t->ig, dir, ".ignore");
      }
    }
    for (size_t off = 0; off < ents.len;) {
      int type = (unsigned char)ents.buf[off];
      const char *name = ents.buf + off + 1;
      off += 2 + strlen(name);
      dr_buf_reset(&path);
      if (dir[0] == '/' && !dir[1])
        dr_buf_addf(&path, "/%s", name);
      else
        dr_buf_addf(&path, "%s/%s", dir, name);
      if (type == DT_DIR) {
        if (!watch_ignore_match(t->ig, path.buf, root_len, 1))
          watch_strv_push(&stack, path.buf);
        else if (watch_status_verbose())
          watch_status(WATCH_LVL_DEBUG, "not watching ignored '%s/'",
                       watch_tree_display(t, path.buf));
      } else {
        if (!wanted(t, path.buf, root_len, 0)) continue;
        t->nfiles++;
        if (report) t->cb(t->ctx, path.buf, WATCH_EV_CHANGE | WATCH_EV_CREATE);
        if (collect && !t->lazy) {
          if (collect->n < t->o->hash_limit) {
            watch_strv_push(collect, path.buf);
          } else { /* too many: hash lazily instead */
            watch_strv_release(collect);
            t->lazy = 1;
          }
        }
      }
    }
    free(dir);
  }
  watch_strv_release(&stack);
  dr_buf_release(&path);
  dr_buf_release(&ents);
}

static int pick_backend(watch_tree_t *t) {
  if (t->o->poll_ms) return backend_init(t, &t->main, &watch_backend_poll, t->o->poll_ms);
#if defined(__linux__)
  int r = backend_init(t, &t->main, &watch_backend_inotify, 0);
  if (r == 0) return 0;
  unsigned long inst = read_sysctl("/proc/sys/fs/inotify/max_user_instances");
  watch_status(
      WATCH_LVL_WARN,
      "cannot start inotify (%s; fs.inotify.max_user_instances = %lu): polling every "
      "1000 ms instead. To raise the limit: sudo sysctl -w fs.inotify.max_user_instances=%lu",
      dr_strerror(r), inst, inst ? inst * 2 : 1024);
  return backend_init(t, &t->main, &watch_backend_poll, 1000);
#elif defined(__APPLE__) || defined(_WIN32)
  int r = backend_init(t, &t->main, &watch_backend_uv, 0);
  if (r == 0) return 0;
  return backend_init(t, &t->main, &watch_backend_poll, 1000);
#else
  return backend_init(t, &t->main, &watch_backend_poll, 1000);
#endif
}

static void add_explicit_file(watch_tree_t *t, const char *abs) {
  *watch_pathmap_put(&t->files, abs, NULL) = (void *)1;
  if (root_of(t, abs)) return; /* its directory is watched already */
  char *dir = dr_strdup(abs);
  char *slash = strrchr(dir, '/');
  if (slash == dir)
    slash[1] = '\0';
  else if (slash)
    *slash = '\0';
  int created;
  watch_pathmap_put(&t->filedirs, dir, &created);
  if (created) add_watch(t, dir);
  free(dir);
}

int watch_tree_start(watch_tree_t *t) {
  const watch_opts_t *o = t->o;
  int r = pick_backend(t);
  if (r) return dr_error("cannot start the file watcher: %s", dr_strerror(r));
  if (o->default_ignores) watch_ignore_add_defaults(t->ig);
  for (size_t i = 0; i < o->ignore.n; i++)
    watch_ignore_add_text(t->ig, NULL, o->ignore.v[i], strlen(o->ignore.v[i]));

  watch_strv_t files = WATCH_STRV_INIT;
  static const char *dot[] = {".", NULL};
  const char *const *roots = o->watch.n ? (const char *const *)o->watch.v : dot;
  for (size_t i = 0; roots[i]; i++) {
    char abs[PATH_MAX];
    struct stat st;
    if (!realpath(roots[i], abs) || stat(abs, &st) != 0) {
      r = dr_error("cannot watch '%s': %s", roots[i], strerror(errno));
      goto out;
    }
    if (S_ISDIR(st.st_mode))
      watch_strv_push(&t->roots, abs);
    else
      watch_strv_push(&files, abs);
  }
  if (o->env_file) {
    char abs[PATH_MAX];
    if (realpath(o->env_file, abs)) watch_strv_push(&files, abs);
  }
  watch_strv_t collect = WATCH_STRV_INIT;
  for (size_t i = 0; i < t->roots.n; i++) {
    /* Nested roots (--watch . --watch src) are walked once. */
    int nested = 0;
    for (size_t j = 0; j < t->roots.n; j++) {
      size_t n = strlen(t->roots.v[j]);
      if (j != i && n < strlen(t->roots.v[i]) && !strncmp(t->roots.v[i], t->roots.v[j], n) &&
          (t->roots.v[i][n] == '/' || n == 1))
        nested = 1;
    }
    if (nested) continue;
    if (t->main.ops->recursive) {
      add_watch(t, t->roots.v[i]);
      walk(t, t->roots.v[i], strlen(t->roots.v[i]), 0, &collect, 0);
    } else {
      walk(t, t->roots.v[i], strlen(t->roots.v[i]), 0, &collect, 1);
    }
  }
  for (size_t i = 0; i < files.n; i++) {
    add_explicit_file(t, files.v[i]);
    if (!t->lazy) watch_strv_push(&collect, files.v[i]);
  }
  report_limit(t);
  for (size_t i = 0; i < collect.n; i++) watch_hashcache_record(&t->cache, collect.v[i]);
  if (watch_status_verbose()) {
    size_t dirs, nf, polled;
    watch_tree_counts(t, &dirs, &nf, &polled);
    watch_status(WATCH_LVL_DEBUG,
                 "watching %zu directories (%s%s), %zu files, %zu hashed, %zu ignore patterns",
                 dirs, t->main.ops->name,
                 polled && t->main.ops != &watch_backend_poll ? " + poll fallback" : "", nf,
                 t->cache.hashed, watch_ignore_count(t->ig));
  }
  watch_strv_release(&collect);
  r = 0;
out:
  watch_strv_release(&files);
  return r;
}

void watch_tree_rescan(watch_tree_t *t) {
  for (size_t i = 0; i < t->roots.n; i++) {
    size_t before = t->nfiles;
    walk(t, t->roots.v[i], strlen(t->roots.v[i]), 1, NULL, !t->main.ops->recursive);
    t->nfiles = before;
  }
  size_t i = 0;
  watch_pathmap_slot_t *s;
  while ((s = watch_pathmap_next(&t->files, &i))) t->cb(t->ctx, s->key, WATCH_EV_CHANGE);
  report_limit(t);
}

static void dir_gone(watch_tree_t *t, const char *path) {
  t->main.ops->rm_dir(&t->main, path);
  if (t->have_fallback) t->fallback.ops->rm_dir(&t->fallback, path);
}

static void on_backend(void *ctx, const char *dir, const char *name, unsigned flags) {
  watch_tree_t *t = ctx;
  if (flags & WATCH_BE_OVERFLOW) {
    watch_status(WATCH_LVL_WARN, "file events were lost (queue overflow): rescanning");
    watch_tree_rescan(t);
    return;
  }
  dr_buf_t path = DR_BUF_INIT;
  if (name) {
    if (dir[0] == '/' && !dir[1])
      dr_buf_addf(&path, "/%s", name);
    else
      dr_buf_addf(&path, "%s/%s", dir, name);
  } else {
    dr_buf_adds(&path, dir);
  }
  size_t root_len = root_of(t, path.buf);
  int recursive = t->main.ops->recursive;
  if (flags & WATCH_BE_DIR_NEW) {
    if (root_len && !watch_ignore_match(t->ig, path.buf, root_len, 1)) {
      walk(t, path.buf, root_len, 1, NULL, 1);
      report_limit(t);
    }
  } else if (flags & WATCH_BE_DIR_GONE) {
    if (!name) {
      for (size_t i = 0; i < t->roots.n; i++)
        if (!strcmp(t->roots.v[i], path.buf))
          watch_status(WATCH_LVL_WARN, "watched directory '%s' was removed or renamed",
                       watch_tree_display(t, path.buf));
    }
    dir_gone(t, path.buf);
    if (root_len && !watch_ignore_match(t->ig, path.buf, root_len, 1))
      t->cb(t->ctx, path.buf, WATCH_EV_DIR_GONE);
  } else if (wanted(t, path.buf, root_len, recursive)) {
    unsigned ev = 0;
    if (flags & WATCH_BE_FILE) ev |= WATCH_EV_CHANGE;
    if (flags & WATCH_BE_CREATED) {
      ev |= WATCH_EV_CREATE;
      /* A new symlink or hard link gets no close-write: count it now. */
      struct stat st;
      if (!(flags & WATCH_BE_FILE) && lstat(path.buf, &st) == 0 &&
          (S_ISLNK(st.st_mode) || st.st_nlink > 1))
        ev |= WATCH_EV_CHANGE;
    }
    if (flags & WATCH_BE_REMOVED) ev |= WATCH_EV_REMOVE;
    if (recursive) {
      /* Recursive backends cannot tell files from directories. */
      struct stat st;
      if (lstat(path.buf, &st) == 0 && S_ISDIR(st.st_mode)) ev = 0;
    }
    if (ev) t->cb(t->ctx, path.buf, ev);
  }
  dr_buf_release(&path);
}

void watch_tree_close(watch_tree_t *t) {
  if (!t) return;
  if (t->main.ops) t->main.ops->close(&t->main);
  if (t->have_fallback) t->fallback.ops->close(&t->fallback);
  watch_ignore_free(t->ig);
  watch_hashcache_release(&t->cache);
  watch_strv_release(&t->roots);
  watch_pathmap_release(&t->files, NULL);
  watch_pathmap_release(&t->filedirs, NULL);
  watch_pathmap_release(&t->loaded, NULL);
  free(t->cwd);
  free(t);
}
