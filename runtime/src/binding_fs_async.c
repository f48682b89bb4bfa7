/* binding_fs_async.c — internalBinding('fs_async'): every file-system call of
 * the fs module on libuv's uv_fs_* requests, in one calling convention:
 *
 *     fn(...args)            synchronous: returns the result or throws a
 *                            Node-style system error (ENOENT with errno,
 *                            code, syscall, path/dest);
 *     fn(...args, callback)  asynchronous on the libuv thread pool: returns
 *                            undefined; later callback(err, result) runs as
 *                            a MakeCallback (nextTicks and microtasks after).
 *
 * The callback is recognised as a function in the position after the last
 * argument of the call (each function below declares its arity in the
 * table).  The JavaScript layer (runtime/lib/fs.js, internal/fs/ modules) validates
 * arguments; this file trusts types and ranges it receives.
 *
 * Results: stat-like calls give a Float64Array (or, with bigint, a
 * BigInt64Array) of 18 fields in Node's order: dev, mode, nlink, uid, gid,
 * rdev, blksize, ino, size, blocks, then sec/nsec pairs for atime, mtime,
 * ctime, birthtime.  readdir gives names, or [names, types] with types as
 * UV_DIRENT_* numbers.  read/write give byte counts.
 *
 * Watchers (fs.watch, fs.watchFile) are libuv handles wrapped in objects
 * with one internal slot: fsEventStart(path, persistent, cb(event, name))
 * and statWatchStart(path, interval, persistent, cb(status, curr, prev))
 * return the wrapper; handleClose(w) and handleRef(w, bool) act on either.
 *
 * Reads from the page cache skip the thread pool: an asynchronous read of up
 * to 128 KiB from a regular file first tries preadv2(RWF_NOWAIT) on the loop
 * thread, which copies the bytes if the kernel has them all cached and
 * refuses otherwise (then, or for anything but a regular file, the request
 * goes to the pool as before; a partly cached range reads the rest in the
 * pool).  The callback still runs later, never inside the call: from a check
 * handle in the same loop iteration (a pool read that completes by the poll
 * phase also runs in that iteration).  Why: each pool request costs two
 * thread switches, and Debian's libuv 1.44 makes the loop thread spin in
 * uv__async_io until the worker's uv_async_send returns (perf: pause loop in
 * libuv, sched_yield) — ~20 µs per request on a busy two-core machine, a
 * third of the time of a 64 KiB createReadStream chunk.
 *
 * To add a call: a static function taking (rt_args *, fs_call *) that fills
 * the request with uv_fs_xxx(loop, &c->req, ..., cb), a result converter if
 * it returns something, and a row in FS_CALLS.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* preadv2, RWF_NOWAIT */
#endif
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>

#include "runtime.h"

typedef struct fs_call fs_call;
typedef rt_val (*fs_result_fn)(fs_call *c);

struct fs_call {
  uv_fs_t req;
  rt_ref *cb;        /* JS callback (async only) */
  rt_ref *keep;      /* buffer kept alive while the request runs */
  char *path, *dest; /* for errors; owned */
  const char *syscall;
  fs_result_fn result;
  bool bigint, with_types;
  uv_buf_t buf;
  ssize_t done;  /* bytes a fast read got before the pool read the rest */
  fs_call *next; /* in the completed-reads queue */
};

static uv_loop_t *loop(void) {
  return rt_env_current->loop;
}

/* ---- results ----------------------------------------------------------- */

