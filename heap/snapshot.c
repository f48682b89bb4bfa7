/* snapshot.c — loads a V8 .heapsnapshot without building a JSON DOM.
 *
 * The file is memory-mapped and read once, front to back, by a small
 * hand-written scanner.  `snapshot.meta` is read first and tells us the node
 * and edge field names, strides and type lists (never assumed: Node 18/20 and
 * Chrome differ, newer V8 drops trace_node_id).  The flat `nodes` and `edges`
 * integer arrays are decoded straight into one compact array per field
 * (structure of arrays, 22 bytes per node and 9 per edge), each on its own
 * thread, while the main thread goes on to the `strings` array and interns
 * it into a single pool.  Pages already consumed are dropped from the
 * mapping (MADV_DONTNEED) so the resident size stays near the decoded size,
 * not the file size.
 *
 * Every error names the byte offset where the input stopped making sense;
 * truncated input is reported as such.  Nothing in here trusts a count read
 * from the file: arrays are sized from the byte length of their span.
 *
 * To support a new node field, add a role to `enum field_role` and store it
 * in decode_nodes().
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "devrun/err.h"
#include "devrun/util.h"
#include "heap.h"

#define MAX_U53 9007199254740991ULL
#define DROP_CHUNK (8u << 20)

int heap_parse_threads = 1; /* 0: parse nodes/edges on the calling thread */
atomic_ullong heap_parse_progress;

enum field_role { F_IGNORE, F_TYPE, F_NAME, F_ID, F_SELF, F_EDGES, F_DETACHED };
enum edge_role { E_IGNORE, E_TYPE, E_NAME, E_TO };

typedef struct strlist_s {
  char **v;
  int n;
} strlist_t;

typedef struct meta_s {
  strlist_t node_fields, edge_fields, location_fields;
  strlist_t node_types_at[16]; /* node_types[i] when it is an array */
  strlist_t edge_types_at[16];
  int have;
  uint64_t root_index;
  int have_root_index;
} meta_t;

typedef struct reader_s {
  const char *base, *p, *end;
  dr_buf_t *err;
  int mapped; /* drop consumed pages */
  const char *dropped;
} reader_t;

typedef struct span_job_s {
  heap_snap_t *s;
  const char *base, *b, *e;
  int stride;
  int node_stride; /* edges: divisor turning to_node into an ordinal */
  uint8_t role[32];
  int mapped;
  int rc;
  dr_buf_t err;
  uint64_t count; /* tuples decoded */
  pthread_t th;
  int started;
} span_job_t;

