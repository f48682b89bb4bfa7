/* binding_fs.c — internalBinding('fs'): synchronous file-system calls for the
 * module loader and fs's *Sync functions.  Errors are thrown Node-style
 * (ENOENT with errno, code, syscall and path).  Paths arrive as strings;
 * file contents as Uint8Arrays or UTF-8 strings.
 *
 * Stats are returned as a Float64Array of 14 fields in Node's order: dev,
 * mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, then atime, mtime,
 * ctime, birthtime in milliseconds.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "devrun/buf.h"
#include "runtime.h"

#define PATH_ARG(a, i) RT_ARG_STR(a, i)

static rt_val stat_array(const struct stat *st) {
  rt_val ab = rt_array_buffer(14 * sizeof(double), false);
  double *f = rt_array_buffer_data(ab, NULL);
  f[0] = (double)st->st_dev;
  f[1] = (double)st->st_mode;
  f[2] = (double)st->st_nlink;
  f[3] = (double)st->st_uid;
  f[4] = (double)st->st_gid;
  f[5] = (double)st->st_rdev;
  f[6] = (double)st->st_blksize;
  f[7] = (double)st->st_ino;
  f[8] = (double)st->st_size;
  f[9] = (double)st->st_blocks;
  f[10] = (double)st->st_atim.tv_sec * 1e3 + (double)st->st_atim.tv_nsec / 1e6;
  f[11] = (double)st->st_mtim.tv_sec * 1e3 + (double)st->st_mtim.tv_nsec / 1e6;
  f[12] = (double)st->st_ctim.tv_sec * 1e3 + (double)st->st_ctim.tv_nsec / 1e6;
  f[13] = f[12];
  return ab;
}

/* internalModuleStat(path) -> 0 file, 1 directory, < 0 error (no throw) */
static void internal_module_stat(rt_args *a) {
  char *p = PATH_ARG(a, 0);
  struct stat st;
  int r = stat(p, &st);
  free(p);
  if (r < 0)
    rt_return_int(a, -errno);
  else
    rt_return_int(a, S_ISDIR(st.st_mode) ? 1 : 0);
}

static int read_all(const char *p, dr_buf_t *b) { return dr_buf_read_file(b, p); }

/* readFileUtf8(path | fd) -> string */
static void read_file_utf8(rt_args *a) {
  dr_buf_t b = DR_BUF_INIT;
  int r;
  char *p = NULL;
  if (rt_is_number(rt_arg(a, 0))) {
    int fd = rt_to_int32(rt_arg(a, 0));
    r = 0;
    for (;;) {
      dr_buf_grow(&b, 65536);
      ssize_t n = read(fd, b.buf + b.len, b.alloc - b.len - 1);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && errno == EAGAIN) {
        usleep(1000);
        continue;
      }
      if (n < 0) { r = -errno; break; }
      if (n == 0) break;
      b.len += (size_t)n;
    }
    if (b.alloc) b.buf[b.len] = 0;
  } else {
    p = PATH_ARG(a, 0);
    r = read_all(p, &b);
  }
  if (r < 0)
    rt_throw_errno(r, "open", p, NULL);
  else
    rt_return(a, rt_string_n(b.buf, b.len));
  free(p);
  dr_buf_release(&b);
}

/* readFileBytes(path | fd) -> Uint8Array */
static void read_file_bytes(rt_args *a) {
  dr_buf_t b = DR_BUF_INIT;
  char *p = PATH_ARG(a, 0);
  int r = read_all(p, &b);
  if (r < 0) {
    rt_throw_errno(r, "open", p, NULL);
  } else {
    size_t n;
    char *data = dr_buf_detach(&b, &n);
    rt_val ab = rt_array_buffer_take(data, n);
    rt_return(a, rt_uint8array(ab, 0, n));
  }
  free(p);
  dr_buf_release(&b);
}

