/* cmd_analyses.c — the focused analyses over one snapshot: dups
 * (duplicated strings), closures (closures whose context retains a lot),
 * listeners (EventEmitters with many listeners) and info (what the file
 * holds).
 */
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "devrun/util.h"
#include "heap.h"
#include "opts.h"

#define BOLD heap_c("\033[1m")
#define DIM heap_c("\033[2m")
#define RESET heap_c("\033[0m")

struct an_opts {
  uint64_t top, min;
};

static int an_opt(struct an_opts *o, int opt, const char *arg) {
  switch (opt) {
    case OPT_TOP:
    case 'n':
      return heap_parse_uint("--top", arg, &o->top);
    case OPT_MIN:
      return heap_parse_uint("--min", arg, &o->min);
  }
  return -1;
}

static int an_parse(int argc, char **argv, const char *usage, struct heap_common *c,
                    struct an_opts *o) {
  static const struct option lo[] = {HEAP_COMMON_OPTIONS,
                                     {"top", required_argument, 0, OPT_TOP},
                                     {"min", required_argument, 0, OPT_MIN},
                                     {0, 0, 0, 0}};
  int opt;
  heap_common_init(c);
  optind = 1;
  opterr = 0;
  while ((opt = getopt_long(argc, argv, "hn:", lo, NULL)) != -1) {
    if (opt == 'h') {
      fputs(usage, stdout);
      return -2;
    }
    if (opt == '?') {
      dr_error("%s: unknown option or missing value '%s' (see --help)", argv[0], argv[optind - 1]);
      return -1;
    }
    int r = heap_common_opt(c, opt, optarg);
    if (r < 0 || (r == 0 && an_opt(o, opt, optarg) < 0)) return -1;
  }
  if (argc - optind != 1) {
    dr_error("%s: expected 1 file (see devrun-heap %s --help)", argv[0], argv[0]);
    return -1;
  }
  return optind;
}

#define AN_BEGIN(defaults)                          \
  struct heap_common c;                             \
  struct an_opts o = defaults;                      \
  int first = an_parse(argc, argv, usage, &c, &o);  \
  if (first == -2) return 0;                        \
  if (first < 0) return 2;                          \
  heap_snap_t *s = heap_open(argv[first], c.rules); \
  if (!s) return 1;

static const heap_snap_t *sort_s;

/* ---------------- dups ---------------- */

typedef struct dup_s {
  uint32_t str;
  uint64_t count, total, largest;
} dup_t;

static int dup_cmp(const void *a, const void *b) {
  const dup_t *x = a, *y = b;
  uint64_t wx = x->total - x->largest, wy = y->total - y->largest;
  if (wx != wy) return wx > wy ? -1 : 1;
  return x->str < y->str ? -1 : x->str > y->str;
}

int cmd_dups(int argc, char **argv) {
  static const char usage[] =
      "usage: devrun-heap dups [options] SNAPSHOT\n\n"
      "Strings with the same content stored more than once, ranked by the\n"
      "memory the extra copies waste (total minus the largest copy).\n\n"
      "  -n, --top N         how many strings (default 20)\n"
      "  --min N             only strings stored at least N times (default 2)\n" HEAP_COMMON_HELP
      "\nexamples:\n"
      "  devrun-heap dups app.heapsnapshot\n"
      "  devrun-heap dups --min 100 --json app.heapsnapshot\n";
  AN_BEGIN(((struct an_opts){.top = 20, .min = 2}));
  dup_t *d = dr_calloc((size_t)s->nstrings + 1, sizeof *d);
  uint32_t *canon = heap_canonical_strings(s);
  for (uint32_t i = 0; i < s->n; i++) {
    if (s->ntype[i] != s->t.string) continue;
    dup_t *x = &d[canon[s->nname[i]]];
    x->str = canon[s->nname[i]];
    x->count++;
    x->total += s->nself[i];
    if (s->nself[i] > x->largest) x->largest = s->nself[i];
  }
  size_t k = 0;
  uint64_t wasted = 0;
  for (uint32_t i = 0; i < s->nstrings; i++)
    if (d[i].count >= (o.min < 2 ? 2 : o.min)) {
      wasted += d[i].total - d[i].largest;
      d[k++] = d[i];
    }
  sort_s = s;
  qsort(d, k, sizeof *d, dup_cmp);
  json_t *arr = c.json ? json_array() : NULL;
  char w[32];
  heap_fmt_size(wasted, w, sizeof w);
  if (!c.json)
    printf("%s%zu duplicated strings waste %s%s\n\n%s%8s %12s %12s  %s%s\n", BOLD, k, w, RESET,
           BOLD, "Copies", "Total", "Wasted", "Value", RESET);
  for (size_t i = 0; i < k && i < o.top; i++) {
    const char *v = heap_str(s, d[i].str);
    if (c.json) {
      json_t *x = json_object();
      json_object_set_new(x, "value", heap_json_str(v));
      json_object_set_new(x, "count", json_integer((json_int_t)d[i].count));
      json_object_set_new(x, "self_size", json_integer((json_int_t)d[i].total));
      json_object_set_new(x, "wasted_size", json_integer((json_int_t)(d[i].total - d[i].largest)));
      json_array_append_new(arr, x);
    } else {
      char t[32], ws[32];
      heap_fmt_size(d[i].total, t, sizeof t);
      heap_fmt_size(d[i].total - d[i].largest, ws, sizeof ws);
      /* one line, control characters shown as '.' */
      char line[64];
      size_t n = 0;
      for (const char *p = v; *p && n < 60; p++) line[n++] = (unsigned char)*p < 0x20 ? '.' : *p;
      line[n] = 0;
      printf("%8llu %12s %12s  \"%s%s\"\n", (unsigned long long)d[i].count, t, ws, line,
             strlen(v) > 60 ? "…" : "");
    }
  }
  if (c.json) {
    json_t *root = json_object();
    json_object_set_new(root, "total_wasted", json_integer((json_int_t)wasted));
    json_object_set_new(root, "strings", arr);
    heap_json_print(root);
  }
  free(d);
  free(canon);
  heap_snap_free(s);
  return 0;
}