static rt_val stat_result(const uv_stat_t *s, bool bigint) {
  rt_val ab = rt_array_buffer(18 * 8, false);
  if (!ab) return NULL;
  void *d = rt_array_buffer_data(ab, NULL);
  uint64_t v[18] = {s->st_dev,
                    s->st_mode,
                    s->st_nlink,
                    s->st_uid,
                    s->st_gid,
                    s->st_rdev,
                    s->st_blksize,
                    s->st_ino,
                    s->st_size,
                    s->st_blocks,
                    s->st_atim.tv_sec,
                    s->st_atim.tv_nsec,
                    s->st_mtim.tv_sec,
                    s->st_mtim.tv_nsec,
                    s->st_ctim.tv_sec,
                    s->st_ctim.tv_nsec,
                    s->st_birthtim.tv_sec,
                    s->st_birthtim.tv_nsec};
  for (int i = 0; i < 18; i++) {
    if (bigint)
      ((int64_t *)d)[i] = (int64_t)v[i];
    else
      ((double *)d)[i] = (double)(int64_t)v[i];
  }
  return ab;
}

static rt_val r_stat(fs_call *c) {
  return stat_result(&c->req.statbuf, c->bigint);
}
/* statfs: [type, bsize, blocks, bfree, bavail, files, ffree] as numbers or
 * BigInts. */
static rt_val r_statfs(fs_call *c) {
  const uv_statfs_t *f = c->req.ptr;
  uint64_t v[7] = {f->f_type,   f->f_bsize, f->f_blocks, f->f_bfree,
                   f->f_bavail, f->f_files, f->f_ffree};
  rt_val r = rt_array(7);
  for (uint32_t i = 0; i < 7; i++)
    rt_set_i(r, i, c->bigint ? rt_biguint(v[i]) : rt_number((double)v[i]));
  return r;
}
static rt_val r_int(fs_call *c) {
  return rt_int((int64_t)c->req.result);
}
static rt_val r_path(fs_call *c) {
  const char *p = c->req.ptr ? (const char *)c->req.ptr : c->req.path;
  return rt_string(p ? p : "");
}
static rt_val r_scandir(fs_call *c) {
  rt_val names = rt_array(0), types = rt_array(0);
  uv_dirent_t ent;
  uint32_t k = 0;
  while (uv_fs_scandir_next(&c->req, &ent) != UV_EOF) {
    rt_set_i(names, k, rt_string(ent.name));
    rt_set_i(types, k, rt_int(ent.type));
    k++;
  }
  if (!c->with_types) return names;
  rt_val r = rt_array(2);
  rt_set_i(r, 0, names);
  rt_set_i(r, 1, types);
  return r;
}

/* ---- completion --------------------------------------------------------- */

static void call_free(fs_call *c) {
  uv_fs_req_cleanup(&c->req);
  if (c->cb) rt_ref_free(c->cb);
  if (c->keep) rt_ref_free(c->keep);
  free(c->path);
  free(c->dest);
  free(c);
}

static rt_val error_of(fs_call *c) {
  return rt_errno_error((int)c->req.result, c->syscall, c->path, c->dest);
}

static void after(uv_fs_t *req) {
  fs_call *c = req->data;
  rt_scope *s = rt_scope_open();
  rt_val argv[2];
  int argc = 1;
  if (req->result < 0) {
    argv[0] = error_of(c);
  } else {
    argv[0] = rt_null();
    if (c->result) {
      argv[1] = c->result(c);
      argc = 2;
    }
  }
  rt_val fn = rt_ref_get(c->cb);
  rt_make_callback(fn, rt_undefined(), argc, argv);
  rt_scope_close(s);
  call_free(c);
}

/* Starts (async) or runs (sync) the prepared request: start() calls the
 * right uv_fs_xxx with cb (NULL for sync). */
typedef int (*fs_start_fn)(rt_args *a, fs_call *c, uv_fs_cb cb);

