/* graph.c — what Chrome DevTools derives from a heap snapshot, computed the
 * same way so that the figures match (front_end/entrypoints/
 * heap_snapshot_worker/HeapSnapshot.ts):
 *
 *   retainers   CSR index of incoming edges (first_ret, ret_node, ret_edge)
 *   flags       "page-owned" nodes: reachable without weak edges from the
 *               root's shortcut edges (the user roots, e.g. `global`)
 *   distances   BFS from the user roots (distance 1), then from the root for
 *               the rest (offset by 100,000,000), skipping weak edges, the
 *               descriptor-array and sloppy_function_map slots and the first
 *               of the two WeakMap ephemeron edges
 *   dominators  Lengauer–Tarjan (iterative DFS, path compression) over the
 *               "essential" edges: not weak, not self edges, shortcuts only
 *               from the root, no edge from a non-page-owned node into a
 *               page-owned one, and not the WeakMap table's edge to a value
 *               (the key's edge is kept); nodes unreachable from the root
 *               are brought in from nodes with only weak retainers, then any
 *               remaining cliques hang off the root
 *   shallow     with user roots, hidden/array nodes with a single owner move
 *               their self size to it (calculateShallowSizes)
 *   retained    self sizes accumulated up the dominator tree in reverse DFS
 *               order
 *
 * HEAP_RULES_MEMLAB reproduces memlab's TraceFinder instead (page-owned
 * flags seeded from the root's non-shortcut edges, no WeakMap table rule,
 * "only weak retainers" meaning no non-weak non-shortcut retainer, no
 * shallow-size reassignment, classic class names), so the
 * figures can be cross-checked against memlab exactly.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "devrun/err.h"
#include "devrun/util.h"
#include "heap.h"

extern int heap_parse_threads;

/* DEVRUN_HEAP_TIMING=1 prints how long each phase took to stderr. */
static void phase(const char *name) {
  static int on = -1;
  static double last;
  if (on < 0) {
    on = getenv("DEVRUN_HEAP_TIMING") != NULL;
    last = dr_now_ms();
  }
  if (!on) return;
  double now = dr_now_ms();
  long rss = 0, hwm = 0;
  FILE *f = fopen("/proc/self/status", "r");
  char line[128];
  while (f && fgets(line, sizeof line, f)) {
    sscanf(line, "VmRSS: %ld", &rss);
    sscanf(line, "VmHWM: %ld", &hwm);
  }
  if (f) fclose(f);
  fprintf(stderr, "devrun-heap: %-22s %8.1f ms  rss %6ld MB  peak %6ld MB\n", name, now - last,
          rss / 1024, hwm / 1024);
  last = now;
}
void heap_phase(const char *name) {
  phase(name);
}

static void *xmalloc_big(size_t n, dr_buf_t *err, int *rc) {
  void *p = malloc(n ? n : 1);
  if (!p && *rc == 0) {
    dr_buf_addf(err, "out of memory (%zu bytes)", n);
    *rc = DR_ENOMEM;
  }
  return p;
}

uint32_t heap_edge_source(const heap_snap_t *s, uint32_t e) {
  uint32_t lo = 0, hi = s->n; /* first_edge[lo] <= e < first_edge[hi] */
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (s->first_edge[mid] <= e)
      lo = mid;
    else
      hi = mid;
  }
  return lo;
}

void heap_edge_label(const heap_snap_t *s, uint32_t e, dr_buf_t *out) {
  if (heap_edge_named(s, e))
    dr_buf_adds(out, heap_str(s, s->ename[e]));
  else
    dr_buf_addf(out, "[%u]", s->ename[e]);
}

int heap_edge_is_weak(const heap_snap_t *s, uint32_t e) {
  return s->etype[e] == s->t.e_weak;
}

/* ---- retainers ---- */