/* ---------------- closures ---------------- */

typedef struct clo_s {
  uint32_t fn, ctx;
} clo_t;

static int clo_cmp(const void *a, const void *b) {
  const clo_t *x = a, *y = b;
  if (sort_s->retained[x->ctx] != sort_s->retained[y->ctx])
    return sort_s->retained[x->ctx] > sort_s->retained[y->ctx] ? -1 : 1;
  return sort_s->nid[x->fn] < sort_s->nid[y->fn] ? -1 : sort_s->nid[x->fn] > sort_s->nid[y->fn];
}

int cmd_closures(int argc, char **argv) {
  static const char usage[] =
      "usage: devrun-heap closures [options] SNAPSHOT\n\n"
      "Closures whose context (the captured variables) retains the most memory,\n"
      "with the captured variable names.\n\n"
      "  -n, --top N         how many closures (default 20)\n"
      "  --min BYTES         only contexts retaining at least BYTES (default 0)\n" HEAP_COMMON_HELP
      "\nexamples:\n"
      "  devrun-heap closures app.heapsnapshot\n"
      "  devrun-heap closures --min 1048576 --json app.heapsnapshot\n";
  AN_BEGIN(((struct an_opts){.top = 20, .min = 0}));
  clo_t *v = dr_malloc(sizeof *v * ((size_t)s->n + 1));
  size_t k = 0;
  for (uint32_t i = 0; i < s->n; i++) {
    if (s->ntype[i] != s->t.closure) continue;
    for (uint32_t e = s->first_edge[i]; e < s->first_edge[i + 1]; e++)
      if (s->etype[e] == s->t.e_internal && !strcmp(heap_str(s, s->ename[e]), "context")) {
        if (s->retained[s->eto[e]] >= o.min && s->dist[i] != HEAP_NO_DISTANCE)
          v[k++] = (clo_t){i, s->eto[e]};
        break;
      }
  }
  sort_s = s;
  qsort(v, k, sizeof *v, clo_cmp);
  json_t *arr = c.json ? json_array() : NULL;
  if (!c.json)
    printf("%s%-32s %-11s %-11s %12s  %s%s\n", BOLD, "Closure", "id", "context", "Ctx retained",
           "Captured variables", RESET);
  dr_buf_t b = DR_BUF_INIT;
  for (size_t i = 0; i < k && i < o.top; i++) {
    uint32_t fn = v[i].fn, ctx = v[i].ctx;
    json_t *vars = c.json ? json_array() : NULL;
    dr_buf_reset(&b);
    int nv = 0;
    for (uint32_t e = s->first_edge[ctx]; e < s->first_edge[ctx + 1]; e++)
      if (s->etype[e] == s->t.e_context) {
        const char *nm = heap_str(s, s->ename[e]);
        if (vars)
          json_array_append_new(vars, heap_json_str(nm));
        else if (nv < 8)
          dr_buf_addf(&b, "%s%s", nv ? ", " : "", nm);
        nv++;
      }
    if (!vars && nv > 8) dr_buf_addf(&b, ", … (%d)", nv);
    const char *name = heap_node_name(s, fn);
    if (c.json) {
      json_t *x = json_object();
      json_object_set_new(x, "id", json_integer(s->nid[fn]));
      json_object_set_new(x, "name", heap_json_str(*name ? name : "(anonymous)"));
      json_object_set_new(x, "retained_size", json_integer((json_int_t)s->retained[fn]));
      json_object_set_new(x, "context_id", json_integer(s->nid[ctx]));
      json_object_set_new(x, "context_retained_size", json_integer((json_int_t)s->retained[ctx]));
      json_object_set_new(x, "variables", vars);
      json_array_append_new(arr, x);
    } else {
      char r[32];
      heap_fmt_size(s->retained[ctx], r, sizeof r);
      printf("%-32.32s @%-10u @%-10u %12s  %s\n", *name ? name : "(anonymous)", s->nid[fn],
             s->nid[ctx], r, b.buf);
    }
  }
  dr_buf_release(&b);
  if (c.json) {
    json_t *root = json_object();
    json_object_set_new(root, "closures", arr);
    heap_json_print(root);
  }
  free(v);
  heap_snap_free(s);
  return 0;
}

