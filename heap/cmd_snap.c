/* cmd_snap.c — the single-snapshot commands: summary, top, retainers, dups,
 * closures, listeners and info, plus diff (two snapshots).  Each parses its
 * own option table, loads through heap_open() and prints either an aligned
 * table or, with --json, one JSON document.
 */
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "devrun/util.h"
#include "heap.h"
#include "opts.h"

#define BOLD heap_c("\033[1m")
#define DIM heap_c("\033[2m")
#define CYAN heap_c("\033[36m")
#define RESET heap_c("\033[0m")

/* Runs getopt_long over a command's table; returns the index of the first
 * operand, or -1 (usage error, already reported) / -2 (--help printed). */
typedef int (*opt_fn)(int opt, const char *arg, void *ctx);
static int parse_opts(int argc, char **argv, const struct option *lo, const char *usage,
                      struct heap_common *c, opt_fn fn, void *ctx) {
  int opt;
  heap_common_init(c);
  optind = 1;
  opterr = 0;
  while ((opt = getopt_long(argc, argv, "hn:o:", lo, NULL)) != -1) {
    if (opt == 'h') {
      fputs(usage, stdout);
      return -2;
    }
    if (opt == '?' || opt == ':') {
      dr_error("%s: unknown option or missing value '%s' (see --help)", argv[0], argv[optind - 1]);
      return -1;
    }
    int r = heap_common_opt(c, opt, optarg);
    if (r < 0) return -1;
    if (r == 0 && (!fn || fn(opt, optarg, ctx) < 0)) return -1;
  }
  return optind;
}

static int operands(int argc, int first, int want, const char *cmd) {
  if (argc - first != want) {
    dr_error("%s: expected %d file%s (see devrun-heap %s --help)", cmd, want, want > 1 ? "s" : "",
             cmd);
    return -1;
  }
  return 0;
}

#define RUN_OPTS(want)                                           \
  int first = parse_opts(argc, argv, lo, usage, &c, on_opt, &o); \
  if (first == -2) return 0;                                     \
  if (first < 0 || operands(argc, first, (want), argv[0]) < 0) return 2;

/* ---------------- summary ---------------- */

struct list_opts {
  uint64_t top;
  const char *cls;
  regex_t re;
  int have_re;
  uint64_t id;
  int have_id;
  uint64_t max;
  uint64_t min;
};

static int on_opt(int opt, const char *arg, void *ctx) {
  struct list_opts *o = ctx;
  switch (opt) {
    case OPT_TOP:
    case 'n':
      return heap_parse_uint("--top", arg, &o->top);
    case OPT_CLASS:
      o->cls = arg;
      return 0;
    case OPT_ID:
      o->have_id = 1;
      return heap_parse_uint("--id", arg, &o->id);
    case OPT_MAX:
      return heap_parse_uint("--max", arg, &o->max);
    case OPT_MIN:
      return heap_parse_uint("--min", arg, &o->min);
  }
  return -1;
}

static int compile_class(struct list_opts *o) {
  if (!o->cls) return 0;
  int rc = regcomp(&o->re, o->cls, REG_EXTENDED | REG_NOSUB);
  if (rc) {
    char msg[128];
    regerror(rc, &o->re, msg, sizeof msg);
    dr_error("--class: bad regular expression '%s': %s", o->cls, msg);
    return -1;
  }
  o->have_re = 1;
  return 0;
}

static int class_ok(struct list_opts *o, const char *name) {
  return !o->have_re || regexec(&o->re, name, 0, NULL, 0) == 0;
}

static void free_opts(struct list_opts *o) {
  if (o->have_re) regfree(&o->re);
}

static void print_header(const heap_snap_t *s) {
  char sz[32];
  heap_fmt_size(s->retained[s->root], sz, sizeof sz);
  printf("%s%s%s: %u nodes, %u edges, %s reachable\n\n", BOLD, s->path ? s->path : "", RESET, s->n,
         s->m, sz);
}