static int build_retainers(heap_snap_t *s, dr_buf_t *err) {
  int rc = 0;
  uint32_t n = s->n, m = s->m;
  s->first_ret = xmalloc_big(((size_t)n + 1) * 4, err, &rc);
  s->ret_node = xmalloc_big((size_t)m * 4, err, &rc);
  s->ret_edge = xmalloc_big((size_t)m * 4, err, &rc);
  if (rc) return rc;
  uint32_t *fr = s->first_ret;
  memset(fr, 0, ((size_t)n + 1) * 4);
  for (uint32_t e = 0; e < m; e++) fr[s->eto[e] + 1]++;
  for (uint32_t i = 0; i < n; i++) fr[i + 1] += fr[i];
  /* fill: use first_ret[o] as a cursor, then shift back */
  for (uint32_t src = 0; src < n; src++)
    for (uint32_t e = s->first_edge[src]; e < s->first_edge[src + 1]; e++) {
      uint32_t slot = fr[s->eto[e]]++;
      s->ret_node[slot] = src;
      s->ret_edge[slot] = e;
    }
  for (uint32_t i = n; i > 0; i--) fr[i] = fr[i - 1];
  fr[0] = 0;
  return 0;
}

/* ---- WeakMap ephemeron edge names ----
 * "<n> / part of key (<k> @<id>) -> value (<v> @<id>) pair in WeakMap (table @<id>)"
 * Returns the table id and the offset of the duplicated part (after <n>). */
static int ephemeron_name(const char *str, uint32_t *table_id, size_t *dup_off) {
  const char *p = str;
  if (*p < '0' || *p > '9') return 0;
  while (*p >= '0' && *p <= '9') p++;
  if (strncmp(p, " / part of key (", 16)) return 0;
  if (!strstr(p, ") -> value (")) return 0;
  const char *t = strstr(p, " pair in WeakMap (table @");
  if (!t) return 0;
  t += 25;
  uint64_t id = 0;
  const char *d = t;
  while (*t >= '0' && *t <= '9') {
    id = id * 10 + (uint64_t)(*t - '0');
    if (id > UINT32_MAX) return 0;
    t++;
  }
  if (t == d || t[0] != ')' || t[1] != 0) return 0;
  *table_id = (uint32_t)id;
  *dup_off = (size_t)(p - str);
  return 1;
}

/* ---- page-owned flags ---- */

static void mark_page_owned(heap_snap_t *s, uint32_t *stack) {
  uint32_t root = s->root, sp = 0;
  uint8_t *flags = s->flags;
  for (uint32_t e = s->first_edge[root]; e < s->first_edge[root + 1]; e++) {
    uint32_t to = s->eto[e];
    int seed;
    if (s->etype[e] == s->t.e_element)
      seed = (s->ntype[to] == s->t.synthetic &&
              !strcmp(heap_node_name(s, to), "(Document DOM trees)"));
    else
      seed = s->etype[e] == s->t.e_shortcut;
    if (s->rules == HEAP_RULES_MEMLAB) {
      /* memlab flags from every root edge except shortcuts and DOM-tree roots */
      if (s->etype[e] == s->t.e_element)
        seed = !seed;
      else
        seed = s->etype[e] != s->t.e_shortcut;
    }
    if (!seed) continue;
    stack[sp++] = to;
    flags[to] |= HEAP_FLAG_PAGE;
  }
  while (sp) {
    uint32_t o = stack[--sp];
    for (uint32_t e = s->first_edge[o]; e < s->first_edge[o + 1]; e++) {
      uint32_t to = s->eto[e];
      if (flags[to] & HEAP_FLAG_PAGE) continue;
      if (s->etype[e] == s->t.e_weak) continue;
      stack[sp++] = to;
      flags[to] |= HEAP_FLAG_PAGE;
    }
  }
}

/* ---- distances ---- */

typedef struct strset_s {
  uint64_t *h; /* hash of the string, 0 = empty */
  uint8_t *present;
  size_t cap;
} strset_t;

/* A set of strings keyed by 64-bit hash (collisions are astronomically rare
 * and only affect the distance of a WeakMap value by one). */
static int strset_toggle(strset_t *t, uint64_t h) {
  if (h == 0) h = 1;
  if (!t->cap) {
    t->cap = 1024;
    t->h = dr_calloc(t->cap, 8);
    t->present = dr_calloc(t->cap, 1);
  }
  size_t i = (size_t)h & (t->cap - 1);
  size_t used = 0;
  while (t->h[i] && t->h[i] != h) {
    i = (i + 1) & (t->cap - 1);
    used++;
  }
  if (t->h[i] == h) {
    int was = t->present[i];
    t->present[i] = !was;
    return was; /* 1: deleted */
  }
  t->h[i] = h;
  t->present[i] = 1;
  if (used > 32) { /* grow */
    strset_t n = {dr_calloc(t->cap * 2, 8), dr_calloc(t->cap * 2, 1), t->cap * 2};
    for (size_t k = 0; k < t->cap; k++)
      if (t->h[k]) {
        size_t j = (size_t)t->h[k] & (n.cap - 1);
        while (n.h[j]) j = (j + 1) & (n.cap - 1);
        n.h[j] = t->h[k];
        n.present[j] = t->present[k];
      }
    free(t->h);
    free(t->present);
    *t = n;
  }
  return 0;
}

