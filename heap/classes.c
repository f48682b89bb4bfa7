/* classes.c — DevTools' class names and per-class aggregates (the Summary
 * view), as Chrome DevTools computes them (HeapSnapshot.ts:
 * calculateObjectNames, inferInterfaceDefinitions/applyInterfaceDefinitions,
 * classKeyInternal, buildAggregates, calculateClassesRetainedSize).
 *
 * Class names (--rules=devtools): hidden → "(system)", code → "(compiled
 * code)", closure → "Function", regexp → "RegExp", object and native → the
 * node's name ("<div id=x>" shortened to "<div>", "Detached " prefixed for
 * detached native nodes), everything else "(<type>)": "(string)", "(array)",
 * "(concatenated string)", "(object shape)" ...  Plain `Object`s are named
 * after their shape, "{id, name, children}", when at least max(2, 1/1000 of
 * all plain objects) share it.  Objects with a constructor location are
 * split by that location (two classes both called "Foo" from two scripts
 * are two rows).  --rules=memlab uses the classic names instead:
 * "(closure)", "(regexp)", no shapes, no location split.
 *
 * Aggregates: a node counts when its self size is non-zero; count and self
 * size are plain sums; a class's retained size sums the retained sizes of
 * the topmost instances only — a walk of the dominator tree that skips an
 * instance whose dominator-tree ancestor is of the same class.
 */
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "devrun/util.h"
#include "heap.h"

#define MIN_INTERFACE_PROPERTY_COUNT 1
#define MAX_INTERFACE_NAME_LENGTH 120
#define MIN_OBJECT_COUNT_PER_INTERFACE 2
#define MIN_OBJECT_PROPORTION_PER_INTERFACE 1000

/* ---- a small string → id table (names are interned by content) ---- */

typedef struct names_s {
  char **v;
  uint8_t *owned;
  uint32_t n, cap;
  uint32_t *slot;
  size_t nslots;
} names_t;

static uint32_t names_get(names_t *t, const char *str, int copy) {
  if (t->n * 2 + 2 > t->nslots) {
    size_t ns = t->nslots ? t->nslots * 2 : 1024;
    uint32_t *sl = dr_malloc(ns * 4);
    memset(sl, 0xFF, ns * 4);
    for (uint32_t i = 0; i < t->n; i++) {
      size_t h = (size_t)XXH3_64bits(t->v[i], strlen(t->v[i])) & (ns - 1);
      while (sl[h] != HEAP_NONE) h = (h + 1) & (ns - 1);
      sl[h] = i;
    }
    free(t->slot);
    t->slot = sl;
    t->nslots = ns;
  }
  size_t h = (size_t)XXH3_64bits(str, strlen(str)) & (t->nslots - 1);
  while (t->slot[h] != HEAP_NONE) {
    if (!strcmp(t->v[t->slot[h]], str)) return t->slot[h];
    h = (h + 1) & (t->nslots - 1);
  }
  if (t->n == t->cap) {
    t->cap = t->cap ? t->cap * 2 : 256;
    t->v = dr_realloc(t->v, t->cap * sizeof(char *));
    t->owned = dr_realloc(t->owned, t->cap);
  }
  t->v[t->n] = copy ? dr_strdup(str) : (char *)str;
  t->owned[t->n] = (uint8_t)copy;
  t->slot[h] = t->n;
  return t->n++;
}

/* ---- interface definitions (plain Objects named by their shape) ---- */

typedef struct trie_s {
  uint32_t *keys; /* canonical property string ids */
  uint32_t *kids;
  uint32_t nk, ck;
  uint32_t greatest; /* greatest next key (string id), HEAP_NONE if none */
  uint32_t match;    /* definition index, HEAP_NONE */
} trie_t;

typedef struct iface_s {
  char *name;
  uint32_t *props; /* first-seen order */
  uint32_t nprops;
  uint32_t count;
  uint32_t first; /* first object, for a stable order */
} iface_t;