/* ---------------- listeners ---------------- */

typedef struct em_s {
  uint32_t o, events;
  uint64_t listeners;
} em_t;

static int em_cmp(const void *a, const void *b) {
  const em_t *x = a, *y = b;
  if (x->listeners != y->listeners) return x->listeners > y->listeners ? -1 : 1;
  return sort_s->nid[x->o] < sort_s->nid[y->o] ? -1 : sort_s->nid[x->o] > sort_s->nid[y->o];
}

/* Listeners stored under one event: a function, or an array of them. */
static uint64_t count_listeners(const heap_snap_t *s, uint32_t v) {
  if (s->ntype[v] == s->t.closure) return 1;
  if (s->ntype[v] == s->t.object && !strcmp(heap_node_name(s, v), "Array")) {
    /* JS arrays keep elements in an internal "elements" backing store */
    for (uint32_t e = s->first_edge[v]; e < s->first_edge[v + 1]; e++)
      if (!strcmp(heap_edge_named(s, e) ? heap_str(s, s->ename[e]) : "", "elements")) {
        uint64_t n = 0;
        uint32_t st = s->eto[e];
        for (uint32_t f = s->first_edge[st]; f < s->first_edge[st + 1]; f++)
          n += s->ntype[s->eto[f]] == s->t.closure;
        return n;
      }
    uint64_t n = 0;
    for (uint32_t e = s->first_edge[v]; e < s->first_edge[v + 1]; e++)
      n += s->etype[e] == s->t.e_element && s->ntype[s->eto[e]] == s->t.closure;
    return n;
  }
  return 0;
}