typedef struct dist_ctx_s {
  heap_snap_t *s;
  strset_t pending;
  uint32_t sloppy_str; /* string index of "sloppy_function_map" or NONE */
  uint32_t native_ctx; /* "system / NativeContext" */
  uint32_t map_descr;  /* "(map descriptors)" */
} dist_ctx_t;

static int dist_filter(dist_ctx_t *c, uint32_t o, uint32_t e) {
  heap_snap_t *s = c->s;
  if (s->ntype[o] == s->t.hidden && heap_edge_named(s, e) && s->ename[e] == c->sloppy_str &&
      s->nname[o] == c->native_ctx)
    return 0;
  if (s->ntype[o] == s->t.array && s->nname[o] == c->map_descr) {
    /* parseInt(edge name): element edges carry the index itself */
    uint64_t idx;
    if (heap_edge_named(s, e)) {
      const char *nm = heap_str(s, s->ename[e]);
      if (*nm < '0' || *nm > '9') return 0; /* NaN: both comparisons false */
      idx = strtoull(nm, NULL, 10);
    } else {
      idx = s->ename[e];
    }
    return idx < 2 || (idx % 3) != 1;
  }
  if (s->etype[e] == s->t.e_internal) {
    uint32_t table;
    size_t dup;
    const char *nm = heap_str(s, s->ename[e]);
    if (ephemeron_name(nm, &table, &dup)) {
      uint64_t h = XXH3_64bits(nm + dup, strlen(nm + dup));
      if (!strset_toggle(&c->pending, h)) return 0; /* first of the pair: skip, remember */
    }
  }
  return 1;
}

static void bfs(dist_ctx_t *c, uint32_t *queue, uint32_t qlen) {
  heap_snap_t *s = c->s;
  int32_t *dist = s->dist;
  uint32_t qi = 0;
  while (qi < qlen) {
    uint32_t o = queue[qi++];
    int32_t d = dist[o] + 1;
    for (uint32_t e = s->first_edge[o]; e < s->first_edge[o + 1]; e++) {
      if (s->etype[e] == s->t.e_weak) continue;
      uint32_t to = s->eto[e];
      if (dist[to] != HEAP_NO_DISTANCE) continue;
      if (!dist_filter(c, o, e)) continue;
      dist[to] = d;
      queue[qlen++] = to;
    }
  }
}

static uint32_t find_string(const heap_snap_t *s, const char *str) {
  for (uint32_t i = 0; i < s->nstrings; i++)
    if (!strcmp(s->pool + s->soff[i], str)) return i;
  return HEAP_NONE;
}

static void calc_distances(heap_snap_t *s, uint32_t *queue) {
  dist_ctx_t c = {s,
                  {0},
                  find_string(s, "sloppy_function_map"),
                  find_string(s, "system / NativeContext"),
                  find_string(s, "(map descriptors)")};
  for (uint32_t i = 0; i < s->n; i++) s->dist[i] = HEAP_NO_DISTANCE;
  uint32_t qlen = 0, root = s->root;
  for (uint32_t e = s->first_edge[root]; e < s->first_edge[root + 1]; e++) {
    uint32_t to = s->eto[e];
    int user =
        s->ntype[to] != s->t.synthetic || !strcmp(heap_node_name(s, to), "(Document DOM trees)");
    if (user && s->dist[to] == HEAP_NO_DISTANCE) {
      s->dist[to] = 1;
      queue[qlen++] = to;
    }
  }
  bfs(&c, queue, qlen);
  s->dist[root] = qlen > 0 ? HEAP_SYSTEM_DISTANCE : 0;
  queue[0] = root;
  bfs(&c, queue, 1);
  free(c.pending.h);
  free(c.pending.present);
}

/* ---- essential edges ---- */