static const heap_snap_t *sort_s;
static int str_cmp_ids(const void *a, const void *b) {
  return strcmp(heap_str(sort_s, *(const uint32_t *)a), heap_str(sort_s, *(const uint32_t *)b));
}

static void format_prop(const char *name, dr_buf_t *b) {
  /* names with , ' " { } are written as JSON.stringify({[name]: 0}) would */
  if (!strpbrk(name, ",'\"{}")) {
    dr_buf_adds(b, name);
    return;
  }
  json_t *s = json_string(name);
  char *j = s ? json_dumps(s, JSON_ENCODE_ANY) : NULL;
  dr_buf_adds(b, j ? j : name);
  free(j);
  json_decref(s);
}

static size_t utf16_len(const char *s, size_t n) {
  size_t u = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if ((c & 0xC0) != 0x80) u += c >= 0xF0 ? 2 : 1;
  }
  return u;
}

static int cmp_iface(const void *a, const void *b) {
  const iface_t *x = a, *y = b;
  if (x->count != y->count) return x->count > y->count ? -1 : 1;
  return x->first < y->first ? -1 : x->first > y->first;
}

static uint32_t trie_child(trie_t **tv, uint32_t *nt, uint32_t *ct, uint32_t node, uint32_t key,
                           int create) {
  trie_t *t = &(*tv)[node];
  for (uint32_t i = 0; i < t->nk; i++)
    if (t->keys[i] == key) return t->kids[i];
  if (!create) return HEAP_NONE;
  if (*nt == *ct) {
    *ct *= 2;
    *tv = dr_realloc(*tv, *ct * sizeof(trie_t));
  }
  uint32_t c = (*nt)++;
  memset(&(*tv)[c], 0, sizeof(trie_t));
  (*tv)[c].greatest = HEAP_NONE;
  (*tv)[c].match = HEAP_NONE;
  t = &(*tv)[node];
  if (t->nk == t->ck) {
    t->ck = t->ck ? t->ck * 2 : 4;
    t->keys = dr_realloc(t->keys, t->ck * 4);
    t->kids = dr_realloc(t->kids, t->ck * 4);
  }
  t->keys[t->nk] = key;
  t->kids[t->nk++] = c;
  if (t->greatest == HEAP_NONE || strcmp(heap_str(sort_s, t->greatest), heap_str(sort_s, key)) < 0)
    t->greatest = key;
  return c;
}

/* Chooses the better of two matches as selectBetterMatch does: more
 * properties, then the earlier definition. */
static uint32_t better(const iface_t *d, uint32_t a, uint32_t b) {
  if (b == HEAP_NONE) return a;
  if (a == HEAP_NONE) return b;
  if (d[a].nprops != d[b].nprops) return d[a].nprops > d[b].nprops ? a : b;
  return a <= b ? a : b;
}