int cmd_summary(int argc, char **argv) {
  static const struct option lo[] = {HEAP_COMMON_OPTIONS,
                                     {"top", required_argument, 0, OPT_TOP},
                                     {"class", required_argument, 0, OPT_CLASS},
                                     {0, 0, 0, 0}};
  static const char usage[] =
      "usage: devrun-heap summary [options] SNAPSHOT\n\n"
      "Per constructor (DevTools' Summary view): object count, shallow size and\n"
      "retained size, sorted by retained size.\n\n"
      "  -n, --top N         only the N largest classes\n"
      "  --class RE          only classes whose name matches the extended regex "
      "RE\n" HEAP_COMMON_HELP
      "\nexamples:\n"
      "  devrun-heap summary --top 20 app.heapsnapshot\n"
      "  devrun-heap summary --class '^(Map|Set)$' --json app.heapsnapshot\n";
  struct heap_common c;
  struct list_opts o = {0};
  RUN_OPTS(1);
  if (compile_class(&o) < 0) return 2;
  heap_snap_t *s = heap_open(argv[first], c.rules);
  if (!s) {
    free_opts(&o);
    return 1;
  }
  uint32_t k;
  heap_class_agg_t *a = heap_classes_aggregate(s, &k);
  heap_phase("aggregates");
  json_t *arr = c.json ? json_array() : NULL;
  if (!c.json) {
    print_header(s);
    printf("%s%-40s %10s %12s %12s%s\n", BOLD, "Constructor", "Count", "Shallow", "Retained",
           RESET);
  }
  uint64_t shown = 0;
  for (uint32_t i = 0; i < k; i++) {
    const char *nm = s->class_names[a[i].cls];
    if (!class_ok(&o, nm)) continue;
    if (o.top && shown >= o.top) break;
    shown++;
    if (c.json) {
      json_t *x = json_object();
      json_object_set_new(x, "name", heap_json_str(nm));
      json_object_set_new(x, "count", json_integer((json_int_t)a[i].count));
      json_object_set_new(x, "self_size", json_integer((json_int_t)a[i].self_size));
      json_object_set_new(x, "retained_size", json_integer((json_int_t)a[i].retained_size));
      json_array_append_new(arr, x);
    } else {
      char s1[32], s2[32];
      heap_fmt_size(a[i].self_size, s1, sizeof s1);
      heap_fmt_size(a[i].retained_size, s2, sizeof s2);
      printf("%-40.40s %10llu %12s %12s\n", nm, (unsigned long long)a[i].count, s1, s2);
    }
  }
  if (c.json) {
    json_t *root = json_object();
    json_object_set_new(root, "classes", arr);
    heap_json_print(root);
  }
  free(a);
  free_opts(&o);
  heap_snap_free(s);
  return 0;
}

/* ---------------- top ---------------- */

static const heap_snap_t *cmp_snap;
static int by_retained(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  if (cmp_snap->retained[x] != cmp_snap->retained[y])
    return cmp_snap->retained[x] > cmp_snap->retained[y] ? -1 : 1;
  return cmp_snap->nid[x] < cmp_snap->nid[y] ? -1 : cmp_snap->nid[x] > cmp_snap->nid[y];
}

/* Objects a developer can act on: not the root, not synthetic groups. */
static int user_visible(const heap_snap_t *s, uint32_t o) {
  return o != s->root && s->ntype[o] != s->t.synthetic && s->dist[o] != HEAP_NO_DISTANCE;
}

static json_t *object_json(const heap_snap_t *s, uint32_t o) {
  json_t *x = json_object();
  json_object_set_new(x, "id", json_integer(s->nid[o]));
  json_object_set_new(x, "name", heap_json_str(heap_class_name(s, o)));
  json_object_set_new(x, "type", json_string(heap_node_type(s, o)));
  json_object_set_new(x, "self_size", json_integer((json_int_t)s->nself[o]));
  json_object_set_new(x, "retained_size", json_integer((json_int_t)s->retained[o]));
  return x;
}

static void print_object_with_path(const heap_snap_t *s, uint32_t o, json_t *arr) {
  uint32_t path[64];
  int len = heap_path_to(s, o, path, 64);
  if (arr) {
    json_t *x = object_json(s, o);
    json_object_set_new(
        x, "distance",
        json_integer(s->dist[o] >= HEAP_SYSTEM_DISTANCE ? s->dist[o] - HEAP_SYSTEM_DISTANCE
                                                        : s->dist[o]));
    json_object_set_new(x, "retainer_path", heap_path_json(s, path, len));
    json_array_append_new(arr, x);
    return;
  }
  char s1[32], s2[32];
  dr_buf_t b = DR_BUF_INIT;
  heap_fmt_size(s->nself[o], s1, sizeof s1);
  heap_fmt_size(s->retained[o], s2, sizeof s2);
  printf("%s%-30.30s%s @%-10u %10s %12s\n", BOLD, heap_class_name(s, o), RESET, s->nid[o], s1, s2);
  heap_path_format(s, path, len, &b);
  printf("    %s%s%s\n", DIM, b.buf, RESET);
  dr_buf_release(&b);
}