static void run(rt_args *a, int arity, const char *syscall, fs_start_fn start,
                fs_result_fn result) {
  fs_call *c = calloc(1, sizeof *c);
  if (!c) abort();
  c->syscall = syscall;
  c->result = result;
  c->req.data = c;
  rt_val cb = rt_arg(a, arity);
  bool async = rt_is_function(cb);
  if (async) c->cb = rt_ref_new(cb);
  int r = start(a, c, async ? after : NULL);
  if (async) {
    if (r < 0) {
      /* Failed to queue: report through the callback, asynchronously as
       * Node would — simplest is to run the callback on the next tick via
       * a zero-delay idle; here we call it via process.nextTick. */
      c->req.result = r;
      rt_val err = error_of(c);
      rt_val process = rt_ref_get(rt_env_current->process);
      rt_val nt = rt_get(process, "nextTick");
      rt_val argv[2] = {cb, err};
      if (nt) rt_call(nt, process, 2, argv);
      call_free(c);
    }
    return;
  }
  if (c->req.result < 0) {
    rt_throw(error_of(c));
  } else if (result) {
    rt_val v = result(c);
    if (v) rt_return(a, v);
  }
  call_free(c);
}

#define PATH(i) (c->path = rt_to_utf8(rt_arg(a, (i)), NULL))
#define DEST(i) (c->dest = rt_to_utf8(rt_arg(a, (i)), NULL))
#define INT(i) rt_to_int32(rt_arg(a, (i)))
#define NUM(i) rt_to_number(rt_arg(a, (i)))

/* ---- the calls --------------------------------------------------------- */

static int s_open(rt_args *a, fs_call *c, uv_fs_cb cb) {
  return uv_fs_open(loop(), &c->req, PATH(0), INT(1) | O_CLOEXEC, INT(2), cb);
}
static int s_close(rt_args *a, fs_call *c, uv_fs_cb cb) {
  return uv_fs_close(loop(), &c->req, INT(0), cb);
}

/* read(fd, view, offset, length, position) — position < 0 or null: current. */
static int prep_buf(rt_args *a, fs_call *c) {
  size_t len;
  char *p = rt_view_data(rt_arg(a, 1), &len);
  int64_t off = rt_to_int64(rt_arg(a, 2)), n = rt_to_int64(rt_arg(a, 3));
  if (off < 0 || n < 0 || (size_t)off > len || (size_t)n > len - (size_t)off) return UV_EINVAL;
  c->buf = uv_buf_init(p ? p + off : NULL, (unsigned)n);
  c->keep = rt_ref_new(rt_arg(a, 1));
  return 0;
}
static int64_t position(rt_args *a, int i) {
  rt_val v = rt_arg(a, i);
  if (rt_is_bigint(v)) return rt_bigint_to_int64(v, NULL);
  if (!rt_is_number(v)) return -1;
  double d = rt_to_number(v);
  return d >= 0 ? (int64_t)d : -1;
}

/* ---- reads served from the page cache (see the top of the file) ---------- */

static _Thread_local struct {
  bool init;
  uv_check_t check; /* runs the queued callbacks */
  uv_idle_t idle;   /* keeps the loop from blocking in poll meanwhile */
  fs_call *head, *tail;
} fast;

static void fast_drain(uv_check_t *h) {
  (void)h;
  fs_call *c = fast.head;
  fast.head = fast.tail = NULL;
  uv_check_stop(&fast.check);
  uv_idle_stop(&fast.idle);
  while (c) { /* callbacks may queue more: those run next iteration */
    fs_call *next = c->next;
    after(&c->req);
    c = next;
  }
}
static void fast_idle(uv_idle_t *h) {
  (void)h;
}

static void fast_complete(fs_call *c, ssize_t n) {
  c->req.result = n;
  c->next = NULL;
  if (!fast.init) {
    uv_check_init(loop(), &fast.check);
    uv_idle_init(loop(), &fast.idle);
    fast.init = true;
  }
  if (fast.tail)
    fast.tail->next = c;
  else
    fast.head = c;
  fast.tail = c;
  uv_check_start(&fast.check, fast_drain);
  uv_idle_start(&fast.idle, fast_idle);
}

/* The pool's part of a partly cached read: the two counts add up; an error
 * there still returns the bytes already read, as read(2) would. */
