/* leaks.c — memlab's three-snapshot method.
 *
 * BASELINE is taken before the suspect action, TARGET after it, FINAL after
 * undoing it.  Leaked = objects in FINAL whose id is in TARGET but not in
 * BASELINE: allocated by the action and still alive.  Among them only the
 * topmost ones are reported (whose immediate dominator is not itself
 * leaked), so each leaked subtree is counted once by its retained size.
 * Those roots are grouped by the pattern of their shortest retainer path in
 * FINAL (class names and edge names, element indexes folded to "[]") — the
 * clustering memlab does by trace similarity, made exact — and the groups
 * are ranked by retained size.  Each group lists the classes of all leaked
 * objects beneath its roots and one full example path.
 */
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "devrun/util.h"
#include "heap.h"

/* ---- sets of snapshot ids ----
 * A bitmap over [0, max id] when that is at most 64 bits per node (V8 ids
 * are dense: odd numbers counting up), else a sorted array. */
struct heap_idset_s {
  uint64_t *bits;
  uint32_t nbits;
  uint32_t *sorted;
  uint32_t n;
};

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

heap_idset_t *heap_idset_new(const heap_snap_t *s) {
  heap_idset_t *set = dr_calloc(1, sizeof *set);
  uint32_t max = 0;
  for (uint32_t o = 0; o < s->n; o++)
    if (s->nid[o] > max) max = s->nid[o];
  if ((uint64_t)max / 64 <= (uint64_t)s->n + 1) {
    set->nbits = max + 1;
    set->bits = dr_calloc((size_t)max / 64 + 1, 8);
    for (uint32_t o = 0; o < s->n; o++) set->bits[s->nid[o] >> 6] |= 1ULL << (s->nid[o] & 63);
  } else {
    set->sorted = dr_malloc((size_t)s->n * 4 + 4);
    memcpy(set->sorted, s->nid, (size_t)s->n * 4);
    qsort(set->sorted, s->n, 4, cmp_u32);
    set->n = s->n;
  }
  return set;
}

int heap_idset_has(const heap_idset_t *set, uint32_t id) {
  if (set->bits) return id < set->nbits && (set->bits[id >> 6] >> (id & 63) & 1);
  uint32_t lo = 0, hi = set->n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (set->sorted[mid] < id)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < set->n && set->sorted[lo] == id;
}

void heap_idset_free(heap_idset_t *set) {
  if (!set) return;
  free(set->bits);
  free(set->sorted);
  free(set);
}

typedef struct group_s {
  uint64_t hash;
  char *key;
  uint64_t retained, self, roots, objects;
  uint32_t example; /* root with the largest retained size */
  uint32_t ids[10];
  int nids;
  uint32_t *cls_count; /* per class of the final snapshot, lazily */
} group_t;

static int grp_cmp(const void *a, const void *b) {
  const group_t *x = a, *y = b;
  if (x->retained != y->retained) return x->retained > y->retained ? -1 : 1;
  return strcmp(x->key, y->key);
}

static void path_key(const heap_snap_t *s, const uint32_t *p, int len, uint32_t o, dr_buf_t *b) {
  for (int i = 0; i < len; i++) {
    uint32_t e = p[i];
    dr_buf_adds(b, heap_class_name(s, heap_edge_source(s, e)));
    if (s->etype[e] == s->t.e_element)
      dr_buf_adds(b, "|[]|");
    else if (s->etype[e] == s->t.e_hidden)
      dr_buf_adds(b, "|<h>|");
    else {
      dr_buf_addch(b, '|');
      dr_buf_adds(b, heap_str(s, s->ename[e]));
      dr_buf_addch(b, '|');
    }
  }
  dr_buf_adds(b, heap_class_name(s, o));
}