int cmd_top(int argc, char **argv) {
  static const struct option lo[] = {HEAP_COMMON_OPTIONS,
                                     {"top", required_argument, 0, OPT_TOP},
                                     {"class", required_argument, 0, OPT_CLASS},
                                     {0, 0, 0, 0}};
  static const char usage[] =
      "usage: devrun-heap top [options] SNAPSHOT\n\n"
      "The objects with the largest retained size, each with its shortest\n"
      "retainer path from the GC roots.\n\n"
      "  -n, --top N         how many objects (default 20)\n"
      "  --class RE          only objects whose class matches RE\n" HEAP_COMMON_HELP
      "\nexamples:\n"
      "  devrun-heap top app.heapsnapshot\n"
      "  devrun-heap top -n 5 --class '^Session$' --json app.heapsnapshot\n";
  struct heap_common c;
  struct list_opts o = {.top = 20};
  RUN_OPTS(1);
  if (compile_class(&o) < 0) return 2;
  heap_snap_t *s = heap_open(argv[first], c.rules);
  if (!s) {
    free_opts(&o);
    return 1;
  }
  uint32_t *idx = dr_malloc((size_t)s->n * 4), k = 0;
  for (uint32_t i = 0; i < s->n; i++)
    if (user_visible(s, i) && class_ok(&o, heap_class_name(s, i))) idx[k++] = i;
  cmp_snap = s;
  qsort(idx, k, 4, by_retained);
  json_t *arr = c.json ? json_array() : NULL;
  if (!c.json) {
    print_header(s);
    printf("%s%-30s %-11s %10s %12s%s\n", BOLD, "Object", "id", "Shallow", "Retained", RESET);
  }
  for (uint32_t i = 0; i < k && i < o.top; i++) print_object_with_path(s, idx[i], arr);
  if (c.json) {
    json_t *root = json_object();
    json_object_set_new(root, "objects", arr);
    heap_json_print(root);
  }
  free(idx);
  free_opts(&o);
  heap_snap_free(s);
  return 0;
}

/* ---------------- retainers ---------------- */

int cmd_retainers(int argc, char **argv) {
  static const struct option lo[] = {HEAP_COMMON_OPTIONS,
                                     {"id", required_argument, 0, OPT_ID},
                                     {"class", required_argument, 0, OPT_CLASS},
                                     {"max", required_argument, 0, OPT_MAX},
                                     {0, 0, 0, 0}};
  static const char usage[] =
      "usage: devrun-heap retainers (--id N | --class NAME) [options] SNAPSHOT\n\n"
      "Shortest retainer paths from the GC roots to an object (by snapshot id,\n"
      "the @N DevTools shows) or to the largest instances of a class (exact\n"
      "name), skipping weak edges as DevTools does.\n\n"
      "  --id N              the object with snapshot id N\n"
      "  --class NAME        instances of the class NAME (largest first)\n"
      "  --max N             at most N instances for --class (default 5)\n" HEAP_COMMON_HELP
      "\nexamples:\n"
      "  devrun-heap retainers --id 12345 app.heapsnapshot\n"
      "  devrun-heap retainers --class Session --max 3 app.heapsnapshot\n";
  struct heap_common c;
  struct list_opts o = {.max = 5};
  RUN_OPTS(1);
  if (!o.have_id == !o.cls) {
    dr_error("retainers: give exactly one of --id N or --class NAME");
    return 2;
  }
  heap_snap_t *s = heap_open(argv[first], c.rules);
  if (!s) return 1;
  uint32_t *idx = dr_malloc((size_t)s->n * 4 + 4), k = 0;
  if (o.have_id) {
    uint32_t f = o.id <= UINT32_MAX ? heap_find_id(s, (uint32_t)o.id) : HEAP_NONE;
    if (f == HEAP_NONE) {
      dr_error("no object with id %llu in '%s'", (unsigned long long)o.id, argv[first]);
      free(idx);
      heap_snap_free(s);
      return 1;
    }
    idx[k++] = f;
  } else {
    for (uint32_t i = 0; i < s->n; i++)
      if (!strcmp(heap_class_name(s, i), o.cls) && heap_node_counted(s, i)) idx[k++] = i;
    cmp_snap = s;
    qsort(idx, k, 4, by_retained);
    if (k == 0) {
      dr_error("no object of class '%s' in '%s'", o.cls, argv[first]);
      free(idx);
      heap_snap_free(s);
      return 1;
    }
  }
  json_t *arr = c.json ? json_array() : NULL;
  if (!c.json) print_header(s);
  for (uint32_t i = 0; i < k && i < (o.have_id ? 1 : o.max); i++)
    print_object_with_path(s, idx[i], arr);
  if (!c.json && o.cls && k > o.max)
    printf("%s... and %u more%s\n", DIM, (unsigned)(k - o.max), RESET);
  if (c.json) {
    json_t *root = json_object();
    json_object_set_new(root, "objects", arr);
    heap_json_print(root);
  }
  free(idx);
  heap_snap_free(s);
  return 0;
}