/* Sets cname[o] for plain Objects that match an inferred interface. */
static void apply_interfaces(heap_snap_t *s, uint32_t *cname, names_t *names,
                             const uint32_t *canon) {
  uint32_t obj_name = HEAP_NONE;
  for (uint32_t i = 0; i < s->nstrings && obj_name == HEAP_NONE; i++)
    if (!strcmp(heap_str(s, i), "Object")) obj_name = i;
  if (obj_name == HEAP_NONE) return;
  sort_s = s;
  /* infer */
  iface_t *defs = NULL;
  uint32_t nd = 0, cd = 0;
  names_t idx = {0};
  uint64_t total = 0;
  dr_buf_t b = DR_BUF_INIT;
  uint32_t *props = NULL, np = 0, cp = 0;
  for (uint32_t o = 0; o < s->n; o++) {
    if (s->ntype[o] != s->t.object || strcmp(heap_node_name(s, o), "Object")) continue;
    total++;
    dr_buf_reset(&b);
    dr_buf_addch(&b, '{');
    size_t blen = 1; /* UTF-16 length of b */
    np = 0;
    for (uint32_t e = s->first_edge[o]; e < s->first_edge[o + 1]; e++) {
      if (s->etype[e] != s->t.e_property) continue;
      const char *nm = heap_str(s, s->ename[e]);
      if (!strcmp(nm, "__proto__")) continue;
      dr_buf_t f = DR_BUF_INIT;
      format_prop(nm, &f);
      size_t flen = utf16_len(f.buf, f.len);
      if (blen > MIN_INTERFACE_PROPERTY_COUNT && blen + flen > MAX_INTERFACE_NAME_LENGTH) {
        dr_buf_release(&f);
        break;
      }
      if (blen != 1) {
        dr_buf_adds(&b, ", ");
        blen += 2;
      }
      dr_buf_add(&b, f.buf, f.len);
      blen += flen;
      dr_buf_release(&f);
      if (np == cp) {
        cp = cp ? cp * 2 : 16;
        props = dr_realloc(props, cp * 4);
      }
      props[np++] = canon[s->ename[e]];
    }
    if (np == 0) continue;
    dr_buf_addch(&b, '}');
    uint32_t before = idx.n;
    uint32_t k = names_get(&idx, b.buf, 1);
    if (k == before) {
      if (nd == cd) {
        cd = cd ? cd * 2 : 64;
        defs = dr_realloc(defs, cd * sizeof *defs);
      }
      defs[nd] = (iface_t){idx.v[k], dr_malloc(np * 4), np, 0, nd};
      memcpy(defs[nd].props, props, np * 4);
      nd++;
    }
    defs[k].count++;
  }
  if (nd) qsort(defs, nd, sizeof *defs, cmp_iface);
  uint64_t min = total / MIN_OBJECT_PROPORTION_PER_INTERFACE;
  uint32_t keep = 0;
  while (keep < nd &&
         (double)defs[keep].count >= (double)total / MIN_OBJECT_PROPORTION_PER_INTERFACE &&
         defs[keep].count >= MIN_OBJECT_COUNT_PER_INTERFACE)
    keep++;
  (void)min;
  /* the property tree */
  uint32_t ct = 64, nt = 1;
  trie_t *tv = dr_malloc(ct * sizeof *tv);
  memset(&tv[0], 0, sizeof tv[0]);
  tv[0].greatest = HEAP_NONE;
  tv[0].match = HEAP_NONE;
  uint32_t *iface_name = dr_malloc((keep + 1) * 4);
  for (uint32_t d = 0; d < keep; d++) {
    qsort(defs[d].props, defs[d].nprops, 4, str_cmp_ids);
    uint32_t cur = 0;
    for (uint32_t i = 0; i < defs[d].nprops; i++)
      cur = trie_child(&tv, &nt, &ct, cur, defs[d].props[i], 1);
    if (tv[cur].match == HEAP_NONE) tv[cur].match = d;
    iface_name[d] = names_get(names, defs[d].name, 1);
  }
  /* apply */
  uint32_t *states = NULL, ns = 0, cs = 0, *next = NULL, cn = 0;
  for (uint32_t o = 0; keep && o < s->n; o++) {
    if (s->ntype[o] != s->t.object || s->nname[o] != obj_name) continue;
    np = 0;
    for (uint32_t e = s->first_edge[o]; e < s->first_edge[o + 1]; e++)
      if (s->etype[e] == s->t.e_property) {
        if (np == cp) {
          cp = cp ? cp * 2 : 16;
          props = dr_realloc(props, cp * 4);
        }
        props[np++] = canon[s->ename[e]];
      }
    if (np) qsort(props, np, 4, str_cmp_ids);
    ns = 0;
    if (cs < 4) {
      cs = 4;
      states = dr_realloc(states, cs * 4);
    }
    states[ns++] = 0;
    uint32_t match = better(defs, HEAP_NONE, tv[0].match); /* initial: none */
    for (uint32_t i = 0; i < np; i++) {
      const char *p = heap_str(s, props[i]);
      uint32_t nn = 0;
      if (cn < ns * 2 + 2) {
        cn = ns * 2 + 2;
        next = dr_realloc(next, cn * 4);
      }
      for (uint32_t k = 0; k < ns; k++) {
        uint32_t st = states[k];
        int drop = tv[st].greatest == HEAP_NONE || strcmp(p, heap_str(s, tv[st].greatest)) >= 0;
        if (!drop) next[nn++] = st;
        uint32_t c = trie_child(&tv, &nt, &ct, st, props[i], 0);
        if (c != HEAP_NONE) {
          next[nn++] = c;
          match = better(defs, match, tv[c].match);
        }
      }
      /* a set: drop repeated states */
      if (cs < nn) {
        cs = nn * 2;
        states = dr_realloc(states, cs * 4);
      }
      ns = 0;
      for (uint32_t q = 0; q < nn; q++) {
        int dup = 0;
        for (uint32_t r = 0; r < ns && !dup; r++) dup = states[r] == next[q];
        if (!dup) states[ns++] = next[q];
      }
    }
    if (match != HEAP_NONE) cname[o] = iface_name[match];
  }
  free(states);
  free(next);
  for (uint32_t i = 0; i < nt; i++) {
    free(tv[i].keys);
    free(tv[i].kids);
  }
  free(tv);
  free(iface_name);
  for (uint32_t d = 0; d < nd; d++) free(defs[d].props);
  free(defs);
  for (uint32_t i = 0; i < idx.n; i++) free(idx.v[i]);
  free(idx.v);
  free(idx.owned);
  free(idx.slot);
  free(props);
  dr_buf_release(&b);
}

