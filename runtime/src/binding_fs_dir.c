/* binding_fs_dir.c — internalBinding('fs_dir'): open directories read in
 * batches, for fs.Dir (runtime/lib/internal/fs/dir.js), on libuv's
 * uv_fs_opendir/readdir/closedir (the thread pool when asynchronous).
 *
 *   opendir(path, cb(err, handle))        opendirSync(path) -> handle
 *   handle.read(bufferSize[, cb(err, entries)]) -> entries (sync)
 *       entries: [name, type, name, type, ...] with libuv's UV_DIRENT_*
 *       types, at most bufferSize entries; null at the end of the directory
 *   handle.close([cb(err)])
 * Errors are Node-shaped (syscall opendir, readdir, closedir; only the
 * asynchronous opendir names the path, as in Node).  One request at a time per handle (the
 * JavaScript side queues; a second one here throws).
 *
 * Ownership: a dir_wrap lives until it is closed and its object is
 * collected.  A request in flight holds the object strongly; an object
 * collected while still open closes its directory synchronously (as Node
 * does on garbage collection). */
#include <stdlib.h>
#include <string.h>

#include "devrun/util.h"
#include "runtime.h"

typedef struct dir_wrap {
  uv_dir_t *dir;        /* NULL once closed */
  uv_dirent_t *entries; /* the batch buffer handed to libuv */
  size_t cap;
  bool busy;
  rt_ref *weak; /* the handle object, weak */
  struct dir_wrap *live_prev, *live_next; /* this thread's handles (see live_close_all) */
} dir_wrap;

typedef struct {
  uv_fs_t req;
  rt_ref *cb, *keep;
  dir_wrap *d;
  const char *syscall;
  char *path;
} dir_req;

static _Thread_local rt_class *dir_class;

/* Node warns when it closes a directory for the garbage collector: not
 * closing a Dir is a bug.  The warning is emitted from an unref'd timer
 * (JavaScript cannot run inside a weak callback), as Node's unref'd
 * SetImmediate. */
static _Thread_local uv_timer_t *warn_timer;
static _Thread_local int warn_pending;

static void warn_cb(uv_timer_t *t) {
  (void)t;
  int n = warn_pending;
  warn_pending = 0;
  rt_scope *sc = rt_scope_open();
  rt_val process = rt_ref_get(rt_env_current->process);
  rt_val fn = rt_get(process, "emitWarning");
  for (int i = 0; i < n && fn && rt_is_function(fn); i++) {
    rt_val msg = rt_string("Closing directory handle on garbage collection");
    rt_make_callback(fn, process, 1, &msg);
  }
  rt_scope_close(sc);
}

static void warn_later(void) {
  rt_env *env = rt_env_current;
  if (!env || !env->loop || !env->process) return;
  if (!warn_timer) {
    warn_timer = dr_calloc(1, sizeof *warn_timer);
    uv_timer_init(env->loop, warn_timer);
    uv_unref((uv_handle_t *)warn_timer);
  }
  warn_pending++;
  uv_timer_start(warn_timer, warn_cb, 0, 0);
}

/* This thread's handles.  V8 runs no weak callback when a worker's isolate
 * is disposed: the directories a worker leaves open are closed when its
 * thread ends, after the isolate (no rt_ref is touched then). */
static _Thread_local dir_wrap *live;
static _Thread_local bool live_hooked;

static void live_unlink(dir_wrap *d) {
  if (d->live_prev)
    d->live_prev->live_next = d->live_next;
  else if (live == d)
    live = d->live_next;
  if (d->live_next) d->live_next->live_prev = d->live_prev;
  d->live_prev = d->live_next = NULL;
}

static void live_close_all(void *arg) {
  (void)arg;
  while (live) {
    dir_wrap *d = live;
    live = d->live_next;
    if (d->dir) {
      uv_fs_t req;
      uv_fs_closedir(NULL, &req, d->dir, NULL);
      uv_fs_req_cleanup(&req);
    }
    free(d->entries);
    free(d);
  }
  live_hooked = false;
}