json_t *heap_leaks_find(const heap_idset_t *base, const heap_idset_t *target, heap_snap_t *fin,
                        int max_groups, uint64_t min_size) {
  uint8_t *leaked = dr_calloc(fin->n, 1);
  uint64_t nleaked = 0;
  for (uint32_t o = 0; o < fin->n; o++) {
    if (o == fin->root || fin->dist[o] == HEAP_NO_DISTANCE || !heap_node_counted(fin, o) ||
        fin->ntype[o] == fin->t.synthetic)
      continue;
    uint32_t id = fin->nid[o];
    if (heap_idset_has(target, id) && !heap_idset_has(base, id)) {
      leaked[o] = 1;
      nleaked++;
    }
  }
  /* topmost leaked node of every leaked node (memoized walk up the
   * dominator tree) */
  uint32_t *top = dr_malloc((size_t)fin->n * 4);
  for (uint32_t o = 0; o < fin->n; o++) top[o] = HEAP_NONE;
  uint32_t *stack = dr_malloc((size_t)fin->n * 4), sp;
  for (uint32_t o = 0; o < fin->n; o++) {
    if (!leaked[o] || top[o] != HEAP_NONE) continue;
    sp = 0;
    uint32_t x = o;
    while (top[x] == HEAP_NONE) {
      stack[sp++] = x;
      uint32_t d = fin->dom[x];
      if (d == x || !leaked[d]) break;
      x = d;
    }
    uint32_t t = top[x] != HEAP_NONE ? top[x] : x;
    while (sp) top[stack[--sp]] = t;
  }
  free(stack);
  /* group the roots */
  group_t *g = NULL;
  size_t ng = 0, cap = 0;
  uint32_t *gof = dr_malloc((size_t)fin->n * 4); /* root -> group */
  uint32_t path[64];
  dr_buf_t key = DR_BUF_INIT;
  uint64_t total = 0;
  for (uint32_t o = 0; o < fin->n; o++) {
    gof[o] = HEAP_NONE;
    if (!leaked[o] || top[o] != o) continue;
    int len = heap_path_to(fin, o, path, 64);
    dr_buf_reset(&key);
    path_key(fin, path, len, o, &key);
    uint64_t h = XXH3_64bits(key.buf, key.len);
    size_t i;
    for (i = 0; i < ng; i++)
      if (g[i].hash == h && !strcmp(g[i].key, key.buf)) break;
    if (i == ng) {
      if (ng == cap) {
        cap = cap ? cap * 2 : 64;
        g = dr_realloc(g, cap * sizeof *g);
      }
      memset(&g[ng], 0, sizeof g[ng]);
      g[ng].hash = h;
      g[ng].key = dr_strdup(key.buf);
      g[ng].example = o;
      ng++;
    }
    group_t *x = &g[i];
    x->roots++;
    x->retained += fin->retained[o];
    total += fin->retained[o];
    if (fin->retained[o] > fin->retained[x->example]) x->example = o;
    if (x->nids < 10) x->ids[x->nids++] = fin->nid[o];
    gof[o] = (uint32_t)i;
  }
  dr_buf_release(&key);
  for (uint32_t o = 0; o < fin->n; o++) {
    if (!leaked[o] || gof[top[o]] == HEAP_NONE) continue;
    group_t *x = &g[gof[top[o]]];
    if (!x->cls_count) x->cls_count = dr_calloc(fin->nclasses, 4);
    x->cls_count[fin->cls[o]]++;
    x->objects++;
    x->self += fin->nself[o];
  }
  free(top);
  free(gof);
  free(leaked);
  if (ng) qsort(g, ng, sizeof *g, grp_cmp);
  json_t *res = json_object(), *arr = json_array();
  json_object_set_new(res, "leaked_objects", json_integer((json_int_t)nleaked));
  json_object_set_new(res, "leaked_retained_size", json_integer((json_int_t)total));
  json_object_set_new(res, "group_count", json_integer((json_int_t)ng));
  int shown = 0;
  dr_buf_t b = DR_BUF_INIT;
  for (size_t i = 0; i < ng; i++) {
    group_t *x = &g[i];
    if (shown < max_groups && x->retained >= min_size) {
      shown++;
      json_t *j = json_object(), *classes = json_array(), *ids = json_array();
      /* classes by count, top 5 */
      for (int k = 0; k < 5; k++) {
        uint32_t best = HEAP_NONE;
        for (uint32_t c = 0; c < fin->nclasses; c++)
          if (x->cls_count[c] && (best == HEAP_NONE || x->cls_count[c] > x->cls_count[best]))
            best = c;
        if (best == HEAP_NONE) break;
        json_t *cj = json_object();
        json_object_set_new(cj, "name", heap_json_str(fin->class_names[best]));
        json_object_set_new(cj, "count", json_integer(x->cls_count[best]));
        json_array_append_new(classes, cj);
        x->cls_count[best] = 0;
      }
      for (int k = 0; k < x->nids; k++) json_array_append_new(ids, json_integer(x->ids[k]));
      int len = heap_path_to(fin, x->example, path, 64);
      dr_buf_reset(&b);
      heap_path_format(fin, path, len, &b);
      json_object_set_new(j, "retained_size", json_integer((json_int_t)x->retained));
      json_object_set_new(j, "self_size", json_integer((json_int_t)x->self));
      json_object_set_new(j, "count", json_integer((json_int_t)x->roots));
      json_object_set_new(j, "objects", json_integer((json_int_t)x->objects));
      json_object_set_new(j, "name", heap_json_str(heap_class_name(fin, x->example)));
      json_object_set_new(j, "classes", classes);
      json_object_set_new(j, "path_text", heap_json_str(b.buf));
      json_object_set_new(j, "path", heap_path_json(fin, path, len));
      json_object_set_new(j, "ids", ids);
      json_array_append_new(arr, j);
    }
    free(x->key);
    free(x->cls_count);
  }
  dr_buf_release(&b);
  free(g);
  json_object_set_new(res, "groups", arr);
  return res;
}