/* Maps every string index to the first index with the same content. */
uint32_t *heap_canonical_strings(const heap_snap_t *s) {
  uint32_t *canon = dr_malloc(((size_t)s->nstrings + 1) * 4);
  size_t cap = 1;
  while (cap < (size_t)s->nstrings * 2 + 2) cap <<= 1;
  uint32_t *slot = dr_malloc(cap * 4);
  memset(slot, 0xFF, cap * 4);
  for (uint32_t i = 0; i < s->nstrings; i++) {
    const char *str = heap_str(s, i);
    size_t len = s->soff[i + 1] - s->soff[i] - 1;
    size_t h = (size_t)XXH3_64bits(str, len) & (cap - 1);
    while (slot[h] != HEAP_NONE) {
      uint32_t j = slot[h];
      if (s->soff[j + 1] - s->soff[j] - 1 == len && !memcmp(heap_str(s, j), str, len)) break;
      h = (h + 1) & (cap - 1);
    }
    if (slot[h] == HEAP_NONE) slot[h] = i;
    canon[i] = slot[h];
  }
  free(slot);
  return canon;
}

/* The name of a node's class, as an id in `names`. */
static uint32_t base_name(heap_snap_t *s, uint32_t o, names_t *names, uint32_t *by_type,
                          uint32_t *by_str, uint32_t *by_det, int legacy) {
  int t = s->ntype[o];
  if (t == s->t.object || t == s->t.native) {
    uint32_t si = s->nname[o];
    int det = t == s->t.native && s->ndetached && s->ndetached[o] == 2;
    uint32_t *cache = det ? by_det : by_str;
    if (cache[si] != HEAP_NONE) return cache[si];
    const char *nm = heap_str(s, si);
    dr_buf_t b = DR_BUF_INIT;
    if (det) dr_buf_adds(&b, "Detached ");
    dr_buf_adds(&b, nm);
    if (!legacy) {
      /* "<div id=x>" → "<div>", "Detached <div id=x>" → "Detached <div>" */
      const char *sp = NULL;
      if (!strncmp(b.buf, "<", 1))
        sp = strchr(b.buf, ' ');
      else if (!strncmp(b.buf, "Detached <", 10))
        sp = strchr(b.buf + 10, ' ');
      if (sp) {
        dr_buf_setlen(&b, (size_t)(sp - b.buf));
        dr_buf_addch(&b, '>');
      }
    }
    cache[si] = names_get(names, b.buf, 1);
    dr_buf_release(&b);
    return cache[si];
  }
  if (by_type[t] == HEAP_NONE) {
    const char *nm;
    dr_buf_t b = DR_BUF_INIT;
    if (t == s->t.hidden)
      nm = "(system)";
    else if (t == s->t.code)
      nm = "(compiled code)";
    else if (t == s->t.closure && !legacy)
      nm = "Function";
    else if (t == s->t.regexp && !legacy)
      nm = "RegExp";
    else {
      dr_buf_addf(&b, "(%s)", s->node_types[t]);
      nm = b.buf;
    }
    by_type[t] = names_get(names, nm, 1);
    dr_buf_release(&b);
  }
  return by_type[t];
}