typedef struct ess_job_s {
  heap_snap_t *s;
  uint8_t *bits;
  const uint32_t *eph_table; /* per string: table id + 1, or 0 */
  uint32_t from, to;         /* node range */
} ess_job_t;

static void *essential_range(void *arg) {
  ess_job_t *j = arg;
  heap_snap_t *s = j->s;
  int memlab = s->rules == HEAP_RULES_MEMLAB;
  uint32_t root = s->root;
  for (uint32_t o = j->from; o < j->to; o++) {
    uint8_t fo = s->flags[o] & HEAP_FLAG_PAGE;
    for (uint32_t e = s->first_edge[o]; e < s->first_edge[o + 1]; e++) {
      int t = s->etype[e], ok = 1;
      uint32_t to = s->eto[e];
      if (!memlab && t == s->t.e_internal && j->eph_table[s->ename[e]] &&
          j->eph_table[s->ename[e]] - 1 == s->nid[o])
        ok = 0;
      else if (t == s->t.e_weak || to == o)
        ok = 0;
      else if (o != root && (t == s->t.e_shortcut || ((s->flags[to] & HEAP_FLAG_PAGE) && !fo)))
        ok = 0;
      if (ok) j->bits[e >> 3] |= (uint8_t)(1u << (e & 7));
    }
  }
  return NULL;
}

static inline int is_ess(const uint8_t *bits, uint32_t e) {
  return bits[e >> 3] >> (e & 7) & 1;
}

static uint8_t *essential_edges(heap_snap_t *s, dr_buf_t *err, int *rc) {
  uint8_t *bits = xmalloc_big((size_t)s->m / 8 + 1, err, rc);
  uint32_t *eph = xmalloc_big(((size_t)s->nstrings + 1) * 4, err, rc);
  if (*rc) {
    free(bits);
    free(eph);
    return NULL;
  }
  memset(bits, 0, (size_t)s->m / 8 + 1);
  for (uint32_t i = 0; i < s->nstrings; i++) {
    uint32_t table;
    size_t dup;
    eph[i] = ephemeron_name(s->pool + s->soff[i], &table, &dup) ? table + 1 : 0;
  }
  /* Two halves split on a byte boundary of the bit vector. */
  ess_job_t j[2] = {{s, bits, eph, 0, s->n}, {s, bits, eph, s->n, s->n}};
  if (heap_parse_threads && s->n > 100000) {
    uint32_t mid = s->n / 2;
    while (mid < s->n && (s->first_edge[mid] & 7)) mid++;
    j[0].to = mid;
    j[1].from = mid;
    pthread_t th;
    if (pthread_create(&th, NULL, essential_range, &j[1]) == 0) {
      essential_range(&j[0]);
      pthread_join(th, NULL);
    } else {
      essential_range(&j[0]);
      essential_range(&j[1]);
    }
  } else {
    essential_range(&j[0]);
  }
  free(eph);
  return bits;
}

/* ---- Lengauer–Tarjan ---- */

typedef struct lt_s {
  uint32_t *parent, *ancestor, *vertex, *label, *semi, *dom, *next_edge, *cstack, *bhead, *bnext;
  size_t ccap; /* capacity of cstack, which grows on demand */
} lt_t;

static void lt_dfs(heap_snap_t *s, lt_t *L, const uint8_t *ess, uint32_t root, uint32_t *n) {
  uint32_t *semi = L->semi, *parent = L->parent, *next = L->next_edge;
  next[root - 1] = s->first_edge[root - 1];
  uint32_t v = root;
  while (v != 0) {
    if (semi[v] == 0) {
      semi[v] = ++*n;
      L->vertex[*n] = v;
    }
    uint32_t vnext = parent[v], vo = v - 1, end = s->first_edge[vo + 1];
    for (; next[vo] < end; next[vo]++) {
      uint32_t e = next[vo];
      if (!is_ess(ess, e)) continue;
      uint32_t w = s->eto[e] + 1;
      if (semi[w] == 0) {
        parent[w] = v;
        next[w - 1] = s->first_edge[w - 1];
        vnext = w;
        break;
      }
    }
    v = vnext;
  }
}