int cmd_listeners(int argc, char **argv) {
  static const char usage[] =
      "usage: devrun-heap listeners [options] SNAPSHOT\n\n"
      "EventEmitters (objects with an _events table) holding many listeners —\n"
      "the classic leak of adding a listener per request.\n\n"
      "  -n, --top N         how many emitters (default 20)\n"
      "  --min N             only emitters with at least N listeners (default "
      "10)\n" HEAP_COMMON_HELP
      "\nexamples:\n"
      "  devrun-heap listeners app.heapsnapshot\n"
      "  devrun-heap listeners --min 1 --json app.heapsnapshot\n";
  AN_BEGIN(((struct an_opts){.top = 20, .min = 10}));
  em_t *v = dr_malloc(sizeof *v * ((size_t)s->n + 1));
  size_t k = 0;
  for (uint32_t i = 0; i < s->n; i++) {
    if (s->ntype[i] != s->t.object) continue;
    for (uint32_t e = s->first_edge[i]; e < s->first_edge[i + 1]; e++) {
      if (s->etype[e] != s->t.e_property || strcmp(heap_str(s, s->ename[e]), "_events")) continue;
      uint32_t ev = s->eto[e];
      uint64_t total = 0;
      for (uint32_t f = s->first_edge[ev]; f < s->first_edge[ev + 1]; f++)
        if (s->etype[f] == s->t.e_property && strcmp(heap_str(s, s->ename[f]), "__proto__"))
          total += count_listeners(s, s->eto[f]);
      if (total >= o.min && total > 0) v[k++] = (em_t){i, ev, total};
      break;
    }
  }
  sort_s = s;
  qsort(v, k, sizeof *v, em_cmp);
  json_t *arr = c.json ? json_array() : NULL;
  if (!c.json)
    printf("%s%-32s %-11s %9s  %s%s\n", BOLD, "Emitter", "id", "Listeners", "Events", RESET);
  dr_buf_t b = DR_BUF_INIT;
  for (size_t i = 0; i < k && i < o.top; i++) {
    json_t *evs = c.json ? json_array() : NULL;
    dr_buf_reset(&b);
    int ne = 0;
    for (uint32_t f = s->first_edge[v[i].events]; f < s->first_edge[v[i].events + 1]; f++) {
      if (s->etype[f] != s->t.e_property || !strcmp(heap_str(s, s->ename[f]), "__proto__"))
        continue;
      uint64_t n = count_listeners(s, s->eto[f]);
      if (!n) continue;
      if (evs) {
        json_t *x = json_object();
        json_object_set_new(x, "event", heap_json_str(heap_str(s, s->ename[f])));
        json_object_set_new(x, "listeners", json_integer((json_int_t)n));
        json_array_append_new(evs, x);
      } else if (ne < 6) {
        dr_buf_addf(&b, "%s%s×%llu", ne ? ", " : "", heap_str(s, s->ename[f]),
                    (unsigned long long)n);
      }
      ne++;
    }
    if (c.json) {
      json_t *x = json_object();
      json_object_set_new(x, "id", json_integer(s->nid[v[i].o]));
      json_object_set_new(x, "name", heap_json_str(heap_class_name(s, v[i].o)));
      json_object_set_new(x, "listeners", json_integer((json_int_t)v[i].listeners));
      json_object_set_new(x, "retained_size", json_integer((json_int_t)s->retained[v[i].o]));
      json_object_set_new(x, "events", evs);
      json_array_append_new(arr, x);
    } else {
      printf("%-32.32s @%-10u %9llu  %s\n", heap_class_name(s, v[i].o), s->nid[v[i].o],
             (unsigned long long)v[i].listeners, b.buf);
    }
  }
  dr_buf_release(&b);
  if (c.json) {
    json_t *root = json_object();
    json_object_set_new(root, "emitters", arr);
    heap_json_print(root);
  } else if (k == 0) {
    printf("%sno EventEmitter with %llu or more listeners%s\n", DIM, (unsigned long long)o.min,
           RESET);
  }
  free(v);
  heap_snap_free(s);
  return 0;
}

/* ---------------- info ---------------- */

int cmd_info(int argc, char **argv) {
  static const char usage[] =
      "usage: devrun-heap info [options] SNAPSHOT\n\n"
      "Node/edge/string counts, the type lists from snapshot.meta and the total\n"
      "reachable size.\n\n" HEAP_COMMON_HELP "\nexamples:\n  devrun-heap info app.heapsnapshot\n";
  AN_BEGIN(((struct an_opts){0}));
  uint64_t unreachable = 0;
  for (uint32_t i = 0; i < s->n; i++) unreachable += s->dist[i] == HEAP_NO_DISTANCE;
  if (c.json) {
    json_t *x = json_object(), *nt = json_array(), *et = json_array();
    for (int i = 0; i < s->n_node_types; i++)
      json_array_append_new(nt, heap_json_str(s->node_types[i]));
    for (int i = 0; i < s->n_edge_types; i++)
      json_array_append_new(et, heap_json_str(s->edge_types[i]));
    json_object_set_new(x, "file_size", json_integer((json_int_t)s->file_size));
    json_object_set_new(x, "node_count", json_integer(s->n));
    json_object_set_new(x, "edge_count", json_integer(s->m));
    json_object_set_new(x, "string_count", json_integer(s->nstrings));
    json_object_set_new(x, "total_size", json_integer((json_int_t)s->retained[s->root]));
    json_object_set_new(x, "unreachable_nodes", json_integer((json_int_t)unreachable));
    json_object_set_new(x, "node_types", nt);
    json_object_set_new(x, "edge_types", et);
    heap_json_print(x);
  } else {
    char t[32];
    heap_fmt_size(s->retained[s->root], t, sizeof t);
    printf(
        "file          %s (%llu bytes)\nnodes         %u\nedges         %u\nstrings       %u\n"
        "total size    %s\nunreachable   %llu nodes\nnode types   ",
        s->path, (unsigned long long)s->file_size, s->n, s->m, s->nstrings, t,
        (unsigned long long)unreachable);
    for (int i = 0; i < s->n_node_types; i++)
      printf(" %s%s", s->node_types[i], i + 1 < s->n_node_types ? "," : "\n");
    printf("edge types   ");
    for (int i = 0; i < s->n_edge_types; i++)
      printf(" %s%s", s->edge_types[i], i + 1 < s->n_edge_types ? "," : "\n");
  }
  heap_snap_free(s);
  return 0;
}