void heap_classes_build(heap_snap_t *s) {
  int legacy = s->rules == HEAP_RULES_MEMLAB;
  names_t names = {0};
  uint32_t *by_type = dr_malloc((size_t)s->n_node_types * 4);
  uint32_t *by_str = dr_malloc(((size_t)s->nstrings + 1) * 4);
  uint32_t *by_det = dr_malloc(((size_t)s->nstrings + 1) * 4);
  memset(by_type, 0xFF, (size_t)s->n_node_types * 4);
  memset(by_str, 0xFF, ((size_t)s->nstrings + 1) * 4);
  memset(by_det, 0xFF, ((size_t)s->nstrings + 1) * 4);
  uint32_t *cname = dr_malloc((size_t)s->n * 4);
  for (uint32_t o = 0; o < s->n; o++)
    cname[o] = base_name(s, o, &names, by_type, by_str, by_det, legacy);
  free(by_type);
  free(by_str);
  free(by_det);
  if (!legacy) {
    uint32_t *canon = heap_canonical_strings(s);
    apply_interfaces(s, cname, &names, canon);
    free(canon);
  }
  /* class keys: the name, split by constructor location for objects */
  s->cls = cname;
  s->class_names = NULL;
  s->nclasses = 0;
  uint32_t *name_cls = dr_malloc(((size_t)names.n + 1) * 4);
  memset(name_cls, 0xFF, ((size_t)names.n + 1) * 4);
  uint32_t cap = 0;
  /* location keys: open addressing on (script, line, column, name) */
  size_t nslots = 1024, used = 0;
  uint64_t *lkey = NULL;
  uint32_t *lcls = NULL;
  for (uint32_t o = 0; o < s->n; o++) {
    uint32_t nm = cname[o], c;
    uint32_t li = (!legacy && s->nloc && s->ntype[o] == s->t.object) ? s->nloc[o] : HEAP_NONE;
    if (li == HEAP_NONE) {
      if (name_cls[nm] == HEAP_NONE) {
        if (s->nclasses == cap) {
          cap = cap ? cap * 2 : 256;
          s->class_names = dr_realloc(s->class_names, cap * sizeof(char *));
        }
        s->class_names[s->nclasses] = names.v[nm];
        name_cls[nm] = s->nclasses++;
      }
      c = name_cls[nm];
    } else {
      if (!lkey) {
        lkey = dr_malloc(nslots * 8 * 2);
        lcls = dr_malloc(nslots * 4);
        memset(lcls, 0xFF, nslots * 4);
      }
      uint64_t k1 = ((uint64_t)s->loc[li * 3] << 32) | s->loc[li * 3 + 1];
      uint64_t k2 = ((uint64_t)s->loc[li * 3 + 2] << 32) | nm;
      uint64_t hk[2] = {k1, k2};
      size_t h = (size_t)XXH3_64bits(hk, sizeof hk) & (nslots - 1);
      while (lcls[h] != HEAP_NONE && !(lkey[h * 2] == k1 && lkey[h * 2 + 1] == k2))
        h = (h + 1) & (nslots - 1);
      if (lcls[h] == HEAP_NONE) {
        if (s->nclasses == cap) {
          cap = cap ? cap * 2 : 256;
          s->class_names = dr_realloc(s->class_names, cap * sizeof(char *));
        }
        s->class_names[s->nclasses] = names.v[nm];
        lkey[h * 2] = k1;
        lkey[h * 2 + 1] = k2;
        lcls[h] = s->nclasses++;
        if (++used * 2 > nslots) { /* grow */
          size_t n2 = nslots * 2;
          uint64_t *k = dr_malloc(n2 * 16);
          uint32_t *cl = dr_malloc(n2 * 4);
          memset(cl, 0xFF, n2 * 4);
          for (size_t i = 0; i < nslots; i++)
            if (lcls[i] != HEAP_NONE) {
              uint64_t hk2[2] = {lkey[i * 2], lkey[i * 2 + 1]};
              size_t j = (size_t)XXH3_64bits(hk2, sizeof hk2) & (n2 - 1);
              while (cl[j] != HEAP_NONE) j = (j + 1) & (n2 - 1);
              k[j * 2] = hk2[0];
              k[j * 2 + 1] = hk2[1];
              cl[j] = lcls[i];
            }
          free(lkey);
          free(lcls);
          lkey = k;
          lcls = cl;
          nslots = n2;
          h = HEAP_NONE;
        }
      }
      if (h == HEAP_NONE) { /* re-find after growth */
        h = (size_t)XXH3_64bits(hk, sizeof hk) & (nslots - 1);
        while (!(lkey[h * 2] == k1 && lkey[h * 2 + 1] == k2)) h = (h + 1) & (nslots - 1);
      }
      c = lcls[h];
    }
    s->cls[o] = c;
  }
  free(lkey);
  free(lcls);
  free(name_cls);
  /* the class table borrows the name strings: hand their ownership over */
  s->names_v = names.v;
  s->names_n = names.n;
  free(names.owned);
  free(names.slot);
}