static void after_rest(uv_fs_t *req) {
  fs_call *c = req->data;
  req->result = req->result >= 0 ? req->result + c->done : c->done;
  after(req);
}

/* Larger reads stay on the pool: copying (and faulting in) a megabyte
 * takes longer than the round trip, and on the pool it overlaps with the
 * JavaScript consuming the previous chunk (1 MiB createReadStream chunks
 * were twice as slow read on the loop thread). */
#define FAST_READ_MAX (128 * 1024)

/* Tries the read at once; true if it is taken care of (queued, or the rest
 * handed to the pool). */
static bool fast_read(fs_call *c, int fd, int64_t pos) {
#ifdef RWF_NOWAIT
  struct stat st;
  if (c->buf.len == 0 || c->buf.len > FAST_READ_MAX || fstat(fd, &st) != 0 ||
      !S_ISREG(st.st_mode))
    return false;
  struct iovec iov = {c->buf.base, c->buf.len};
  ssize_t n = preadv2(fd, &iov, 1, pos < 0 ? -1 : pos, RWF_NOWAIT);
  if (n < 0) return false; /* not cached, unsupported, or an error the pool reports */
  bool at_eof = pos >= 0 && pos + n >= st.st_size;
  if (n > 0 && (size_t)n < c->buf.len && !at_eof) {
    c->done = n;
    c->buf.base += n;
    c->buf.len -= (size_t)n;
    if (uv_fs_read(loop(), &c->req, fd, &c->buf, 1, pos < 0 ? -1 : pos + n, after_rest) == 0)
      return true;
    n = c->done; /* could not queue: deliver what we have */
  }
  fast_complete(c, n);
  return true;
#else
  (void)c, (void)fd, (void)pos;
  return false;
#endif
}

static int s_read(rt_args *a, fs_call *c, uv_fs_cb cb) {
  int r = prep_buf(a, c);
  if (r < 0) return c->req.result = r;
  int fd = INT(0);
  int64_t pos = position(a, 4);
  if (cb && fast_read(c, fd, pos)) return 0;
  return uv_fs_read(loop(), &c->req, fd, &c->buf, 1, pos, cb);
}
static int s_write(rt_args *a, fs_call *c, uv_fs_cb cb) {
  int r = prep_buf(a, c);
  if (r < 0) return c->req.result = r;
  return uv_fs_write(loop(), &c->req, INT(0), &c->buf, 1, position(a, 4), cb);
}