static int failf(dr_buf_t *err, int rc, uint64_t off, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int failf(dr_buf_t *err, int rc, uint64_t off, const char *fmt, ...) {
  va_list ap;
  dr_buf_reset(err);
  va_start(ap, fmt);
  dr_buf_vaddf(err, fmt, ap);
  va_end(ap);
  dr_buf_addf(err, " at byte %llu", (unsigned long long)off);
  return rc;
}

static int rd_fail(reader_t *r, const char *what) {
  if (r->p >= r->end)
    return failf(r->err, DR_ETRUNC, (uint64_t)(r->end - r->base), "truncated input: expected %s",
                 what);
  return failf(r->err, DR_EFORMAT, (uint64_t)(r->p - r->base), "malformed snapshot: expected %s",
               what);
}

static inline int is_ws(unsigned char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static void skip_ws(reader_t *r) {
  while (r->p < r->end && is_ws((unsigned char)*r->p)) r->p++;
}

static void drop_pages(const char *base, const char **dropped, const char *upto) {
  long pg = 4096;
  uintptr_t from = (uintptr_t)*dropped, to = (uintptr_t)upto & ~(uintptr_t)(pg - 1);
  if (to <= from || to - from < DROP_CHUNK) return;
  madvise((void *)from, to - from, MADV_DONTNEED);
  atomic_fetch_add(&heap_parse_progress, to - from);
  *dropped = (const char *)to;
  (void)base;
}

static int expect(reader_t *r, char c, const char *what) {
  skip_ws(r);
  if (r->p >= r->end || *r->p != c) return rd_fail(r, what);
  r->p++;
  return 0;
}

static void put_utf8(dr_buf_t *b, uint32_t cp) {
  char u[4];
  if (cp < 0x80) {
    dr_buf_addch(b, (int)cp);
  } else if (cp < 0x800) {
    u[0] = (char)(0xC0 | (cp >> 6));
    u[1] = (char)(0x80 | (cp & 0x3F));
    dr_buf_add(b, u, 2);
  } else if (cp < 0x10000) {
    u[0] = (char)(0xE0 | (cp >> 12));
    u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[2] = (char)(0x80 | (cp & 0x3F));
    dr_buf_add(b, u, 3);
  } else {
    u[0] = (char)(0xF0 | (cp >> 18));
    u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[3] = (char)(0x80 | (cp & 0x3F));
    dr_buf_add(b, u, 4);
  }
}

static int hex4(const char *p, uint32_t *out) {
  uint32_t v = 0;
  for (int i = 0; i < 4; i++) {
    char c = p[i];
    v <<= 4;
    if (c >= '0' && c <= '9')
      v |= (uint32_t)(c - '0');
    else if (c >= 'a' && c <= 'f')
      v |= (uint32_t)(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      v |= (uint32_t)(c - 'A' + 10);
    else
      return -1;
  }
  *out = v;
  return 0;
}

/* Reads a JSON string at r->p (after optional whitespace) and appends its
 * UTF-8 bytes to out (lone surrogates become U+FFFD). */
static int read_string(reader_t *r, dr_buf_t *out) {
  skip_ws(r);
  if (r->p >= r->end || *r->p != '"') return rd_fail(r, "a string");
  const char *p = ++r->p, *end = r->end;
  for (;;) {
    const char *q = p;
    while (q < end && *q != '"' && *q != '\\') q++;
    if (q > p) dr_buf_add(out, p, (size_t)(q - p));
    if (q >= end) {
      r->p = end;
      return rd_fail(r, "the end of a string");
    }
    if (*q == '"') {
      r->p = q + 1;
      return 0;
    }
    if (q + 1 >= end) {
      r->p = end;
      return rd_fail(r, "an escape sequence");
    }
    char c = q[1];
    p = q + 2;
    switch (c) {
      case '"':
        dr_buf_addch(out, '"');
        break;
      case '\\':
        dr_buf_addch(out, '\\');
        break;
      case '/':
        dr_buf_addch(out, '/');
        break;
      case 'b':
        dr_buf_addch(out, '\b');
        break;
      case 'f':
        dr_buf_addch(out, '\f');
        break;
      case 'n':
        dr_buf_addch(out, '\n');
        break;
      case 'r':
        dr_buf_addch(out, '\r');
        break;
      case 't':
        dr_buf_addch(out, '\t');
        break;
      case 'u': {
        uint32_t cp, lo;
        if (end - p < 4) {
          r->p = end;
          return rd_fail(r, "four hex digits after \\u");
        }
        if (hex4(p, &cp) < 0) {
          r->p = p;
          return rd_fail(r, "four hex digits after \\u");
        }
        p += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && end - p >= 6 && p[0] == '\\' && p[1] == 'u' &&
            hex4(p + 2, &lo) == 0 && lo >= 0xDC00 && lo < 0xE000) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          p += 6;
        } else if (cp >= 0xD800 && cp < 0xE000) {
          cp = 0xFFFD;
        }
        put_utf8(out, cp);
        break;
      }
      default:
        r->p = q;
        return rd_fail(r, "a valid escape sequence");
    }
  }
}

static int read_uint(reader_t *r, uint64_t *out) {
  skip_ws(r);
  if (r->p >= r->end || (unsigned)(*r->p - '0') > 9) return rd_fail(r, "a non-negative integer");
  uint64_t v = 0;
  while (r->p < r->end && (unsigned)(*r->p - '0') <= 9) {
    v = v * 10 + (uint64_t)(*r->p - '0');
    if (v > MAX_U53) return rd_fail(r, "an integer below 2^53");
    r->p++;
  }
  *out = v;
  return 0;
}

/* Skips any JSON value; iterative so deep nesting cannot overflow the stack. */
static int skip_value(reader_t *r) {
  uint64_t depth = 0;
  dr_buf_t tmp = DR_BUF_INIT;
  int rc = 0;
  for (;;) {
    skip_ws(r);
    if (r->p >= r->end) {
      rc = rd_fail(r, "a value");
      break;
    }
    char c = *r->p;
    if (c == '"') {
      dr_buf_reset(&tmp);
      if ((rc = read_string(r, &tmp)) < 0) break;
    } else if (c == '[' || c == '{') {
      depth++;
      r->p++;
      continue;
    } else if (c == ']' || c == '}') {
      if (depth == 0) {
        rc = rd_fail(r, "a value");
        break;
      }
      depth--;
      r->p++;
    } else if (c == ',' || c == ':') {
      if (depth == 0) {
        rc = rd_fail(r, "a value");
        break;
      }
      r->p++;
      continue;
    } else if (c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n') {
      while (r->p < r->end && ((*r->p && strchr("-+.eE", *r->p)) ||
                               (*r->p >= '0' && *r->p <= '9') || (*r->p >= 'a' && *r->p <= 'z')))
        r->p++;
    } else {
      rc = rd_fail(r, "a value");
      break;
    }
    if (depth == 0) break;
    if (r->mapped) drop_pages(r->base, &r->dropped, r->p);
  }
  dr_buf_release(&tmp);
  return rc;
}

static void strlist_free(strlist_t *l) {
  for (int i = 0; i < l->n; i++) free(l->v[i]);
  free(l->v);
  l->v = NULL;
  l->n = 0;
}

static int read_strlist(reader_t *r, strlist_t *l) {
  dr_buf_t b = DR_BUF_INIT;
  int rc;
  strlist_free(l);
  if ((rc = expect(r, '[', "'['")) < 0) return rc;
  skip_ws(r);
  if (r->p < r->end && *r->p == ']') {
    r->p++;
    return 0;
  }
  for (;;) {
    dr_buf_reset(&b);
    if ((rc = read_string(r, &b)) < 0) break;
    if (l->n >= 255) {
      rc = rd_fail(r, "at most 255 names in a meta list");
      break;
    }
    l->v = dr_realloc(l->v, sizeof(char *) * (size_t)(l->n + 1));
    l->v[l->n++] = dr_strdup(b.buf);
    skip_ws(r);
    if (r->p < r->end && *r->p == ',') {
      r->p++;
      continue;
    }
    rc = expect(r, ']', "',' or ']'");
    break;
  }
  dr_buf_release(&b);
  return rc;
}

/* node_types / edge_types: an array whose elements are type-name arrays or
 * plain strings ("string", "number"). */
static int read_typelists(reader_t *r, strlist_t *at) {
  int rc, i = 0;
  dr_buf_t b = DR_BUF_INIT;
  if ((rc = expect(r, '[', "'['")) < 0) return rc;
  skip_ws(r);
  if (r->p < r->end && *r->p == ']') {
    r->p++;
    return 0;
  }
  for (;; i++) {
    skip_ws(r);
    if (r->p < r->end && *r->p == '[') {
      if (i < 16) {
        if ((rc = read_strlist(r, &at[i])) < 0) break;
      } else if ((rc = skip_value(r)) < 0) {
        break;
      }
    } else {
      dr_buf_reset(&b);
      if ((rc = read_string(r, &b)) < 0) break;
    }
    skip_ws(r);
    if (r->p < r->end && *r->p == ',') {
      r->p++;
      continue;
    }
    rc = expect(r, ']', "',' or ']'");
    break;
  }
  dr_buf_release(&b);
  return rc;
}

static int read_meta(reader_t *r, meta_t *m) {
  dr_buf_t key = DR_BUF_INIT;
  int rc;
  if ((rc = expect(r, '{', "'{' opening snapshot.meta")) < 0) return rc;
  skip_ws(r);
  if (r->p < r->end && *r->p == '}') {
    r->p++;
    return 0;
  }
  for (;;) {
    dr_buf_reset(&key);
    if ((rc = read_string(r, &key)) < 0 || (rc = expect(r, ':', "':'")) < 0) break;
    if (!strcmp(key.buf, "node_fields"))
      rc = read_strlist(r, &m->node_fields);
    else if (!strcmp(key.buf, "edge_fields"))
      rc = read_strlist(r, &m->edge_fields);
    else if (!strcmp(key.buf, "location_fields"))
      rc = read_strlist(r, &m->location_fields);
    else if (!strcmp(key.buf, "node_types"))
      rc = read_typelists(r, m->node_types_at);
    else if (!strcmp(key.buf, "edge_types"))
      rc = read_typelists(r, m->edge_types_at);
    else
      rc = skip_value(r);
    if (rc < 0) break;
    skip_ws(r);
    if (r->p < r->end && *r->p == ',') {
      r->p++;
      continue;
    }
    rc = expect(r, '}', "',' or '}'");
    break;
  }
  dr_buf_release(&key);
  return rc;
}

static int read_snapshot_obj(reader_t *r, meta_t *m) {
  dr_buf_t key = DR_BUF_INIT;
  int rc;
  if ((rc = expect(r, '{', "'{' opening \"snapshot\"")) < 0) return rc;
  skip_ws(r);
  if (r->p < r->end && *r->p == '}') {
    r->p++;
    return 0;
  }
  for (;;) {
    dr_buf_reset(&key);
    if ((rc = read_string(r, &key)) < 0 || (rc = expect(r, ':', "':'")) < 0) break;
    if (!strcmp(key.buf, "meta")) {
      rc = read_meta(r, m);
      m->have = 1;
    } else if (!strcmp(key.buf, "root_index")) {
      rc = read_uint(r, &m->root_index);
      m->have_root_index = 1;
    } else {
      rc = skip_value(r);
    }
    if (rc < 0) break;
    skip_ws(r);
    if (r->p < r->end && *r->p == ',') {
      r->p++;
      continue;
    }
    rc = expect(r, '}', "',' or '}'");
    break;
  }
  dr_buf_release(&key);
  return rc;
}

static int list_index(const strlist_t *l, const char *name) {
  for (int i = 0; i < l->n; i++)
    if (!strcmp(l->v[i], name)) return i;
  return -1;
}

/* Resolves field offsets and type lists; fills the job role tables. */
static int apply_meta(heap_snap_t *s, meta_t *m, span_job_t *nj, span_job_t *ej, dr_buf_t *err,
                      uint64_t off) {
  static const struct {
    const char *name;
    uint8_t role;
  } nroles[] = {{"type", F_TYPE},      {"name", F_NAME},        {"id", F_ID},
                {"self_size", F_SELF}, {"edge_count", F_EDGES}, {"detachedness", F_DETACHED}};
  static const struct {
    const char *name;
    uint8_t role;
  } eroles[] = {{"type", E_TYPE}, {"name_or_index", E_NAME}, {"to_node", E_TO}};
  if (!m->have)
    return failf(err, DR_EFORMAT, off, "malformed snapshot: \"nodes\" before snapshot.meta");
  if (m->node_fields.n == 0 || m->node_fields.n > 32 || m->edge_fields.n == 0 ||
      m->edge_fields.n > 32)
    return failf(err, DR_EFORMAT, off, "malformed snapshot: meta.node_fields/edge_fields missing");
  nj->stride = m->node_fields.n;
  ej->stride = m->edge_fields.n;
  for (size_t i = 0; i < sizeof nroles / sizeof nroles[0]; i++) {
    int k = list_index(&m->node_fields, nroles[i].name);
    if (k < 0 && nroles[i].role != F_DETACHED)
      return failf(err, DR_EFORMAT, off, "malformed snapshot: meta.node_fields lacks \"%s\"",
                   nroles[i].name);
    if (k >= 0) nj->role[k] = nroles[i].role;
  }
  for (size_t i = 0; i < sizeof eroles / sizeof eroles[0]; i++) {
    int k = list_index(&m->edge_fields, eroles[i].name);
    if (k < 0)
      return failf(err, DR_EFORMAT, off, "malformed snapshot: meta.edge_fields lacks \"%s\"",
                   eroles[i].name);
    ej->role[k] = eroles[i].role;
  }
  int nt = list_index(&m->node_fields, "type"), et = list_index(&m->edge_fields, "type");
  if (nt >= 16 || m->node_types_at[nt].n == 0)
    return failf(err, DR_EFORMAT, off, "malformed snapshot: meta.node_types has no type list");
  if (et >= 16 || m->edge_types_at[et].n == 0)
    return failf(err, DR_EFORMAT, off, "malformed snapshot: meta.edge_types has no type list");
  /* Take ownership of the type lists. */
  s->node_types = m->node_types_at[nt].v;
  s->n_node_types = m->node_types_at[nt].n;
  m->node_types_at[nt].v = NULL;
  m->node_types_at[nt].n = 0;
  s->edge_types = m->edge_types_at[et].v;
  s->n_edge_types = m->edge_types_at[et].n;
  m->edge_types_at[et].v = NULL;
  m->edge_types_at[et].n = 0;
  strlist_t nl = {s->node_types, s->n_node_types}, el = {s->edge_types, s->n_edge_types};
  heap_types_t *t = &s->t;
  t->hidden = list_index(&nl, "hidden");
  t->array = list_index(&nl, "array");
  t->string = list_index(&nl, "string");
  t->object = list_index(&nl, "object");
  t->code = list_index(&nl, "code");
  t->closure = list_index(&nl, "closure");
  t->regexp = list_index(&nl, "regexp");
  t->number = list_index(&nl, "number");
  t->native = list_index(&nl, "native");
  t->synthetic = list_index(&nl, "synthetic");
  t->cons_string = list_index(&nl, "concatenated string");
  t->sliced_string = list_index(&nl, "sliced string");
  t->symbol = list_index(&nl, "symbol");
  t->bigint = list_index(&nl, "bigint");
  t->e_context = list_index(&el, "context");
  t->e_element = list_index(&el, "element");
  t->e_property = list_index(&el, "property");
  t->e_internal = list_index(&el, "internal");
  t->e_hidden = list_index(&el, "hidden");
  t->e_shortcut = list_index(&el, "shortcut");
  t->e_weak = list_index(&el, "weak");
  return 0;
}

/* ---- the integer arrays ---- */

static int job_fail(span_job_t *j, const unsigned char *p, const char *what) {
  if (p >= (const unsigned char *)j->e)
    return j->rc = failf(&j->err, DR_ETRUNC, (uint64_t)(j->e - j->base),
                         "malformed snapshot: expected %s", what);
  return j->rc = failf(&j->err, DR_EFORMAT, (uint64_t)((const char *)p - j->base),
                       "malformed snapshot: expected %s", what);
}

/* Decodes "n,n,n ..." between b and e, calling STORE(field, tuple, v).
 * *e is the ']' that closes the array (find_array_end), which no digit or
 * whitespace loop runs past, so the inner loops need no bounds checks.
 * Numbers of up to 15 digits cannot exceed 2^53; longer ones are checked. */
#define DECODE_INTS(j, STORE)                                                                   \
  do {                                                                                          \
    const unsigned char *p = (const unsigned char *)(j)->b, *e = (const unsigned char *)(j)->e; \
    const unsigned char *drop = p;                                                              \
    int f = 0;                                                                                  \
    uint64_t tup = 0;                                                                           \
    while (is_ws(*p)) p++;                                                                      \
    while (p < e) {                                                                             \
      const unsigned char *vs = p;                                                              \
      uint64_t v = 0;                                                                           \
      unsigned d;                                                                               \
      while ((d = (unsigned)(*p - '0')) <= 9) {                                                 \
        v = v * 10 + d;                                                                         \
        p++;                                                                                    \
      }                                                                                         \
      if (p == vs) return job_fail((j), p, "a non-negative integer");                           \
      if (p - vs > 15 && (p - vs > 16 || v > MAX_U53))                                          \
        return job_fail((j), vs, "an integer below 2^53");                                      \
      STORE;                                                                                    \
      if (++f == (j)->stride) {                                                                 \
        f = 0;                                                                                  \
        tup++;                                                                                  \
        if (((tup & 0xFFFF) == 0) && (j)->mapped &&                                             \
            (const char *)p - (const char *)drop > DROP_CHUNK) {                                \
          drop_pages((j)->base, (const char **)&drop, (const char *)p);                         \
        }                                                                                       \
      }                                                                                         \
      if (*p == ',') {                                                                          \
        p++;                                                                                    \
      } else {                                                                                  \
        while (is_ws(*p)) p++;                                                                  \
        if (p == e) break;                                                                      \
        if (*p != ',') return job_fail((j), p, "',' or ']'");                                   \
        p++;                                                                                    \
      }                                                                                         \
      while (is_ws(*p)) p++;                                                                    \
      if (p == e) return job_fail((j), p, "an integer after ','");                              \
    }                                                                                           \
    if (f != 0) return job_fail((j), p, "a whole number of tuples");                            \
    (j)->count = tup;                                                                           \
  } while (0)

#define FIELD_U32(arr)                                                \
  do {                                                                \
    if (v > UINT32_MAX) return job_fail(j, vs, "a value below 2^32"); \
    (arr)[tup] = (uint32_t)v;                                         \
  } while (0)

static int decode_nodes(span_job_t *j) {
  heap_snap_t *s = j->s;
  DECODE_INTS(j, {
    switch (j->role[f]) {
      case F_TYPE:
        if (v >= (uint64_t)s->n_node_types)
          return job_fail(j, vs, "a node type listed in meta.node_types");
        s->ntype[tup] = (uint8_t)v;
        break;
      case F_NAME:
        FIELD_U32(s->nname);
        break;
      case F_ID:
        FIELD_U32(s->nid);
        break;
      case F_SELF:
        s->nself[tup] = v;
        break;
      case F_EDGES:
        FIELD_U32(s->first_edge);
        break;
      case F_DETACHED:
        s->ndetached[tup] = (uint8_t)(v & 3);
        break;
      default:
        break;
    }
  });
  return 0;
}

static int decode_edges(span_job_t *j, uint32_t node_stride) {
  heap_snap_t *s = j->s;
  DECODE_INTS(j, {
    switch (j->role[f]) {
      case E_TYPE:
        if (v >= (uint64_t)s->n_edge_types)
          return job_fail(j, vs, "an edge type listed in meta.edge_types");
        s->etype[tup] = (uint8_t)v;
        break;
      case E_NAME:
        FIELD_U32(s->ename);
        break;
      case E_TO:
        if (v % node_stride)
          return job_fail(j, vs, "to_node to be a multiple of the node field count");
        v /= node_stride;
        FIELD_U32(s->eto);
        break;
      default:
        break;
    }
  });
  return 0;
}

static void *node_thread(void *arg) {
  decode_nodes(arg);
  return NULL;
}
static void *edge_thread(void *arg) {
  span_job_t *j = arg;
  decode_edges(j, (uint32_t)j->node_stride);
  return NULL;
}

/* Capacity for the tuples of a span: each number takes at least 2 bytes. */
static int span_capacity(span_job_t *j, uint64_t *cap, dr_buf_t *err) {
  uint64_t len = (uint64_t)(j->e - j->b);
  *cap = (len / 2 + 1) / (uint64_t)j->stride + 1;
  if (*cap >= UINT32_MAX) *cap = UINT32_MAX - 1;
  return 0;
}

static int start_nodes(heap_snap_t *s, span_job_t *j, dr_buf_t *err) {
  uint64_t cap;
  span_capacity(j, &cap, err);
  s->ntype = malloc(cap);
  s->nname = malloc(cap * 4);
  s->nid = malloc(cap * 4);
  s->nself = malloc(cap * 8);
  s->first_edge = malloc((cap + 1) * 4);
  int has_det = 0;
  for (int i = 0; i < j->stride; i++) has_det |= j->role[i] == F_DETACHED;
  if (has_det) s->ndetached = malloc(cap);
  if (!s->ntype || !s->nname || !s->nid || !s->nself || !s->first_edge ||
      (has_det && !s->ndetached))
    return failf(err, DR_ENOMEM, (uint64_t)(j->b - j->base), "out of memory for %llu nodes",
                 (unsigned long long)cap);
  if (heap_parse_threads && pthread_create(&j->th, NULL, node_thread, j) == 0)
    j->started = 1;
  else
    decode_nodes(j);
  return 0;
}

static int start_edges(heap_snap_t *s, span_job_t *j, int node_stride, dr_buf_t *err) {
  uint64_t cap;
  span_capacity(j, &cap, err);
  s->etype = malloc(cap);
  s->ename = malloc(cap * 4);
  s->eto = malloc(cap * 4);
  if (!s->etype || !s->ename || !s->eto)
    return failf(err, DR_ENOMEM, (uint64_t)(j->b - j->base), "out of memory for %llu edges",
                 (unsigned long long)cap);
  j->node_stride = node_stride;
  if (heap_parse_threads && pthread_create(&j->th, NULL, edge_thread, j) == 0)
    j->started = 1;
  else
    decode_edges(j, (uint32_t)node_stride);
  return 0;
}

/* Finds the end of a numeric array starting after '['. */
static int find_array_end(reader_t *r, const char **b, const char **e) {
  *b = r->p;
  const char *q = r->p;
  for (;;) {
    const char *lim = q + DROP_CHUNK < r->end ? q + DROP_CHUNK : r->end;
    const char *z = memchr(q, ']', (size_t)(lim - q));
    if (z) {
      *e = z;
      r->p = z + 1;
      break;
    }
    q = lim;
    if (r->mapped) drop_pages(r->base, &r->dropped, q);
    if (q >= r->end) {
      r->p = r->end;
      return rd_fail(r, "']' closing a number array");
    }
  }
  return 0;
}

/* "locations": [object_index, script_id, line, column, ...] — kept as a
 * per-node index into three small arrays (DevTools splits classes of
 * objects by constructor location). */
static int read_locations(reader_t *r, heap_snap_t *s, const meta_t *m, int node_stride) {
  int lf = m->location_fields.n;
  int oi = list_index(&m->location_fields, "object_index");
  int si = list_index(&m->location_fields, "script_id");
  int li = list_index(&m->location_fields, "line");
  int ci = list_index(&m->location_fields, "column");
  int rc;
  if ((rc = expect(r, '[', "'[' opening \"locations\"")) < 0) return rc;
  const char *b, *e;
  if ((rc = find_array_end(r, &b, &e)) < 0) return rc;
  if (lf <= 0 || oi < 0 || si < 0 || li < 0 || ci < 0 || node_stride <= 0)
    return 0; /* unknown layout: ignore, as DevTools does */
  reader_t sub = {r->base, b, e, r->err, 0, b};
  uint64_t cap = ((uint64_t)(e - b) / 2 + 1) / (uint64_t)lf + 1, n = 0, row[32];
  if (lf > 32) return 0;
  s->loc = malloc(cap * 3 * 4 + 4);
  s->loc_node = malloc(cap * 4 + 4);
  if (!s->loc || !s->loc_node)
    return failf(r->err, DR_ENOMEM, (uint64_t)(b - r->base), "out of memory for locations");
  skip_ws(&sub);
  while (sub.p < sub.end) {
    for (int f = 0; f < lf; f++) {
      if (f && (rc = expect(&sub, ',', "','")) < 0) return rc;
      if ((rc = read_uint(&sub, &row[f])) < 0) return rc;
    }
    if (row[oi] % (uint64_t)node_stride || row[si] > UINT32_MAX || row[li] > UINT32_MAX ||
        row[ci] > UINT32_MAX || row[oi] / (uint64_t)node_stride > UINT32_MAX)
      return failf(r->err, DR_EFORMAT, (uint64_t)(sub.p - r->base),
                   "malformed snapshot: bad location entry");
    s->loc_node[n] = (uint32_t)(row[oi] / (uint64_t)node_stride);
    s->loc[n * 3] = (uint32_t)row[si];
    s->loc[n * 3 + 1] = (uint32_t)row[li];
    s->loc[n * 3 + 2] = (uint32_t)row[ci];
    n++;
    skip_ws(&sub);
    if (sub.p < sub.end && (rc = expect(&sub, ',', "','")) < 0) return rc;
    skip_ws(&sub);
  }
  s->nlocs = (uint32_t)n;
  return 0;
}

static int read_strings(reader_t *r, heap_snap_t *s) {
  dr_buf_t pool = DR_BUF_INIT;
  uint64_t *off = NULL;
  size_t n = 0, alloc = 0;
  int rc;
  if ((rc = expect(r, '[', "'[' opening \"strings\"")) < 0) return rc;
  skip_ws(r);
  if (r->p < r->end && *r->p == ']') {
    r->p++;
  } else {
    for (;;) {
      if (n + 2 > alloc) {
        alloc = alloc ? alloc * 2 : 4096;
        off = dr_realloc(off, alloc * sizeof *off);
      }
      if (n >= UINT32_MAX - 2) {
        rc = rd_fail(r, "fewer than 2^32 strings");
        break;
      }
      off[n++] = pool.len;
      if ((rc = read_string(r, &pool)) < 0) break;
      dr_buf_addch(&pool, 0);
      if (r->mapped && (n & 0xFFFF) == 0) drop_pages(r->base, &r->dropped, r->p);
      skip_ws(r);
      if (r->p < r->end && *r->p == ',') {
        r->p++;
        continue;
      }
      rc = expect(r, ']', "',' or ']' in \"strings\"");
      break;
    }
  }
  if (rc < 0) {
    free(off);
    dr_buf_release(&pool);
    return rc;
  }
  if (!off) off = dr_malloc(sizeof *off);
  off[n] = pool.len;
  free(s->pool);
  free(s->soff);
  s->pool = dr_buf_detach(&pool, NULL);
  s->soff = off;
  s->nstrings = (uint32_t)n;
  return 0;
}

static int join_job(span_job_t *j) {
  if (j->started) {
    pthread_join(j->th, NULL);
    j->started = 0;
  }
  return j->rc;
}

/* Checks what can only be checked once everything is read. */
static int validate(heap_snap_t *s, span_job_t *nj, span_job_t *ej, meta_t *m, dr_buf_t *err) {
  uint64_t n = nj->count, me = ej->count, sum = 0;
  if (n == 0)
    return failf(err, DR_EFORMAT, (uint64_t)(nj->b - nj->base), "malformed snapshot: no nodes");
  s->n = (uint32_t)n;
  s->m = (uint32_t)me;
  for (uint64_t i = 0; i < n; i++) {
    uint32_t c = s->first_edge[i];
    s->first_edge[i] = (uint32_t)sum;
    sum += c;
    if (sum > me)
      return failf(err, DR_EFORMAT, (uint64_t)(nj->b - nj->base),
                   "malformed snapshot: node %llu's edge_count runs past the %llu edges "
                   "(nodes array)",
                   (unsigned long long)i, (unsigned long long)me);
    if (s->nname[i] >= s->nstrings)
      return failf(err, DR_EFORMAT, (uint64_t)(nj->b - nj->base),
                   "malformed snapshot: node %llu names string %u of %u (nodes array)",
                   (unsigned long long)i, s->nname[i], s->nstrings);
  }
  if (sum != me)
    return failf(err, DR_EFORMAT, (uint64_t)(ej->b - ej->base),
                 "malformed snapshot: nodes declare %llu edges but the edges array has %llu",
                 (unsigned long long)sum, (unsigned long long)me);
  s->first_edge[n] = (uint32_t)sum;
  for (uint64_t e = 0; e < me; e++) {
    if (s->eto[e] >= n)
      return failf(err, DR_EFORMAT, (uint64_t)(ej->b - ej->base),
                   "malformed snapshot: edge %llu points past the last node (edges array)",
                   (unsigned long long)e);
    if (heap_edge_named(s, (uint32_t)e) && s->ename[e] >= s->nstrings)
      return failf(err, DR_EFORMAT, (uint64_t)(ej->b - ej->base),
                   "malformed snapshot: edge %llu names string %u of %u (edges array)",
                   (unsigned long long)e, s->ename[e], s->nstrings);
  }
  if (s->nlocs) {
    s->nloc = dr_malloc((size_t)n * 4);
    memset(s->nloc, 0xFF, (size_t)n * 4);
    for (uint32_t i = 0; i < s->nlocs; i++)
      if (s->loc_node[i] < n)
        s->nloc[s->loc_node[i]] = i; /* the last entry wins, like DevTools' Map */
  }
  s->root = 0;
  if (m->have_root_index) {
    if (m->root_index % (uint64_t)nj->stride || m->root_index / (uint64_t)nj->stride >= n)
      return failf(err, DR_EFORMAT, 0, "malformed snapshot: snapshot.root_index out of range");
    s->root = (uint32_t)(m->root_index / (uint64_t)nj->stride);
  }
  return 0;
}

static int parse(const char *data, uint64_t len, int mapped, heap_snap_t **out, dr_buf_t *err) {
  heap_snap_t *s = dr_calloc(1, sizeof *s);
  reader_t r = {data, data, data + len, err, mapped, data};
  meta_t m;
  span_job_t nj, ej;
  dr_buf_t key = DR_BUF_INIT;
  const char *nb = NULL, *ne = NULL, *eb = NULL, *ee = NULL;
  int rc, have_strings = 0;
  memset(&m, 0, sizeof m);
  memset(&nj, 0, sizeof nj);
  memset(&ej, 0, sizeof ej);
  nj.s = ej.s = s;
  nj.base = ej.base = data;
  nj.mapped = ej.mapped = mapped;
  dr_buf_init(&nj.err, 0);
  dr_buf_init(&ej.err, 0);
  s->file_size = len;

  if ((rc = expect(&r, '{', "'{' at the start of a heap snapshot")) < 0) goto out;
  skip_ws(&r);
  if (r.p < r.end && *r.p == '}') {
    rc = failf(err, DR_EFORMAT, (uint64_t)(r.p - data), "malformed snapshot: empty object");
    goto out;
  }
  for (;;) {
    dr_buf_reset(&key);
    if ((rc = read_string(&r, &key)) < 0 || (rc = expect(&r, ':', "':'")) < 0) goto out;
    if (!strcmp(key.buf, "snapshot")) {
      rc = read_snapshot_obj(&r, &m);
    } else if (!strcmp(key.buf, "nodes") && !nb) {
      if ((rc = expect(&r, '[', "'[' opening \"nodes\"")) < 0 ||
          (rc = find_array_end(&r, &nb, &ne)) < 0)
        goto out;
      if (m.have) {
        if ((rc = apply_meta(s, &m, &nj, &ej, err, (uint64_t)(nb - data))) < 0) goto out;
        nj.b = nb;
        nj.e = ne;
        if ((rc = start_nodes(s, &nj, err)) < 0) goto out;
      }
    } else if (!strcmp(key.buf, "edges") && !eb) {
      if ((rc = expect(&r, '[', "'[' opening \"edges\"")) < 0 ||
          (rc = find_array_end(&r, &eb, &ee)) < 0)
        goto out;
      if (nj.b) {
        ej.b = eb;
        ej.e = ee;
        if ((rc = start_edges(s, &ej, nj.stride, err)) < 0) goto out;
      }
    } else if (!strcmp(key.buf, "locations") && !s->loc) {
      rc = read_locations(&r, s, &m, m.have ? m.node_fields.n : 0);
    } else if (!strcmp(key.buf, "strings") && !have_strings) {
      rc = read_strings(&r, s);
      have_strings = 1;
    } else {
      rc = skip_value(&r);
    }
    if (rc < 0) goto out;
    skip_ws(&r);
    if (r.p < r.end && *r.p == ',') {
      r.p++;
      continue;
    }
    if ((rc = expect(&r, '}', "',' or '}'")) < 0) goto out;
    break;
  }
  skip_ws(&r);
  if (r.p != r.end) {
    rc = failf(err, DR_EFORMAT, (uint64_t)(r.p - data),
               "malformed snapshot: unexpected data after the top-level object");
    goto out;
  }
  if (!nb || !eb || !have_strings) {
    rc = failf(err, DR_EFORMAT, len, "malformed snapshot: missing \"%s\"",
               !nb   ? "nodes"
               : !eb ? "edges"
                     : "strings");
    goto out;
  }
  if (!nj.b) { /* meta came late: decode now */
    if ((rc = apply_meta(s, &m, &nj, &ej, err, (uint64_t)(nb - data))) < 0) goto out;
    nj.b = nb;
    nj.e = ne;
    if ((rc = start_nodes(s, &nj, err)) < 0) goto out;
  }
  if (!ej.b) {
    ej.b = eb;
    ej.e = ee;
    if ((rc = start_edges(s, &ej, nj.stride, err)) < 0) goto out;
  }
  int rn = join_job(&nj), re = join_job(&ej);
  if (rn < 0 || re < 0) {
    /* Report the error nearest the start of the file. */
    span_job_t *bad = rn < 0 ? &nj : &ej;
    if (rn < 0 && re < 0 && ej.b < nj.b) bad = &ej;
    dr_buf_reset(err);
    dr_buf_add(err, bad->err.buf, bad->err.len);
    rc = bad->rc;
    goto out;
  }
  if (nj.count >= UINT32_MAX - 1 || ej.count >= UINT32_MAX - 1) {
    rc = failf(err, DR_ETOOBIG, 0, "snapshot has 2^32 or more nodes or edges");
    goto out;
  }
  rc = validate(s, &nj, &ej, &m, err);
out:
  join_job(&nj);
  join_job(&ej);
  if (mapped) atomic_fetch_add(&heap_parse_progress, (uint64_t)(r.end - r.dropped));
  strlist_free(&m.node_fields);
  strlist_free(&m.edge_fields);
  strlist_free(&m.location_fields);
  for (int i = 0; i < 16; i++) {
    strlist_free(&m.node_types_at[i]);
    strlist_free(&m.edge_types_at[i]);
  }
  dr_buf_release(&key);
  dr_buf_release(&nj.err);
  dr_buf_release(&ej.err);
  if (rc < 0) {
    heap_snap_free(s);
    return rc;
  }
  *out = s;
  return 0;
}

int heap_snap_parse(const char *data, uint64_t len, heap_snap_t **out, dr_buf_t *err) {
  return parse(data, len, 0, out, err);
}

int heap_snap_load(const char *path, heap_snap_t **out, dr_buf_t *err) {
  struct stat st;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int e = -errno;
    dr_buf_reset(err);
    dr_buf_addf(err, "cannot open '%s': %s", path, strerror(-e));
    return e;
  }
  if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
    int e = S_ISDIR(st.st_mode) ? -EISDIR : -errno;
    close(fd);
    dr_buf_reset(err);
    dr_buf_addf(err, "cannot read '%s': %s", path, e ? strerror(-e) : "not a regular file");
    return e ? e : DR_EINVAL;
  }
  if (st.st_size == 0) {
    close(fd);
    dr_buf_reset(err);
    dr_buf_addf(err, "'%s': truncated input: empty file at byte 0", path);
    return DR_ETRUNC;
  }
  void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (map == MAP_FAILED) {
    int e = -errno;
    dr_buf_reset(err);
    dr_buf_addf(err, "cannot map '%s': %s", path, strerror(-e));
    return e;
  }
  madvise(map, (size_t)st.st_size, MADV_SEQUENTIAL);
  heap_progress_begin("reading", (uint64_t)st.st_size);
  int rc = parse(map, (uint64_t)st.st_size, 1, out, err);
  heap_progress_end();
  munmap(map, (size_t)st.st_size);
  if (rc < 0) {
    char *msg = dr_buf_detach(err, NULL);
    dr_buf_addf(err, "'%s': %s", path, msg);
    free(msg);
    return rc;
  }
  (*out)->path = dr_strdup(path);
  return 0;
}

void heap_snap_free(heap_snap_t *s) {
  if (!s) return;
  for (int i = 0; i < s->n_node_types; i++) free(s->node_types[i]);
  for (int i = 0; i < s->n_edge_types; i++) free(s->edge_types[i]);
  free(s->node_types);
  free(s->edge_types);
  free(s->path);
  free(s->ntype);
  free(s->nname);
  free(s->nid);
  free(s->nself);
  free(s->first_edge);
  free(s->ndetached);
  free(s->etype);
  free(s->ename);
  free(s->eto);
  free(s->pool);
  free(s->soff);
  free(s->loc);
  free(s->loc_node);
  free(s->nloc);
  free(s->first_ret);
  free(s->ret_edge);
  free(s->ret_node);
  free(s->flags);
  free(s->dist);
  free(s->dom);
  free(s->retained);
  free(s->first_dominated);
  free(s->dominated);
  free(s->cls);
  for (uint32_t i = 0; i < s->names_n; i++) free(s->names_v[i]);
  free(s->names_v);
  free(s->class_names);
  free(s);
}