static void dir_gone(void *data) {
  dir_wrap *d = data;
  live_unlink(d);
  if (d->dir) {
    uv_fs_t req;
    uv_fs_closedir(NULL, &req, d->dir, NULL);
    uv_fs_req_cleanup(&req);
    warn_later();
  }
  free(d->entries);
  free(d);
}

static void dir_ctor(rt_args *a) {
  (void)a; /* instances are made by make_handle */
}

static rt_val make_handle(uv_dir_t *dir) {
  rt_val obj = rt_new(rt_class_function(dir_class), 0, NULL);
  if (!obj) return NULL;
  dir_wrap *d = dr_calloc(1, sizeof *d);
  d->dir = dir;
  if (!live_hooked) {
    rt_thread_at_exit(live_close_all, NULL);
    live_hooked = true;
  }
  d->live_next = live;
  if (live) live->live_prev = d;
  live = d;
  d->weak = rt_ref_new(obj);
  rt_ref_set_weak(d->weak, dir_gone, d);
  rt_object_set_ptr(obj, d);
  return obj;
}

static dir_wrap *self(rt_args *a) {
  dir_wrap *d = rt_is_object(rt_this(a)) ? rt_object_get_ptr(rt_this(a)) : NULL;
  if (!d) {
    rt_throw_type_error("not a directory handle");
    return NULL;
  }
  if (d->busy) {
    rt_throw_error("directory handle busy");
    return NULL;
  }
  return d;
}

/* The batch as [name, type, ...], or null when libuv returned none. */
static rt_val entries_of(dir_wrap *d, ssize_t n) {
  if (n <= 0) return rt_null();
  rt_val arr = rt_array((size_t)n * 2);
  for (ssize_t i = 0; i < n; i++) {
    rt_set_i(arr, (uint32_t)(i * 2), rt_string(d->dir->dirents[i].name));
    rt_set_i(arr, (uint32_t)(i * 2 + 1), rt_int(d->dir->dirents[i].type));
  }
  return arr;
}

static dir_req *new_req(rt_val cb, rt_val keep, dir_wrap *d, const char *syscall) {
  dir_req *q = dr_calloc(1, sizeof *q);
  q->req.data = q;
  q->cb = rt_ref_new(cb);
  if (keep) q->keep = rt_ref_new(keep);
  q->d = d;
  q->syscall = syscall;
  return q;
}

static void free_req(dir_req *q) {
  uv_fs_req_cleanup(&q->req);
  rt_ref_free(q->cb);
  rt_ref_free(q->keep);
  free(q->path);
  free(q);
}

/* Calls back and frees the request.  The request is cleaned up first:
 * the callback may close the directory, whose batch the cleanup reads. */
static void finish(dir_req *q, rt_val result) {
  int status = (int)q->req.result;
  uv_fs_req_cleanup(&q->req);
  rt_val argv[2] = {rt_null(), result};
  if (status < 0) {
    argv[0] = rt_errno_error(status, q->syscall, q->path, NULL);
    argv[1] = rt_undefined();
  }
  rt_val cb = rt_ref_get(q->cb);
  rt_ref_free(q->cb);
  rt_ref_free(q->keep);
  free(q->path);
  free(q);
  rt_make_callback(cb, rt_undefined(), 2, argv);
}

static void opendir_cb(uv_fs_t *req) {
  dir_req *q = req->data;
  rt_scope *sc = rt_scope_open();
  rt_val h = req->result < 0 ? rt_undefined() : make_handle(req->ptr);
  finish(q, h ? h : rt_undefined());
  rt_scope_close(sc);
}

/* opendir(path, cb) */
static void opendir_(rt_args *a) {
  if (!rt_is_function(rt_arg(a, 1))) {
    rt_throw_type_error("opendir(path, cb): a callback expected");
    return;
  }
  dir_req *q = new_req(rt_arg(a, 1), NULL, NULL, "opendir");
  q->path = RT_ARG_STR(a, 0);
  int r = uv_fs_opendir(rt_env_current->loop, &q->req, q->path, opendir_cb);
  if (r < 0) {
    rt_throw_errno(r, "opendir", q->path, NULL);
    free_req(q);
  }
}