static void do_stat(rt_args *a, int kind) {
  struct stat st;
  int r;
  char *p = NULL;
  if (kind == 2) {
    r = fstat(rt_to_int32(rt_arg(a, 0)), &st);
  } else {
    p = PATH_ARG(a, 0);
    r = kind == 1 ? lstat(p, &st) : stat(p, &st);
  }
  if (r < 0) {
    int e = -errno;
    bool throw_if_no_entry = rt_argc(a) < 2 || rt_to_bool(rt_arg(a, 1));
    if (!throw_if_no_entry && (e == UV_ENOENT || e == UV_ENOTDIR)) {
      free(p);
      return;
    }
    rt_throw_errno(e, kind == 1 ? "lstat" : kind == 2 ? "fstat" : "stat", p, NULL);
  } else {
    rt_return(a, stat_array(&st));
  }
  free(p);
}
static void stat_(rt_args *a) { do_stat(a, 0); }
static void lstat_(rt_args *a) { do_stat(a, 1); }
static void fstat_(rt_args *a) { do_stat(a, 2); }

static void realpath_(rt_args *a) {
  char *p = PATH_ARG(a, 0);
  char *r = realpath(p, NULL);
  if (!r)
    rt_throw_errno(-errno, "realpath", p, NULL);
  else
    rt_return(a, rt_string(r));
  free(r);
  free(p);
}

static void open_(rt_args *a) {
  char *p = PATH_ARG(a, 0);
  int fd = open(p, rt_to_int32(rt_arg(a, 1)) | O_CLOEXEC, (mode_t)rt_to_int32(rt_arg(a, 2)));
  if (fd < 0)
    rt_throw_errno(-errno, "open", p, NULL);
  else
    rt_return_int(a, fd);
  free(p);
}

static void close_(rt_args *a) {
  if (close(rt_to_int32(rt_arg(a, 0))) < 0) rt_throw_errno(-errno, "close", NULL, NULL);
}

/* read(fd, buffer, offset, length, position) -> bytesRead */
static void read_(rt_args *a) {
  int fd = rt_to_int32(rt_arg(a, 0));
  size_t len;
  char *data = rt_view_data(rt_arg(a, 1), &len);
  int64_t off = rt_to_int64(rt_arg(a, 2));
  int64_t n = rt_to_int64(rt_arg(a, 3));
  rt_val posv = rt_arg(a, 4);
  if (off < 0 || n < 0 || (size_t)(off + n) > len) {
    rt_throw_range_error("offset/length out of range");
    return;
  }
  ssize_t r;
  do {
    if (rt_is_number(posv) && rt_to_number(posv) >= 0)
      r = pread(fd, data + off, (size_t)n, (off_t)rt_to_int64(posv));
    else
      r = read(fd, data + off, (size_t)n);
  } while (r < 0 && errno == EINTR);
  if (r < 0)
    rt_throw_errno(-errno, "read", NULL, NULL);
  else
    rt_return_int(a, r);
}

/* writeBuffer(fd, buffer, offset, length, position) / writeString(fd, str, pos) */
static void write_all(rt_args *a, int fd, const char *p, size_t n, rt_val posv) {
  size_t done = 0;
  bool positional = rt_is_number(posv) && rt_to_number(posv) >= 0;
  off_t pos = positional ? (off_t)rt_to_int64(posv) : 0;
  while (done < n) {
    ssize_t r = positional ? pwrite(fd, p + done, n - done, pos + (off_t)done)
                           : write(fd, p + done, n - done);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0 && errno == EAGAIN) {
      usleep(500);
      continue;
    }
    if (r < 0) {
      rt_throw_errno(-errno, "write", NULL, NULL);
      return;
    }
    done += (size_t)r;
  }
  rt_return_int(a, (int64_t)done);
}

static void write_buffer(rt_args *a) {
  size_t len;
  char *data = rt_view_data(rt_arg(a, 1), &len);
  int64_t off = rt_is_undefined(rt_arg(a, 2)) ? 0 : rt_to_int64(rt_arg(a, 2));
  int64_t n = rt_is_undefined(rt_arg(a, 3)) ? (int64_t)len - off : rt_to_int64(rt_arg(a, 3));
  if (off < 0 || n < 0 || (size_t)(off + n) > len) {
    rt_throw_range_error("offset/length out of range");
    return;
  }
  write_all(a, rt_to_int32(rt_arg(a, 0)), data ? data + off : "", (size_t)n, rt_arg(a, 4));
}

static void write_string(rt_args *a) {
  size_t n;
  char *s = rt_to_utf8(rt_arg(a, 1), &n);
  if (!s) return;
  write_all(a, rt_to_int32(rt_arg(a, 0)), s, n, rt_arg(a, 2));
  free(s);
}

