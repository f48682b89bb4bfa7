/* backend_uv.c — macOS (FSEvents) and Windows (ReadDirectoryChangesW)
 * through libuv's uv_fs_event with UV_FS_EVENT_RECURSIVE.
 *
 * Recursive: one handle per root, so ignored directories are still seen by
 * the OS and filtered by the tree (watch_ignore_path) rather than never
 * watched.  libuv reports a relative filename and UV_RENAME/UV_CHANGE, which
 * do not say whether a path is a file or a directory, created or deleted:
 * every event is reported as WATCH_BE_FILE and the tree's hash cache
 * (which stats the path) decides what happened.  libuv supports recursion
 * only on these platforms, so this file is compiled only there (see
 * watch/CMakeLists.txt); it is not built or tested on Linux.
 */
#if defined(__APPLE__) || defined(_WIN32)
#include <stdlib.h>
#include <string.h>

#include "devrun/util.h"
#include "backend.h"
#include "watch.h"

typedef struct uv_root_s {
  uv_fs_event_t handle;
  char *path;
  watch_backend_t *b;
  struct uv_root_s *next;
} uv_root_t;

typedef struct uvb_state_s {
  uv_root_t *roots;
  size_t count;
} uvb_state_t;

static int uvb_init(watch_backend_t *b) {
  b->priv = dr_calloc(1, sizeof(uvb_state_t));
  return 0;
}

static void on_event(uv_fs_event_t *h, const char *filename, int events, int status) {
  uv_root_t *r = h->data;
  if (status < 0) {
    r->b->cb(r->b->ctx, NULL, NULL, WATCH_BE_OVERFLOW);
    return;
  }
  if (!filename) {
    r->b->cb(r->b->ctx, NULL, NULL, WATCH_BE_OVERFLOW);
    return;
  }
  r->b->cb(r->b->ctx, r->path, filename, WATCH_BE_FILE);
}

static int uvb_add_dir(watch_backend_t *b, const char *path) {
  uvb_state_t *s = b->priv;
  uv_root_t *r = dr_calloc(1, sizeof(*r));
  r->path = dr_strdup(path);
  r->b = b;
  uv_fs_event_init(b->loop, &r->handle);
  r->handle.data = r;
  int rc = uv_fs_event_start(&r->handle, on_event, path, UV_FS_EVENT_RECURSIVE);
  if (rc) {
    free(r->path);
    uv_close((uv_handle_t *)&r->handle, (uv_close_cb)free);
    return rc;
  }
  r->next = s->roots;
  s->roots = r;
  s->count++;
  return 0;
}

static void on_closed(uv_handle_t *h) {
  uv_root_t *r = h->data;
  free(r->path);
  free(r);
}

static void uvb_rm_dir(watch_backend_t *b, const char *path) {
  uvb_state_t *s = b->priv;
  for (uv_root_t **pp = &s->roots; *pp;) {
    uv_root_t *r = *pp;
    if (!strcmp(r->path, path)) {
      *pp = r->next;
      s->count--;
      uv_close((uv_handle_t *)&r->handle, on_closed);
    } else {
      pp = &r->next;
    }
  }
}

static size_t uvb_count(const watch_backend_t *b) {
  const uvb_state_t *s = b->priv;
  return s ? s->count : 0;
}

static void uvb_close(watch_backend_t *b) {
  uvb_state_t *s = b->priv;
  if (!s) return;
  while (s->roots) {
    uv_root_t *r = s->roots;
    s->roots = r->next;
    uv_close((uv_handle_t *)&r->handle, on_closed);
  }
  free(s);
  b->priv = NULL;
}

const watch_backend_ops_t watch_backend_uv = {
    .name = "uv_fs_event",
    .recursive = 1,
    .init = uvb_init,
    .add_dir = uvb_add_dir,
    .rm_dir = uvb_rm_dir,
    .count = uvb_count,
    .close = uvb_close,
};
#endif