static int s_stat(rt_args *a, fs_call *c, uv_fs_cb cb) {
  c->bigint = rt_to_bool(rt_arg(a, 1));
  return uv_fs_stat(loop(), &c->req, PATH(0), cb);
}
static int s_lstat(rt_args *a, fs_call *c, uv_fs_cb cb) {
  c->bigint = rt_to_bool(rt_arg(a, 1));
  return uv_fs_lstat(loop(), &c->req, PATH(0), cb);
}
static int s_fstat(rt_args *a, fs_call *c, uv_fs_cb cb) {
  c->bigint = rt_to_bool(rt_arg(a, 1));
  return uv_fs_fstat(loop(), &c->req, INT(0), cb);
}
static int s_readdir(rt_args *a, fs_call *c, uv_fs_cb cb) {
  c->with_types = rt_to_bool(rt_arg(a, 1));
  return uv_fs_scandir(loop(), &c->req, PATH(0), 0, cb);
}
static int s_mkdir(rt_args *a, fs_call *c, uv_fs_cb cb) {
  return uv_fs_mkdir(loop(), &c->req, PATH(0), INT(1), cb);
}
static int s_rmdir(rt_args *a, fs_call *c, uv_fs_cb cb) {
  return uv_fs_rmdir(loop(), &c->req, PATH(0), cb);
}
static int s_unlink(rt_args *a, fs_call *c, uv_fs_cb cb) {
  return uv_fs_unlink(loop(), &c->req, PATH(0), cb);
}
static int s_rename(rt_args *a, fs_call *c, uv_fs_cb cb) {
  return uv_fs_rename(loop(), &c->req, PATH(0), DEST(1), cb);
}
static int s_link(rt_args *a, fs_call *c, uv_fs_cb cb) {
  return uv_fs_link(loop(), &c->req, PATH(0), DEST(1), cb);
}
static int s_symlink(rt_args *a, fs_call *c, uv_fs_cb cb) {
  return uv_fs_symlink(loop(), &c->req, PATH(0), DEST(1), INT(2), cb);
}
static int s_readlink(rt_args *a, fs_call *c, uv_fs_cb cb) {
  return uv_fs_readlink(loop(), &c->req, PATH(0), cb);
}
static int s_realpath(rt_args *a, fs_call *c, uv_fs_cb cb) {
  return uv_fs_realpath(loop(), &c->req, PATH(0), cb);
}
static int s_chmod(rt_args *a, fs_call *c, uv_fs_cb cb) {
  return uv_fs_chmod(loop(), &c->req, PATH(0), INT(1), cb);
}
static int s_fchmod(rt_args *a, fs_call *c, uv_fs_cb cb) {
  return uv_fs_fchmod(loop(), &c->req, INT(0), INT(1), cb);
}
static int s_chown(rt_args *a, fs_call *c, uv_fs_cb cb) {
  return uv_fs_chown(loop(), &c->req, PATH(0), (uv_uid_t)NUM(1), (uv_gid_t)NUM(2), cb);
}
static int s_lchown(rt_args *a, fs_call *c, uv_fs_cb cb) {
  return uv_fs_lchown(loop(), &c->req, PATH(0), (uv_uid_t)NUM(1), (uv_gid_t)NUM(2), cb);
}
static int s_fchown(rt_args *a, fs_call *c, uv_fs_cb cb) {
  return uv_fs_fchown(loop(), &c->req, INT(0), (uv_uid_t)NUM(1), (uv_gid_t)NUM(2), cb);
}
static int s_utimes(rt_args *a, fs_call *c, uv_fs_cb cb) {
  return uv_fs_utime(loop(), &c->req, PATH(0), NUM(1), NUM(2), cb);
}
static int s_lutimes(rt_args *a, fs_call *c, uv_fs_cb cb) {
  return uv_fs_lutime(loop(), &c->req, PATH(0), NUM(1), NUM(2), cb);
}
static int s_futimes(rt_args *a, fs_call *c, uv_fs_cb cb) {
  return uv_fs_futime(loop(), &c->req, INT(0), NUM(1), NUM(2), cb);
}
static int s_fsync(rt_args *a, fs_call *c, uv_fs_cb cb) {
  return uv_fs_fsync(loop(), &c->req, INT(0), cb);
}
static int s_fdatasync(rt_args *a, fs_call *c, uv_fs_cb cb) {
  return uv_fs_fdatasync(loop(), &c->req, INT(0), cb);
}
static int s_ftruncate(rt_args *a, fs_call *c, uv_fs_cb cb) {
  return uv_fs_ftruncate(loop(), &c->req, INT(0), (int64_t)NUM(1), cb);
}
static int s_access(rt_args *a, fs_call *c, uv_fs_cb cb) {
  return uv_fs_access(loop(), &c->req, PATH(0), INT(1), cb);
}
static int s_copyfile(rt_args *a, fs_call *c, uv_fs_cb cb) {
  return uv_fs_copyfile(loop(), &c->req, PATH(0), DEST(1), INT(2), cb);
}
static int s_statfs(rt_args *a, fs_call *c, uv_fs_cb cb) {
  c->bigint = rt_to_bool(rt_arg(a, 1));
  return uv_fs_statfs(loop(), &c->req, PATH(0), cb);
}
static int s_mkdtemp(rt_args *a, fs_call *c, uv_fs_cb cb) {
  size_t n;
  char *p = rt_to_utf8(rt_arg(a, 0), &n);
  if (!p) abort();
  c->path = realloc(p, n + 7);
  if (!c->path) abort();
  memcpy(c->path + n, "XXXXXX", 7);
  return uv_fs_mkdtemp(loop(), &c->req, c->path, cb);
}