static void opendir_sync(rt_args *a) {
  char *path = RT_ARG_STR(a, 0);
  uv_fs_t req;
  int r = uv_fs_opendir(rt_env_current->loop, &req, path, NULL);
  if (r < 0) {
    rt_throw_errno(r, "opendir", NULL, NULL); /* Node's opendirSync names no path */
  } else {
    rt_val h = make_handle(req.ptr);
    if (h) rt_return(a, h);
  }
  uv_fs_req_cleanup(&req);
  free(path);
}

static bool prepare_batch(dir_wrap *d, rt_val size) {
  double n = rt_to_number(size);
  /* dir.js validated a uint32 >= 1; libuv is handed at most 1Mi entries */
  size_t want = n >= 1 ? (n < 1 << 20 ? (size_t)n : (size_t)1 << 20) : 32;
  if (want > d->cap) {
    free(d->entries);
    d->entries = dr_calloc(want, sizeof *d->entries);
    d->cap = want;
  }
  d->dir->dirents = d->entries;
  d->dir->nentries = want;
  return true;
}

static void read_cb(uv_fs_t *req) {
  dir_req *q = req->data;
  q->d->busy = false;
  rt_scope *sc = rt_scope_open();
  finish(q, req->result < 0 ? rt_undefined() : entries_of(q->d, req->result));
  rt_scope_close(sc);
}

/* read(bufferSize[, cb]) */
static void read_(rt_args *a) {
  dir_wrap *d = self(a);
  if (!d) return;
  if (!d->dir) {
    rt_throw_errno(UV_EBADF, "readdir", NULL, NULL);
    return;
  }
  prepare_batch(d, rt_arg(a, 0));
  if (rt_is_function(rt_arg(a, 1))) {
    dir_req *q = new_req(rt_arg(a, 1), rt_this(a), d, "readdir");
    int r = uv_fs_readdir(rt_env_current->loop, &q->req, d->dir, read_cb);
    if (r < 0) {
      rt_throw_errno(r, "readdir", NULL, NULL);
      free_req(q);
      return;
    }
    d->busy = true;
    return;
  }
  uv_fs_t req;
  int r = uv_fs_readdir(rt_env_current->loop, &req, d->dir, NULL);
  if (r < 0)
    rt_throw_errno(r, "readdir", NULL, NULL);
  else
    rt_return(a, entries_of(d, r));
  uv_fs_req_cleanup(&req);
}

static void close_cb(uv_fs_t *req) {
  dir_req *q = req->data;
  q->d->busy = false;
  rt_scope *sc = rt_scope_open();
  finish(q, rt_undefined());
  rt_scope_close(sc);
}

/* close([cb]) */
static void close_(rt_args *a) {
  dir_wrap *d = self(a);
  if (!d) return;
  uv_dir_t *dir = d->dir;
  if (!dir) {
    rt_throw_errno(UV_EBADF, "closedir", NULL, NULL);
    return;
  }
  d->dir = NULL; /* libuv frees it, whatever the outcome */
  if (rt_is_function(rt_arg(a, 0))) {
    dir_req *q = new_req(rt_arg(a, 0), rt_this(a), d, "closedir");
    int r = uv_fs_closedir(rt_env_current->loop, &q->req, dir, close_cb);
    if (r < 0) {
      rt_throw_errno(r, "closedir", NULL, NULL);
      free_req(q);
      return;
    }
    d->busy = true;
    return;
  }
  uv_fs_t req;
  int r = uv_fs_closedir(rt_env_current->loop, &req, dir, NULL);
  if (r < 0) rt_throw_errno(r, "closedir", NULL, NULL);
  uv_fs_req_cleanup(&req);
}

void rt_binding_init_fs_dir(rt_val e) {
  dir_class = rt_class_new("DirHandle", dir_ctor, 1);
  rt_class_method(dir_class, "read", read_);
  rt_class_method(dir_class, "close", close_);
  rt_set_method(e, "opendir", opendir_);
  rt_set_method(e, "opendirSync", opendir_sync);
}