static inline uint32_t lt_eval(lt_t *L, uint32_t v) {
  uint32_t *anc = L->ancestor, *label = L->label, *semi = L->semi;
  if (anc[v] == 0) return v;
  uint32_t sp = 0, x = v;
  while (anc[anc[x]] != 0) {
    if (sp + 2 > L->ccap) {
      L->ccap = L->ccap * 2 + 1024;
      L->cstack = dr_realloc(L->cstack, L->ccap * 4);
    }
    L->cstack[++sp] = x;
    x = anc[x];
  }
  while (sp > 0) {
    uint32_t w = L->cstack[sp--];
    if (semi[label[anc[w]]] < semi[label[w]]) label[w] = label[anc[w]];
    anc[w] = anc[anc[w]];
  }
  return label[v];
}

static int only_weak_retainers(const heap_snap_t *s, const uint8_t *ess, uint32_t o) {
  for (uint32_t r = s->first_ret[o]; r < s->first_ret[o + 1]; r++) {
    uint32_t e = s->ret_edge[r];
    if (s->rules == HEAP_RULES_MEMLAB) {
      if (s->etype[e] != s->t.e_weak && s->etype[e] != s->t.e_shortcut) return 0;
    } else if (is_ess(ess, e)) {
      return 0;
    }
  }
  return 1;
}

/* Dominators by semi-NCA (Georgiadis' variant of Lengauer–Tarjan, same
 * result, fewer arrays): semidominators exactly as DevTools' Lengauer–Tarjan
 * computes them (same DFS, same orphan rule), then each immediate dominator
 * is the nearest common ancestor of the DFS parent and the semidominator.
 * Peak memory is six 32-bit arrays during the DFS and five after it;
 * retained sizes are then summed in reverse DFS order. */
static int dominators(heap_snap_t *s, const uint8_t *ess, dr_buf_t *err) {
  int rc = 0;
  uint32_t N = s->n;
  size_t len = (size_t)N + 1;
  lt_t L;
  memset(&L, 0, sizeof L);
  /* the DFS needs parent, vertex, semi and next_edge; label and ancestor
   * are allocated once next_edge is freed, so at most five arrays live */
  uint32_t **arrs[] = {&L.parent, &L.ancestor, &L.vertex, &L.label, &L.semi, &L.next_edge};
  L.parent = xmalloc_big(len * 4, err, &rc);
  L.vertex = xmalloc_big(len * 4, err, &rc);
  L.semi = xmalloc_big(len * 4, err, &rc);
  L.next_edge = xmalloc_big(len * 4, err, &rc);
  if (rc) goto out;
  memset(L.parent, 0, len * 4);
  memset(L.semi, 0, len * 4);
  uint32_t n = 0, r = s->root + 1;
  lt_dfs(s, &L, ess, r, &n);
  if (n < N)
    for (uint32_t v = 1; v <= N; v++)
      if (L.semi[v] == 0 && only_weak_retainers(s, ess, v - 1)) {
        L.parent[v] = r;
        lt_dfs(s, &L, ess, v, &n);
      }
  if (n < N)
    for (uint32_t v = 1; v <= N; v++)
      if (L.semi[v] == 0) {
        L.parent[v] = r;
        L.semi[v] = ++n;
        L.vertex[n] = v;
      }
  free(L.next_edge); /* the DFS is done; path compression uses a small growing stack */
  L.next_edge = NULL;
  L.label = xmalloc_big(len * 4, err, &rc);
  L.ancestor = xmalloc_big(len * 4, err, &rc);
  if (rc) goto out;
  memset(L.ancestor, 0, len * 4);
  for (size_t v = 0; v < len; v++) L.label[v] = (uint32_t)v;
  L.ccap = 4096;
  L.cstack = dr_malloc(L.ccap * 4);
  for (uint32_t i = n; i >= 2; --i) {
    uint32_t w = L.vertex[i], wo = w - 1;
    int orphan = 1;
    for (uint32_t k = s->first_ret[wo]; k < s->first_ret[wo + 1]; k++) {
      if (!is_ess(ess, s->ret_edge[k])) continue;
      orphan = 0;
      uint32_t u = lt_eval(&L, s->ret_node[k] + 1);
      if (L.semi[u] < L.semi[w]) L.semi[w] = L.semi[u];
    }
    if (orphan) L.semi[w] = L.semi[r];
    L.ancestor[w] = L.parent[w]; /* link */
  }
  /* NCA pass: num (DFS number) reuses label, idom reuses ancestor */
  uint32_t *num = L.label, *idom = L.ancestor;
  free(L.cstack);
  L.cstack = NULL;
  for (uint32_t i = 1; i <= n; i++) num[L.vertex[i]] = i;
  idom[0] = idom[r] = r;
  for (uint32_t i = 2; i <= n; i++) {
    uint32_t w = L.vertex[i], x = L.parent[w];
    while (num[x] > L.semi[w]) x = idom[x];
    idom[w] = x;
  }
  free(L.parent);
  free(L.label);
  free(L.semi);
  L.parent = L.label = L.semi = NULL;
  /* ordinals: dom[o] = idom[o + 1] - 1, shifted in place */
  for (uint32_t o = 0; o < N; o++) idom[o] = idom[o + 1] - 1;
  s->dom = idom;
  L.ancestor = NULL;
  s->retained = xmalloc_big((size_t)N * 8, err, &rc);
  if (rc) goto out;
  for (uint32_t o = 0; o < N; o++) s->retained[o] = s->nself[o];
  for (uint32_t i = n; i > 1; i--) {
    uint32_t o = L.vertex[i] - 1;
    s->retained[s->dom[o]] += s->retained[o];
  }
out:
  for (size_t i = 0; i < sizeof arrs / sizeof arrs[0]; i++) free(*arrs[i]);
  return rc;
}