/* ---------------- diff ---------------- */

typedef struct diff_row_s {
  const char *name;
  uint64_t added, removed, added_size, removed_size;
  int64_t delta_count, delta_size;
} diff_row_t;

static uint32_t *class_rank;
static const heap_snap_t *rank_snap;
static int by_name(const void *a, const void *b) {
  return strcmp(rank_snap->class_names[*(const uint32_t *)a],
                rank_snap->class_names[*(const uint32_t *)b]);
}

static int by_id(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  uint64_t kx = ((uint64_t)class_rank[cmp_snap->cls[x]] << 32) | cmp_snap->nid[x];
  uint64_t ky = ((uint64_t)class_rank[cmp_snap->cls[y]] << 32) | cmp_snap->nid[y];
  return kx < ky ? -1 : kx > ky;
}

static int row_cmp(const void *a, const void *b) {
  const diff_row_t *x = a, *y = b;
  int64_t ax = x->delta_size < 0 ? -x->delta_size : x->delta_size;
  int64_t ay = y->delta_size < 0 ? -y->delta_size : y->delta_size;
  if (ax != ay) return ax > ay ? -1 : 1;
  return strcmp(x->name, y->name);
}

/* Counted nodes sorted by (class, id), with per-class ranges. */
static uint32_t *sorted_nodes(const heap_snap_t *s, uint32_t *k) {
  uint32_t *v = dr_malloc((size_t)s->n * 4 + 4);
  *k = 0;
  for (uint32_t i = 0; i < s->n; i++)
    if (heap_node_counted(s, i)) v[(*k)++] = i;
  /* rank classes by name so both snapshots walk classes in the same order */
  uint32_t *order = dr_malloc((size_t)s->nclasses * 4 + 4);
  class_rank = dr_malloc((size_t)s->nclasses * 4 + 4);
  for (uint32_t c = 0; c < s->nclasses; c++) order[c] = c;
  rank_snap = s;
  qsort(order, s->nclasses, 4, by_name);
  for (uint32_t c = 0; c < s->nclasses; c++) class_rank[order[c]] = c;
  free(order);
  cmp_snap = s;
  qsort(v, *k, 4, by_id);
  free(class_rank);
  class_rank = NULL;
  return v;
}