static void readdir_(rt_args *a) {
  char *p = PATH_ARG(a, 0);
  bool with_types = rt_to_bool(rt_arg(a, 1));
  DIR *d = opendir(p);
  if (!d) {
    rt_throw_errno(-errno, "scandir", p, NULL);
    free(p);
    return;
  }
  rt_val names = rt_array(0), types = rt_array(0);
  uint32_t k = 0;
  struct dirent *de;
  while ((de = readdir(d))) {
    if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
    rt_set_i(names, k, rt_string(de->d_name));
    int t = 0; /* UV_DIRENT_UNKNOWN */
    switch (de->d_type) {
      case DT_REG: t = 1; break;
      case DT_DIR: t = 2; break;
      case DT_LNK: t = 3; break;
      case DT_FIFO: t = 4; break;
      case DT_SOCK: t = 5; break;
      case DT_CHR: t = 6; break;
      case DT_BLK: t = 7; break;
    }
    rt_set_i(types, k, rt_int(t));
    k++;
  }
  closedir(d);
  free(p);
  if (!with_types) {
    rt_return(a, names);
    return;
  }
  rt_val r = rt_array(2);
  rt_set_i(r, 0, names);
  rt_set_i(r, 1, types);
  rt_return(a, r);
}

#define PATH_OP1(fname, syscall, expr)          \
  static void fname(rt_args *a) {               \
    char *p = PATH_ARG(a, 0);                   \
    if ((expr) < 0) rt_throw_errno(-errno, syscall, p, NULL); \
    free(p);                                    \
  }
PATH_OP1(mkdir_, "mkdir", mkdir(p, (mode_t)(rt_is_undefined(rt_arg(a, 1)) ? 0777 : rt_to_int32(rt_arg(a, 1)))))
PATH_OP1(rmdir_, "rmdir", rmdir(p))
PATH_OP1(unlink_, "unlink", unlink(p))
PATH_OP1(chmod_, "chmod", chmod(p, (mode_t)rt_to_int32(rt_arg(a, 1))))

#define PATH_OP2(fname, syscall, expr)                 \
  static void fname(rt_args *a) {                      \
    char *p = PATH_ARG(a, 0);                          \
    char *q = PATH_ARG(a, 1);                          \
    if ((expr) < 0) rt_throw_errno(-errno, syscall, p, q); \
    free(p);                                           \
    free(q);                                           \
  }
PATH_OP2(rename_, "rename", rename(p, q))
PATH_OP2(symlink_, "symlink", symlink(p, q))
PATH_OP2(link_, "link", link(p, q))

static void access_(rt_args *a) {
  char *p = PATH_ARG(a, 0);
  if (access(p, rt_to_int32(rt_arg(a, 1))) < 0) rt_throw_errno(-errno, "access", p, NULL);
  free(p);
}

static void exists_(rt_args *a) {
  char *p = PATH_ARG(a, 0);
  rt_return_bool(a, access(p, F_OK) == 0);
  free(p);
}

static void readlink_(rt_args *a) {
  char *p = PATH_ARG(a, 0);
  char buf[PATH_MAX];
  ssize_t n = readlink(p, buf, sizeof buf);
  if (n < 0)
    rt_throw_errno(-errno, "readlink", p, NULL);
  else
    rt_return(a, rt_string_n(buf, (size_t)n));
  free(p);
}

static void copy_file(rt_args *a) {
  char *p = PATH_ARG(a, 0);
  char *q = PATH_ARG(a, 1);
  uv_fs_t req;
  int r = uv_fs_copyfile(NULL, &req, p, q, rt_to_int32(rt_arg(a, 2)), NULL);
  uv_fs_req_cleanup(&req);
  if (r < 0) rt_throw_errno(r, "copyfile", p, q);
  free(p);
  free(q);
}

static void utimes_(rt_args *a) {
  char *p = PATH_ARG(a, 0);
  uv_fs_t req;
  int r = uv_fs_utime(NULL, &req, p, rt_to_number(rt_arg(a, 1)), rt_to_number(rt_arg(a, 2)), NULL);
  uv_fs_req_cleanup(&req);
  if (r < 0) rt_throw_errno(r, "utime", p, NULL);
  free(p);
}