/* name, arity (arguments before the callback), syscall, start, result */
#define FS_CALLS(XX)                               \
  XX(open, 3, "open", s_open, r_int)               \
  XX(close, 1, "close", s_close, NULL)             \
  XX(read, 5, "read", s_read, r_int)               \
  XX(write, 5, "write", s_write, r_int)            \
  XX(stat, 2, "stat", s_stat, r_stat)              \
  XX(lstat, 2, "lstat", s_lstat, r_stat)           \
  XX(fstat, 2, "fstat", s_fstat, r_stat)           \
  XX(readdir, 2, "scandir", s_readdir, r_scandir)  \
  XX(mkdir, 2, "mkdir", s_mkdir, NULL)             \
  XX(rmdir, 1, "rmdir", s_rmdir, NULL)             \
  XX(unlink, 1, "unlink", s_unlink, NULL)          \
  XX(rename, 2, "rename", s_rename, NULL)          \
  XX(link, 2, "link", s_link, NULL)                \
  XX(symlink, 3, "symlink", s_symlink, NULL)       \
  XX(readlink, 1, "readlink", s_readlink, r_path)  \
  XX(realpath, 1, "realpath", s_realpath, r_path)  \
  XX(chmod, 2, "chmod", s_chmod, NULL)             \
  XX(fchmod, 2, "fchmod", s_fchmod, NULL)          \
  XX(chown, 3, "chown", s_chown, NULL)             \
  XX(lchown, 3, "lchown", s_lchown, NULL)          \
  XX(fchown, 3, "fchown", s_fchown, NULL)          \
  XX(utimes, 3, "utime", s_utimes, NULL)           \
  XX(lutimes, 3, "lutime", s_lutimes, NULL)        \
  XX(futimes, 3, "futime", s_futimes, NULL)        \
  XX(fsync, 1, "fsync", s_fsync, NULL)             \
  XX(fdatasync, 1, "fdatasync", s_fdatasync, NULL) \
  XX(ftruncate, 2, "ftruncate", s_ftruncate, NULL) \
  XX(access, 2, "access", s_access, NULL)          \
  XX(copyfile, 3, "copyfile", s_copyfile, NULL)    \
  XX(mkdtemp, 1, "mkdtemp", s_mkdtemp, r_path)     \
  XX(statfs, 2, "statfs", s_statfs, r_statfs)

#define XX(name, arity, syscall, start, result) \
  static void fn_##name(rt_args *a) {           \
    run(a, arity, syscall, start, result);      \
  }
FS_CALLS(XX)
#undef XX

/* ---- watchers ------------------------------------------------------------- */

typedef struct {
  union {
    uv_handle_t handle;
    uv_fs_event_t event;
    uv_fs_poll_t poll;
  } u;
  rt_ref *cb;
  bool closing;
} fs_watch;

static void watch_closed(uv_handle_t *h) {
  fs_watch *w = h->data;
  if (w->cb) rt_ref_free(w->cb);
  free(w);
}

static fs_watch *watch_of(rt_val obj) {
  if (!rt_is_object(obj)) return NULL;
  return rt_object_get_ptr(obj);
}

static void on_fs_event(uv_fs_event_t *h, const char *filename, int events, int status) {
  fs_watch *w = h->data;
  if (w->closing) return;
  rt_scope *s = rt_scope_open();
  rt_val argv[3];
  if (status < 0) {
    argv[0] = rt_errno_error(status, "watch", NULL, NULL);
    argv[1] = rt_null();
  } else {
    argv[0] = rt_string((events & UV_RENAME) ? "rename" : "change");
    argv[1] = filename ? rt_string(filename) : rt_null();
  }
  argv[2] = rt_bool(status < 0);
  rt_make_callback(rt_ref_get(w->cb), rt_undefined(), 3, argv);
  rt_scope_close(s);
}