static int build_dominated(heap_snap_t *s, dr_buf_t *err) {
  int rc = 0;
  uint32_t N = s->n;
  s->first_dominated = xmalloc_big(((size_t)N + 1) * 4, err, &rc);
  s->dominated = xmalloc_big((size_t)N * 4, err, &rc);
  if (rc) return rc;
  uint32_t *fd = s->first_dominated;
  memset(fd, 0, ((size_t)N + 1) * 4);
  for (uint32_t o = 0; o < N; o++)
    if (o != s->root) fd[s->dom[o] + 1]++;
  for (uint32_t i = 0; i < N; i++) fd[i + 1] += fd[i];
  for (uint32_t o = 0; o < N; o++)
    if (o != s->root) s->dominated[fd[s->dom[o]]++] = o;
  for (uint32_t i = N; i > 0; i--) fd[i] = fd[i - 1];
  fd[0] = 0;
  return 0;
}

/* DevTools' propagateDOMState: native nodes inherit "attached" from an
 * attached native parent, else "detached" from a detached one, never through
 * JavaScript objects nor weak or hidden edges.  Detached native nodes get the class "Detached
 * <name>". */
static int propagates(const heap_snap_t *s, uint32_t e) {
  /* memlab looks the edge types up in meta.edge_fields by mistake, which ends
   * up skipping only edge type 3 (internal); reproduce that for --rules=memlab */
  if (s->rules == HEAP_RULES_MEMLAB) return s->etype[e] != 3;
  return s->etype[e] != s->t.e_weak && s->etype[e] != s->t.e_hidden;
}

static void propagate_dom_state(heap_snap_t *s) {
  if (!s->ndetached) return;
  uint32_t N = s->n;
  uint8_t *visited = dr_calloc(N, 1);
  uint32_t *att = dr_malloc((size_t)N * 4), *det = dr_malloc((size_t)N * 4), na = 0, nd = 0;
#define PROCESS(o, st)                   \
  do {                                   \
    uint32_t o_ = (o);                   \
    if (!visited[o_]) {                  \
      visited[o_] = 1;                   \
      if (s->ntype[o_] == s->t.native) { \
        s->ndetached[o_] = (st);         \
        if ((st) == 1)                   \
          att[na++] = o_;                \
        else if ((st) == 2)              \
          det[nd++] = o_;                \
      }                                  \
    }                                    \
  } while (0)
  for (uint32_t o = 0; o < N; o++)
    if (s->ndetached[o] != 0) {
      uint8_t st = s->ndetached[o];
      PROCESS(o, st);
    }
  while (na) {
    uint32_t o = att[--na];
    for (uint32_t e = s->first_edge[o]; e < s->first_edge[o + 1]; e++)
      if (propagates(s, e)) PROCESS(s->eto[e], 1);
  }
  while (nd) {
    uint32_t o = det[--nd];
    if (s->ndetached[o] == 1) continue;
    for (uint32_t e = s->first_edge[o]; e < s->first_edge[o + 1]; e++)
      if (propagates(s, e)) PROCESS(s->eto[e], 2);
  }
#undef PROCESS
  free(visited);
  free(att);
  free(det);
}