int cmd_diff(int argc, char **argv) {
  static const struct option lo[] = {HEAP_COMMON_OPTIONS,
                                     {"top", required_argument, 0, OPT_TOP},
                                     {"class", required_argument, 0, OPT_CLASS},
                                     {0, 0, 0, 0}};
  static const char usage[] =
      "usage: devrun-heap diff [options] BEFORE AFTER\n\n"
      "Per constructor, as DevTools' Comparison view: objects new in AFTER and\n"
      "deleted since BEFORE (matched by snapshot id), count and size deltas.\n\n"
      "  -n, --top N         only the N classes with the largest size change\n"
      "  --class RE          only classes matching RE\n" HEAP_COMMON_HELP
      "\nexamples:\n"
      "  devrun-heap diff before.heapsnapshot after.heapsnapshot\n"
      "  devrun-heap diff --json a.heapsnapshot b.heapsnapshot\n";
  struct heap_common c;
  struct list_opts o = {0};
  RUN_OPTS(2);
  if (compile_class(&o) < 0) return 2;
  heap_snap_t *a = heap_open(argv[first], c.rules),
              *b = a ? heap_open(argv[first + 1], c.rules) : NULL;
  if (!a || !b) {
    heap_snap_free(a);
    free_opts(&o);
    return 1;
  }
  uint32_t ka, kb;
  uint32_t *va = sorted_nodes(a, &ka), *vb = sorted_nodes(b, &kb);
  diff_row_t *rows = NULL;
  size_t nrows = 0, cap = 0;
  uint32_t i = 0, j = 0;
  while (i < ka || j < kb) {
    /* the next class by name from either side */
    const char *na = i < ka ? a->class_names[a->cls[va[i]]] : NULL;
    const char *nb = j < kb ? b->class_names[b->cls[vb[j]]] : NULL;
    const char *name = !na ? nb : !nb ? na : strcmp(na, nb) <= 0 ? na : nb;
    /* collect ranges of this class on each side (classes are grouped by
     * class index, so scan for the name) */
    if (nrows == cap) {
      cap = cap ? cap * 2 : 64;
      rows = dr_realloc(rows, cap * sizeof *rows);
    }
    diff_row_t *r = &rows[nrows++];
    memset(r, 0, sizeof *r);
    r->name = name;
    uint32_t ie = i, je = j;
    if (na && !strcmp(na, name))
      while (ie < ka && a->cls[va[ie]] == a->cls[va[i]]) ie++;
    if (nb && !strcmp(nb, name))
      while (je < kb && b->cls[vb[je]] == b->cls[vb[j]]) je++;
    uint32_t x = i, y = j;
    while (x < ie || y < je) {
      if (y >= je || (x < ie && a->nid[va[x]] < b->nid[vb[y]])) {
        r->removed++;
        r->removed_size += a->nself[va[x]];
        x++;
      } else if (x >= ie || b->nid[vb[y]] < a->nid[va[x]]) {
        r->added++;
        r->added_size += b->nself[vb[y]];
        y++;
      } else {
        x++;
        y++;
      }
    }
    r->delta_count = (int64_t)r->added - (int64_t)r->removed;
    r->delta_size = (int64_t)r->added_size - (int64_t)r->removed_size;
    if (!r->added && !r->removed) nrows--;
    i = ie;
    j = je;
  }
  if (nrows) qsort(rows, nrows, sizeof *rows, row_cmp);
  json_t *arr = c.json ? json_array() : NULL;
  if (!c.json)
    printf("%s%-40s %8s %8s %8s %12s %12s %12s%s\n", BOLD, "Constructor", "# New", "# Deleted",
           "# Delta", "Alloc. Size", "Freed Size", "Size Delta", RESET);
  uint64_t shown = 0;
  for (size_t r = 0; r < nrows; r++) {
    if (!class_ok(&o, rows[r].name)) continue;
    if (o.top && shown >= o.top) break;
    shown++;
    if (c.json) {
      json_t *x = json_object();
      json_object_set_new(x, "name", heap_json_str(rows[r].name));
      json_object_set_new(x, "new", json_integer((json_int_t)rows[r].added));
      json_object_set_new(x, "deleted", json_integer((json_int_t)rows[r].removed));
      json_object_set_new(x, "delta_count", json_integer(rows[r].delta_count));
      json_object_set_new(x, "added_size", json_integer((json_int_t)rows[r].added_size));
      json_object_set_new(x, "removed_size", json_integer((json_int_t)rows[r].removed_size));
      json_object_set_new(x, "delta_size", json_integer(rows[r].delta_size));
      json_array_append_new(arr, x);
    } else {
      char s1[32], s2[32], s3[32], s4[40];
      heap_fmt_size(rows[r].added_size, s1, sizeof s1);
      heap_fmt_size(rows[r].removed_size, s2, sizeof s2);
      heap_fmt_size((uint64_t)(rows[r].delta_size < 0 ? -rows[r].delta_size : rows[r].delta_size),
                    s3, sizeof s3);
      snprintf(s4, sizeof s4, "%c%s", rows[r].delta_size < 0 ? '-' : '+', s3);
      printf("%-40.40s %8llu %9llu %+8lld %12s %12s %12s\n", rows[r].name,
             (unsigned long long)rows[r].added, (unsigned long long)rows[r].removed,
             (long long)rows[r].delta_count, s1, s2, s4);
    }
  }
  if (c.json) {
    json_t *root = json_object();
    json_object_set_new(root, "classes", arr);
    heap_json_print(root);
  }
  free(rows);
  free(va);
  free(vb);
  free_opts(&o);
  heap_snap_free(a);
  heap_snap_free(b);
  return 0;
}