static void ftruncate_(rt_args *a) {
  if (ftruncate(rt_to_int32(rt_arg(a, 0)), (off_t)rt_to_int64(rt_arg(a, 1))) < 0)
    rt_throw_errno(-errno, "ftruncate", NULL, NULL);
}

static void fsync_(rt_args *a) {
  if (fsync(rt_to_int32(rt_arg(a, 0))) < 0) rt_throw_errno(-errno, "fsync", NULL, NULL);
}

static void mkdtemp_(rt_args *a) {
  char *p = PATH_ARG(a, 0);
  size_t n = strlen(p);
  char *t = malloc(n + 7);
  memcpy(t, p, n);
  memcpy(t + n, "XXXXXX", 7);
  if (!mkdtemp(t))
    rt_throw_errno(-errno, "mkdtemp", t, NULL);
  else
    rt_return(a, rt_string(t));
  free(t);
  free(p);
}

void rt_binding_init_fs(rt_val e) {
  rt_set_method(e, "internalModuleStat", internal_module_stat);
  rt_set_method(e, "readFileUtf8", read_file_utf8);
  rt_set_method(e, "readFileBytes", read_file_bytes);
  rt_set_method(e, "stat", stat_);
  rt_set_method(e, "lstat", lstat_);
  rt_set_method(e, "fstat", fstat_);
  rt_set_method(e, "realpath", realpath_);
  rt_set_method(e, "open", open_);
  rt_set_method(e, "close", close_);
  rt_set_method(e, "read", read_);
  rt_set_method(e, "writeBuffer", write_buffer);
  rt_set_method(e, "writeString", write_string);
  rt_set_method(e, "readdir", readdir_);
  rt_set_method(e, "mkdir", mkdir_);
  rt_set_method(e, "rmdir", rmdir_);
  rt_set_method(e, "unlink", unlink_);
  rt_set_method(e, "chmod", chmod_);
  rt_set_method(e, "rename", rename_);
  rt_set_method(e, "symlink", symlink_);
  rt_set_method(e, "link", link_);
  rt_set_method(e, "access", access_);
  rt_set_method(e, "exists", exists_);
  rt_set_method(e, "readlink", readlink_);
  rt_set_method(e, "copyFile", copy_file);
  rt_set_method(e, "utimes", utimes_);
  rt_set_method(e, "ftruncate", ftruncate_);
  rt_set_method(e, "fsync", fsync_);
  rt_set_method(e, "mkdtemp", mkdtemp_);
  rt_val c = rt_object();
  rt_set(c, "O_RDONLY", rt_int(O_RDONLY));
  rt_set(c, "O_WRONLY", rt_int(O_WRONLY));
  rt_set(c, "O_RDWR", rt_int(O_RDWR));
  rt_set(c, "O_CREAT", rt_int(O_CREAT));
  rt_set(c, "O_EXCL", rt_int(O_EXCL));
  rt_set(c, "O_TRUNC", rt_int(O_TRUNC));
  rt_set(c, "O_APPEND", rt_int(O_APPEND));
  rt_set(c, "O_SYNC", rt_int(O_SYNC));
  rt_set(c, "O_NOFOLLOW", rt_int(O_NOFOLLOW));
  rt_set(c, "O_DIRECTORY", rt_int(O_DIRECTORY));
  rt_set(c, "F_OK", rt_int(F_OK));
  rt_set(c, "R_OK", rt_int(R_OK));
  rt_set(c, "W_OK", rt_int(W_OK));
  rt_set(c, "X_OK", rt_int(X_OK));
  rt_set(c, "S_IFMT", rt_int(S_IFMT));
  rt_set(c, "S_IFREG", rt_int(S_IFREG));
  rt_set(c, "S_IFDIR", rt_int(S_IFDIR));
  rt_set(c, "S_IFLNK", rt_int(S_IFLNK));
  rt_set(c, "S_IFIFO", rt_int(S_IFIFO));
  rt_set(c, "S_IFSOCK", rt_int(S_IFSOCK));
  rt_set(c, "S_IFCHR", rt_int(S_IFCHR));
  rt_set(c, "S_IFBLK", rt_int(S_IFBLK));
  rt_set(c, "COPYFILE_EXCL", rt_int(UV_FS_COPYFILE_EXCL));
  rt_set(e, "constants", c);
}
