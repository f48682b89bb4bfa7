/* backend.h — the file-notification backend interface (Redis ae-style).
 *
 * A backend turns "watch this directory" into events on the libuv loop.  The
 * tree (tree.c) decides WHAT to watch (walking, ignores, --ext); a backend
 * only knows HOW.  Every backend implements the same small table of
 * operations, and tree.c picks one at start:
 *
 *   backend_inotify.c  Linux: inotify used directly, one watch per directory
 *                      (IN_CLOSE_WRITE, IN_MOVED_*, IN_CREATE, IN_DELETE*),
 *                      IN_Q_OVERFLOW reported as a rescan.  Not recursive:
 *                      the tree adds each directory, including new ones.
 *   backend_uv.c       macOS/Windows: libuv's uv_fs_event with
 *                      UV_FS_EVENT_RECURSIVE (FSEvents/ReadDirectoryChangesW).
 *                      Recursive: the tree adds only the roots.  Compiled only
 *                      where libuv supports recursion (not on Linux).
 *   backend_poll.c     everywhere: a timer that re-reads each directory and
 *                      compares mtime/size/inode (--poll, network filesystems,
 *                      Docker/WSL mounts, and the fallback for directories
 *                      that did not fit in the inotify limit).
 *
 * Events are delivered as (dir, name, flags): dir is the absolute directory
 * path as it was added (or, for recursive backends, the root), name a path
 * relative to it (may contain '/' for recursive backends, may be NULL for
 * events about dir itself).
 *
 * To add a backend: implement the ops below in backend_<name>.c, declare the
 * table here, and choose it in tree.c's pick_backend().
 *
 * Invariants: add_dir() never follows symlinks into directories it was not
 * given; rm_dir() removes dir and everything below it; after close() no
 * callback runs.  Return values are 0 or negative DR_E or UV_E codes;
 * UV_ENOSPC / UV_EMFILE from add_dir() mean "a system limit is reached" and
 * the tree falls back to polling that directory.
 */
#ifndef DEVRUN_WATCH_BACKEND_H
#define DEVRUN_WATCH_BACKEND_H

#include <stddef.h>

#include <uv.h>

enum {
  WATCH_BE_FILE = 1,      /* a file was written (closed), created or moved in */
  WATCH_BE_REMOVED = 2,   /* a file was deleted or moved away */
  WATCH_BE_DIR_NEW = 4,   /* a directory appeared (created or moved in) */
  WATCH_BE_DIR_GONE = 8,  /* a directory went away (its watches are gone too) */
  WATCH_BE_OVERFLOW = 16, /* events were lost: rescan everything */
  WATCH_BE_CREATED = 32,  /* modifier: the file is newly created */
};

typedef struct watch_backend_s watch_backend_t;
typedef void (*watch_backend_cb)(void *ctx, const char *dir, const char *name, unsigned flags);

typedef struct watch_backend_ops_s {
  const char *name;
  int recursive; /* one add_dir() per root is enough */
  int (*init)(watch_backend_t *b);
  int (*add_dir)(watch_backend_t *b, const char *path);
  void (*rm_dir)(watch_backend_t *b, const char *path);
  size_t (*count)(const watch_backend_t *b);
  void (*close)(watch_backend_t *b);
} watch_backend_ops_t;

struct watch_backend_s {
  const watch_backend_ops_t *ops;
  uv_loop_t *loop;
  watch_backend_cb cb;
  void *ctx;
  unsigned poll_ms; /* poll backend interval */
  unsigned limit;   /* inotify: simulated max watches (testing), 0 = none */
  void *priv;       /* the backend's own state */
};

#ifdef __linux__
extern const watch_backend_ops_t watch_backend_inotify;
#endif
#if defined(__APPLE__) || defined(_WIN32)
extern const watch_backend_ops_t watch_backend_uv;
#endif
extern const watch_backend_ops_t watch_backend_poll;

#endif