int heap_node_counted(const heap_snap_t *s, uint32_t o) {
  return s->nself[o] != 0;
}

static const heap_snap_t *agg_snap;
static int agg_cmp(const void *a, const void *b) {
  const heap_class_agg_t *x = a, *y = b;
  if (x->count == 0 || y->count == 0) return (x->count == 0) - (y->count == 0);
  if (x->retained_size != y->retained_size) return x->retained_size > y->retained_size ? -1 : 1;
  int c = strcmp(agg_snap->class_names[x->cls], agg_snap->class_names[y->cls]);
  if (c) return c;
  return x->cls < y->cls ? -1 : x->cls > y->cls;
}

heap_class_agg_t *heap_classes_aggregate(const heap_snap_t *s, uint32_t *count) {
  heap_class_agg_t *a = dr_calloc(s->nclasses ? s->nclasses : 1, sizeof *a);
  for (uint32_t c = 0; c < s->nclasses; c++) {
    a[c].cls = c;
    a[c].distance = INT32_MAX;
  }
  for (uint32_t o = 0; o < s->n; o++) {
    if (!heap_node_counted(s, o)) continue;
    heap_class_agg_t *x = &a[s->cls[o]];
    x->count++;
    x->self_size += s->nself[o];
    if (s->dist[o] < x->distance) x->distance = s->dist[o];
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
    for (uint32_t i = from; i < to; i++) list[ll++] = s->dominated[i];
    while (sl > 1 && sizes[sl - 1] == ll) {
      sl--;
      seen[classes[--cl]] = 0;
    }
  }
  free(list);
  free(sizes);
  free(classes);
  free(seen);
  agg_snap = s;
  qsort(a, s->nclasses, sizeof *a, agg_cmp);
  uint32_t k = 0;
  while (k < s->nclasses && a[k].count) k++;
  *count = k;
  return a;
}