/* fsEventStart(path, persistent, cb) -> wrapper */
static void fs_event_start(rt_args *a) {
  char *p = rt_to_utf8(rt_arg(a, 0), NULL);
  if (!p) return;
  fs_watch *w = calloc(1, sizeof *w);
  if (!w) abort();
  uv_fs_event_init(loop(), &w->u.event);
  w->u.handle.data = w;
  int r = uv_fs_event_start(&w->u.event, on_fs_event, p, 0);
  if (r < 0) {
    uv_close(&w->u.handle, watch_closed);
    rt_throw_errno(r, "watch", p, NULL);
    free(p);
    return;
  }
  free(p);
  if (!rt_to_bool(rt_arg(a, 1))) uv_unref(&w->u.handle);
  w->cb = rt_ref_new(rt_arg(a, 2));
  rt_val obj = rt_object_with_slots();
  rt_object_set_ptr(obj, w);
  rt_return(a, obj);
}

static void on_fs_poll(uv_fs_poll_t *h, int status, const uv_stat_t *prev, const uv_stat_t *curr) {
  fs_watch *w = h->data;
  if (w->closing) return;
  rt_scope *s = rt_scope_open();
  uv_stat_t zero;
  memset(&zero, 0, sizeof zero);
  rt_val argv[3] = {rt_int(status), stat_result(status < 0 ? &zero : curr, false),
                    stat_result(prev ? prev : &zero, false)};
  rt_make_callback(rt_ref_get(w->cb), rt_undefined(), 3, argv);
  rt_scope_close(s);
}

/* statWatchStart(path, intervalMs, persistent, cb) -> wrapper */
static void stat_watch_start(rt_args *a) {
  char *p = rt_to_utf8(rt_arg(a, 0), NULL);
  if (!p) return;
  fs_watch *w = calloc(1, sizeof *w);
  if (!w) abort();
  uv_fs_poll_init(loop(), &w->u.poll);
  w->u.handle.data = w;
  int r = uv_fs_poll_start(&w->u.poll, on_fs_poll, p, (unsigned)rt_to_int32(rt_arg(a, 1)));
  free(p);
  if (r < 0) {
    uv_close(&w->u.handle, watch_closed);
    rt_throw_errno(r, "watch", NULL, NULL);
    return;
  }
  if (!rt_to_bool(rt_arg(a, 2))) uv_unref(&w->u.handle);
  w->cb = rt_ref_new(rt_arg(a, 3));
  rt_val obj = rt_object_with_slots();
  rt_object_set_ptr(obj, w);
  rt_return(a, obj);
}

static void handle_close(rt_args *a) {
  fs_watch *w = watch_of(rt_arg(a, 0));
  if (!w || w->closing) return;
  w->closing = true;
  rt_object_set_ptr(rt_arg(a, 0), NULL);
  uv_close(&w->u.handle, watch_closed);
}

static void handle_ref(rt_args *a) {
  fs_watch *w = watch_of(rt_arg(a, 0));
  if (!w || w->closing) return;
  if (rt_to_bool(rt_arg(a, 1)))
    uv_ref(&w->u.handle);
  else
    uv_unref(&w->u.handle);
}

void rt_binding_init_fs_async(rt_val e) {
  rt_set_method(e, "fsEventStart", fs_event_start);
  rt_set_method(e, "statWatchStart", stat_watch_start);
  rt_set_method(e, "handleClose", handle_close);
  rt_set_method(e, "handleRef", handle_ref);
#define XX(name, arity, syscall, start, result) rt_set_method(e, #name, fn_##name);
  FS_CALLS(XX)
#undef XX
}
