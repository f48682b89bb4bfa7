/* classes.c — DevTools' class names and per-class aggregates (the Summary
 * view).
 *
 * Class names follow the classic DevTools rules: hidden → "(system)", code →
 * "(compiled code)", object and native → the node's name (the constructor;
 * "Detached <name>" for native nodes whose detachedness is 2),
 * everything else "(<type>)": "(closure)", "(string)", "(array)",
 * "(concatenated string)", "(number)", "(regexp)" ...
 *
 * Aggregates (HeapSnapshot.ts, buildAggregates and
 * calculateClassesRetainedSize): a node counts when its self size is non-zero
 * or it is native; count and self size are plain sums; a class's retained
 * size sums the retained sizes of the topmost instances only — a walk of the
 * dominator tree that skips an instance whose dominator-tree ancestor is of
 * the same class, so nothing is counted twice.
 */
#include <stdlib.h>
#include <string.h>

#include "devrun/util.h"
#include "heap.h"

static uint32_t add_class(heap_snap_t *s, char *name, int owned, uint32_t *cap) {
  if (s->nclasses == *cap) {
    *cap = *cap ? *cap * 2 : 256;
    s->class_names = dr_realloc(s->class_names, *cap * sizeof(char *));
    s->class_owned = dr_realloc(s->class_owned, *cap);
  }
  s->class_names[s->nclasses] = name;
  s->class_owned[s->nclasses] = (uint8_t)owned;
  return s->nclasses++;
}

void heap_classes_build(heap_snap_t *s) {
  uint32_t cap = 0;
  uint32_t *by_type = dr_malloc((size_t)s->n_node_types * 4);
  uint32_t *by_string = dr_malloc(((size_t)s->nstrings + 1) * 4);
  uint32_t *by_detached = NULL; /* native nodes with detachedness 2 */
  for (int i = 0; i < s->n_node_types; i++)
    by_type[i] = HEAP_NONE;
  memset(by_string, 0xFF, ((size_t)s->nstrings + 1) * 4);
  s->cls = dr_malloc((size_t)s->n * 4);
  for (uint32_t o = 0; o < s->n; o++) {
    int t = s->ntype[o];
    uint32_t c;
    if (t == s->t.native && s->ndetached && s->ndetached[o] == 2) {
      uint32_t si = s->nname[o];
      if (!by_detached) {
        by_detached = dr_malloc(((size_t)s->nstrings + 1) * 4);
        memset(by_detached, 0xFF, ((size_t)s->nstrings + 1) * 4);
      }
      if (by_detached[si] == HEAP_NONE) {
        dr_buf_t b = DR_BUF_INIT;
        dr_buf_addf(&b, "Detached %s", s->pool + s->soff[si]);
        by_detached[si] = add_class(s, dr_buf_detach(&b, NULL), 1, &cap);
      }
      c = by_detached[si];
    } else if (t == s->t.object || t == s->t.native) {
      uint32_t si = s->nname[o];
      if (by_string[si] == HEAP_NONE)
        by_string[si] = add_class(s, s->pool + s->soff[si], 0, &cap);
      c = by_string[si];
    } else {
      if (by_type[t] == HEAP_NONE) {
        char *nm;
        if (t == s->t.hidden)
          nm = dr_strdup("(system)");
        else if (t == s->t.code)
          nm = dr_strdup("(compiled code)");
        else {
          dr_buf_t b = DR_BUF_INIT;
          dr_buf_addf(&b, "(%s)", s->node_types[t]);
          nm = dr_buf_detach(&b, NULL);
        }
        by_type[t] = add_class(s, nm, 1, &cap);
      }
      c = by_type[t];
    }
    s->cls[o] = c;
  }
  free(by_type);
  free(by_string);
  free(by_detached);
}

int heap_node_counted(const heap_snap_t *s, uint32_t o) {
  return s->nself[o] != 0 || s->ntype[o] == s->t.native;
}

static const heap_snap_t *sort_snap;
static int agg_cmp(const void *a, const void *b) {
  const heap_class_agg_t *x = a, *y = b;
  if (x->count == 0 || y->count == 0)
    return (x->count == 0) - (y->count == 0);
  if (x->retained_size != y->retained_size)
    return x->retained_size > y->retained_size ? -1 : 1;
  return strcmp(sort_snap->class_names[x->cls], sort_snap->class_names[y->cls]);
}

heap_class_agg_t *heap_classes_aggregate(const heap_snap_t *s, uint32_t *count) {
  heap_class_agg_t *a = dr_calloc(s->nclasses ? s->nclasses : 1, sizeof *a);
  for (uint32_t c = 0; c < s->nclasses; c++) {
    a[c].cls = c;
    a[c].distance = INT32_MAX;
  }
  for (uint32_t o = 0; o < s->n; o++) {
    if (!heap_node_counted(s, o))
      continue;
    heap_class_agg_t *x = &a[s->cls[o]];
    x->count++;
    x->self_size += s->nself[o];
    if (s->dist[o] < x->distance)
      x->distance = s->dist[o];
  }
  /* Retained: DFS of the dominator tree, as calculateClassesRetainedSize. */
  uint32_t *list = dr_malloc(((size_t)s->n + 1) * 4);
  uint32_t *sizes = dr_malloc(((size_t)s->n + 2) * 4);
  uint32_t *classes = dr_malloc(((size_t)s->n + 1) * 4);
  uint8_t *seen = dr_calloc(s->nclasses ? s->nclasses : 1, 1);
  uint32_t ll = 0, sl = 0, cl = 0;
  list[ll++] = s->root;
  sizes[sl++] = UINT32_MAX;
  while (ll) {
    uint32_t o = list[--ll], c = s->cls[o];
    uint32_t from = s->first_dominated[o], to = s->first_dominated[o + 1];
    if (!seen[c] && heap_node_counted(s, o)) {
      a[c].retained_size += s->retained[o];
      if (from != to) {
        seen[c] = 1;
        sizes[sl++] = ll;
        classes[cl++] = c;
      }
    }
    for (uint32_t i = from; i < to; i++)
      list[ll++] = s->dominated[i];
    while (sl > 1 && sizes[sl - 1] == ll) {
      sl--;
      seen[classes[--cl]] = 0;
    }
  }
  free(list);
  free(sizes);
  free(classes);
  free(seen);
  sort_snap = s;
  qsort(a, s->nclasses, sizeof *a, agg_cmp);
  uint32_t k = 0;
  while (k < s->nclasses && a[k].count)
    k++;
  *count = k;
  return a;
}