/* DevTools' calculateShallowSizes: when the snapshot has user roots, hidden
 * and array nodes (and "system / ExternalStringData") owned by exactly one
 * other object through non-weak edges give their self size to that owner,
 * so a JS object's shallow size includes its backing stores. */
static int has_user_roots(const heap_snap_t *s) {
  for (uint32_t e = s->first_edge[s->root]; e < s->first_edge[s->root + 1]; e++) {
    uint32_t to = s->eto[e];
    if (s->ntype[to] != s->t.synthetic || !strcmp(heap_node_name(s, to), "(Document DOM trees)"))
      return 1;
  }
  return 0;
}

static int shallow_sizes(heap_snap_t *s, dr_buf_t *err) {
  const uint32_t UNVISITED = 0xFFFFFFFFu, MULTI = 0xFFFFFFFEu;
  uint32_t N = s->n;
  int rc = 0;
  if (!has_user_roots(s)) return 0;
  uint32_t *owners = xmalloc_big((size_t)N * 4, err, &rc);
  size_t cap = (size_t)N + 16, len = 0;
  uint32_t *work = xmalloc_big(cap * 4, err, &rc);
  if (rc) {
    free(owners);
    free(work);
    return rc;
  }
  for (uint32_t i = 0; i < N; i++) {
    int t = s->ntype[i];
    if (t == s->t.hidden || t == s->t.array ||
        (t == s->t.native && !strcmp(heap_node_name(s, i), "system / ExternalStringData"))) {
      owners[i] = UNVISITED;
    } else {
      owners[i] = i;
      work[len++] = i;
    }
  }
  while (len) {
    uint32_t id = work[--len], owner = owners[id];
    for (uint32_t e = s->first_edge[id]; e < s->first_edge[id + 1]; e++) {
      if (s->etype[e] == s->t.e_weak) continue;
      uint32_t t = s->eto[e], o = owners[t];
      if (o == t || o == owner || o == MULTI) continue;
      owners[t] = o == UNVISITED ? owner : MULTI;
      if (len == cap) {
        cap *= 2;
        work = dr_realloc(work, cap * 4);
      }
      work[len++] = t;
    }
  }
  for (uint32_t i = 0; i < N; i++) {
    uint32_t o = owners[i];
    if (o == UNVISITED || o == MULTI || o == i) continue;
    if (s->ntype[o] == s->t.synthetic || o == s->root) continue;
    s->nself[o] += s->nself[i];
    s->nself[i] = 0;
  }
  free(owners);
  free(work);
  return 0;
}

int heap_graph_build(heap_snap_t *s, enum heap_rules rules, dr_buf_t *err) {
  int rc;
  s->rules = rules;
  phase("parse");
  if ((rc = build_retainers(s, err)) < 0) return rc;
  phase("retainers");
  propagate_dom_state(s);
  rc = 0;
  uint32_t *queue = xmalloc_big((size_t)s->n * 4 + 4, err, &rc);
  s->flags = xmalloc_big(s->n, err, &rc);
  s->dist = xmalloc_big((size_t)s->n * 4, err, &rc);
  if (rc) {
    free(queue);
    return rc;
  }
  memset(s->flags, 0, s->n);
  mark_page_owned(s, queue);
  free(queue);
  phase("dom state, flags");
  if (rules == HEAP_RULES_DEVTOOLS && (rc = shallow_sizes(s, err)) < 0) return rc;
  phase("shallow sizes");
  queue = xmalloc_big((size_t)s->n * 4 + 4, err, &rc);
  if (rc) return rc;
  calc_distances(s, queue);
  free(queue);
  phase("distances");
  heap_classes_build(s);
  free(s->ndetached); /* only class names needed them */
  free(s->nloc);
  free(s->loc);
  free(s->loc_node);
  s->ndetached = NULL;
  s->nloc = s->loc = s->loc_node = NULL;
  s->nlocs = 0;
  phase("classes");
  uint8_t *ess = essential_edges(s, err, &rc);
  if (!ess) return rc;
  free(s->flags); /* only the essential edges needed them */
  s->flags = NULL;
  phase("essential edges");
  rc = dominators(s, ess, err);
  free(ess);
  if (rc < 0) return rc;
  phase("dominators");
  if ((rc = build_dominated(s, err)) < 0) return rc;
  phase("dominated");
  return 0;
}
