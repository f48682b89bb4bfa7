/* sourcemap.c — source maps (revision 3) for the debugger.
 *
 * When a paused script has a source map, the debugger shows the original
 * source and line, and `b file.ts:12` is translated to the generated
 * position.  This file parses the map (jansson), decodes the base64 VLQ
 * "mappings" into a flat array of segments sorted by generated position,
 * and answers the two lookups.  Maps come from data: URLs (inline, base64
 * or percent-free plain) or from files next to the script (file:// only:
 * the map is read on this machine).  The parser is fuzzed
 * (test/fuzz/repl_sourcemap.c): malformed maps give DR_EFORMAT, never a
 * crash.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <openssl/evp.h>

#include "devrun/buf.h"
#include "devrun/err.h"
#include "devrun/util.h"
#include "sourcemap.h"

typedef struct {
  int gen_line, gen_col;
  int src; /* -1: segment without a source */
  int line, col;
} seg_t;

struct repl_srcmap_s {
  char **sources;
  char **contents; /* NULL entries: not loaded yet / unavailable */
  int *tried;
  size_t nsources;
  seg_t *segs;
  size_t nsegs;
  char *dir; /* directory of the map file, for reading sources */
};

static int b64(int c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

/* One VLQ value from *p; returns 0 or -1 on malformed input. */
static int vlq(const char **p, const char *end, long *out) {
  long v = 0;
  int shift = 0, d;
  do {
    if (*p >= end || (d = b64((unsigned char)**p)) < 0 || shift > 30) return -1;
    (*p)++;
    v |= (long)(d & 31) << shift;
    shift += 5;
  } while (d & 32);
  *out = (v & 1) ? -(v >> 1) : (v >> 1);
  return 0;
}

static int cmp_seg(const void *a, const void *b) {
  const seg_t *x = a, *y = b;
  if (x->gen_line != y->gen_line) return x->gen_line < y->gen_line ? -1 : 1;
  return x->gen_col < y->gen_col ? -1 : x->gen_col > y->gen_col;
}

static int decode(repl_srcmap_t *m, const char *s) {
  const char *p = s, *end = s + strlen(s);
  long gen_line = 0, gen_col = 0, src = 0, line = 0, col = 0, name = 0;
  size_t cap = 0;
  while (p < end) {
    if (*p == ';') {
      gen_line++;
      gen_col = 0;
      p++;
      continue;
    }
    if (*p == ',') {
      p++;
      continue;
    }
    {
      long f[5];
      int n = 0;
      while (p < end && *p != ',' && *p != ';') {
        if (n == 5 || vlq(&p, end, &f[n]) < 0) return DR_EFORMAT;
        n++;
      }
      if (n != 1 && n != 4 && n != 5) return DR_EFORMAT;
      gen_col += f[0];
      if (n >= 4) {
        src += f[1];
        line += f[2];
        col += f[3];
        if (n == 5) name += f[4]; /* names are not used; decoded to stay in step */
        (void)name;
      }
      if (gen_col < 0 || gen_line > 10000000 ||
          (n >= 4 && (src < 0 || line < 0 || col < 0 || (size_t)src >= m->nsources)))
        return DR_EFORMAT;
      if (m->nsegs == cap) {
        cap = cap ? cap * 2 : 256;
        if (cap > (64u << 20)) return DR_ETOOBIG;
        m->segs = dr_realloc(m->segs, cap * sizeof(seg_t));
      }
      m->segs[m->nsegs++] =
          (seg_t){(int)gen_line, (int)gen_col, n >= 4 ? (int)src : -1, (int)line, (int)col};
    }
  }
  if (m->nsegs) qsort(m->segs, m->nsegs, sizeof(seg_t), cmp_seg);
  return 0;
}

int repl_srcmap_parse(const char *json, size_t len, repl_srcmap_t **out) {
  json_t *root = json_loadb(json, len, 0, NULL), *sources, *contents, *v;
  const char *root_path, *mappings;
  repl_srcmap_t *m;
  size_t i;
  int r;
  *out = NULL;
  if (!root) return DR_EFORMAT;
  sources = json_object_get(root, "sources");
  contents = json_object_get(root, "sourcesContent");
  mappings = json_string_value(json_object_get(root, "mappings"));
  root_path = json_string_value(json_object_get(root, "sourceRoot"));
  if (json_integer_value(json_object_get(root, "version")) != 3 || !json_is_array(sources) ||
      !mappings) {
    json_decref(root);
    return DR_EFORMAT;
  }
  m = dr_calloc(1, sizeof(*m));
  m->nsources = json_array_size(sources);
  m->sources = dr_calloc(m->nsources + 1, sizeof(char *));
  m->contents = dr_calloc(m->nsources + 1, sizeof(char *));
  m->tried = dr_calloc(m->nsources + 1, sizeof(int));
  json_array_foreach(sources, i, v) {
    const char *s = json_string_value(v);
    dr_buf_t b = DR_BUF_INIT;
    if (root_path && *root_path && s && s[0] != '/') {
      dr_buf_adds(&b, root_path);
      if (b.buf[b.len - 1] != '/') dr_buf_addch(&b, '/');
    }
    dr_buf_adds(&b, s ? s : "");
    m->sources[i] = dr_buf_detach(&b, NULL);
    {
      const char *c = json_string_value(json_array_get(contents, i));
      if (c) {
        m->contents[i] = dr_strdup(c);
        m->tried[i] = 1;
      }
    }
  }
  r = decode(m, mappings);
  json_decref(root);
  if (r < 0) {
    repl_srcmap_free(m);
    return r;
  }
  *out = m;
  return 0;
}

void repl_srcmap_free(repl_srcmap_t *m) {
  if (!m) return;
  for (size_t i = 0; i < m->nsources; i++) {
    free(m->sources[i]);
    free(m->contents[i]);
  }
  free(m->sources);
  free(m->contents);
  free(m->tried);
  free(m->segs);
  free(m->dir);
  free(m);
}

size_t repl_srcmap_nsources(const repl_srcmap_t *m) {
  return m->nsources;
}
const char *repl_srcmap_source(const repl_srcmap_t *m, size_t i) {
  return i < m->nsources ? m->sources[i] : NULL;
}

static char *join_path(const char *dir, const char *rel) {
  dr_buf_t b = DR_BUF_INIT;
  if (!strncmp(rel, "file://", 7)) rel += 7;
  if (rel[0] != '/' && dir) {
    dr_buf_adds(&b, dir);
    dr_buf_addch(&b, '/');
  }
  dr_buf_adds(&b, rel);
  return dr_buf_detach(&b, NULL);
}

const char *repl_srcmap_content(repl_srcmap_t *m, size_t i) {
  if (i >= m->nsources) return NULL;
  if (!m->tried[i]) {
    char *path = join_path(m->dir, m->sources[i]);
    dr_buf_t b = DR_BUF_INIT;
    m->tried[i] = 1;
    if (dr_buf_read_file(&b, path) == 0) m->contents[i] = dr_buf_detach(&b, NULL);
    dr_buf_release(&b);
    free(path);
  }
  return m->contents[i];
}

long repl_srcmap_find_source(const repl_srcmap_t *m, const char *file) {
  size_t fl = strlen(file);
  for (size_t i = 0; i < m->nsources; i++) {
    const char *s = m->sources[i];
    size_t sl = strlen(s);
    if (sl >= fl && !strcmp(s + sl - fl, file) && (sl == fl || s[sl - fl - 1] == '/'))
      return (long)i;
  }
  return -1;
}

int repl_srcmap_original(const repl_srcmap_t *m, int gen_line, int gen_col, long *src, int *line,
                         int *col) {
  /* the last segment at or before (gen_line, gen_col) on that line */
  size_t lo = 0, hi = m->nsegs;
  seg_t key = {gen_line, gen_col, 0, 0, 0};
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (cmp_seg(&m->segs[mid], &key) <= 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == 0) return -1;
  {
    const seg_t *s = &m->segs[lo - 1];
    if (s->gen_line != gen_line) {
      /* position before the first segment of its line: use that line's first */
      if (lo < m->nsegs && m->segs[lo].gen_line == gen_line)
        s = &m->segs[lo];
      else
        return -1;
    }
    if (s->src < 0) return -1;
    *src = s->src;
    *line = s->line;
    *col = s->col;
  }
  return 0;
}

int repl_srcmap_generated(const repl_srcmap_t *m, long src, int line, int *gen_line, int *gen_col) {
  const seg_t *best = NULL;
  for (size_t i = 0; i < m->nsegs; i++) {
    const seg_t *s = &m->segs[i];
    if (s->src == src && s->line == line && (!best || cmp_seg(s, best) < 0)) best = s;
  }
  if (!best) return -1;
  *gen_line = best->gen_line;
  *gen_col = best->gen_col;
  return 0;
}

int repl_srcmap_load(const char *map_url, const char *script_url, repl_srcmap_t **out) {
  dr_buf_t b = DR_BUF_INIT;
  char *dir = NULL;
  int r;
  *out = NULL;
  if (!map_url || !*map_url) return DR_ENOENT;
  if (!strncmp(map_url, "data:", 5)) {
    const char *comma = strchr(map_url, ',');
    if (!comma) return DR_EFORMAT;
    if (memmem(map_url, (size_t)(comma - map_url), ";base64", 7)) {
      size_t n = strlen(comma + 1);
      unsigned char *dec = dr_malloc(n / 4 * 3 + 4);
      int dn = EVP_DecodeBlock(dec, (const unsigned char *)comma + 1, (int)(n - n % 4));
      if (dn < 0) {
        free(dec);
        return DR_EFORMAT;
      }
      while (dn > 0 && dec[dn - 1] == '\0') dn--; /* padding */
      dr_buf_add(&b, dec, (size_t)dn);
      free(dec);
    } else {
      dr_buf_adds(&b, comma + 1);
    }
    if (script_url && !strncmp(script_url, "file://", 7)) {
      const char *slash = strrchr(script_url + 7, '/');
      if (slash) dir = dr_strndup(script_url + 7, (size_t)(slash - script_url - 7));
    }
  } else {
    char *base = NULL, *path;
    if (script_url && !strncmp(script_url, "file://", 7)) {
      const char *slash = strrchr(script_url + 7, '/');
      if (slash) base = dr_strndup(script_url + 7, (size_t)(slash - script_url - 7));
    } else if (script_url && script_url[0] == '/') {
      const char *slash = strrchr(script_url, '/');
      base = dr_strndup(script_url, (size_t)(slash - script_url));
    }
    if (strstr(map_url, "://") && strncmp(map_url, "file://", 7)) {
      free(base);
      return DR_EUNSUPPORTED; /* http(s) maps are not fetched */
    }
    path = join_path(base, map_url);
    free(base);
    r = dr_buf_read_file(&b, path);
    if (r < 0) {
      free(path);
      dr_buf_release(&b);
      return r;
    }
    {
      const char *slash = strrchr(path, '/');
      dir = slash ? dr_strndup(path, (size_t)(slash - path)) : NULL;
    }
    free(path);
  }
  r = repl_srcmap_parse(b.buf, b.len, out);
  dr_buf_release(&b);
  if (r == 0)
    (*out)->dir = dir;
  else
    free(dir);
  return r;
}
