/* heap.h — the internal header of devrun-heap (heap/), prototypes grouped by
 * file.  A snapshot is loaded by snapshot.c into compact structure-of-arrays
 * form (one array per node field, one per edge field, strings interned once
 * in a pool), graph.c derives the retainer index, distances, the dominator
 * tree and retained sizes exactly as Chrome DevTools does, and the cmd_*.c
 * files turn that into tables, JSON and HTML.  Node "ordinals" (0..n-1) are
 * 32-bit; byte offsets and string-pool offsets are 64-bit, so files over
 * 4 GB and graphs over 2^24 nodes load fine.
 */
#ifndef DEVRUN_HEAP_H
#define DEVRUN_HEAP_H

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>

#include "devrun/buf.h"

#define HEAP_NONE UINT32_MAX

/* Rule sets for the dominator tree (graph.c).  DEVTOOLS is the default. */
enum heap_rules { HEAP_RULES_DEVTOOLS = 0, HEAP_RULES_MEMLAB = 1 };

/* Node-type roles resolved by name from snapshot.meta (-1 when absent). */
typedef struct heap_types_s {
  int hidden, array, string, object, code, closure, regexp, number, native, synthetic, cons_string,
      sliced_string, symbol, bigint;
  int e_context, e_element, e_property, e_internal, e_hidden, e_shortcut, e_weak;
} heap_types_t;

typedef struct heap_snap_s {
  char *path;
  uint64_t file_size;
  /* meta */
  char **node_types;
  int n_node_types;
  char **edge_types;
  int n_edge_types;
  heap_types_t t;
  uint32_t root; /* ordinal of the root (snapshot.root_index / stride) */
  /* nodes (n of them) */
  uint32_t n;
  uint8_t *ntype;
  uint32_t *nname;
  uint32_t *nid;
  uint64_t *nself;
  uint32_t *first_edge; /* n + 1 entries; edge_count during parsing */
  uint8_t *ndetached;   /* NULL when meta has no detachedness */
  /* edges (m of them) */
  uint32_t m;
  uint8_t *etype;
  uint32_t *ename; /* string index, or the element/hidden index */
  uint32_t *eto;   /* target ordinal */
  /* locations (may be absent): script, line, column per entry */
  uint32_t *loc, *loc_node, nlocs;
  uint32_t *nloc; /* per node: location entry or HEAP_NONE; NULL if none */
  /* strings */
  char *pool;     /* each string NUL-terminated */
  uint64_t *soff; /* nstrings + 1 offsets into pool */
  uint32_t nstrings;
  /* derived by heap_graph_build() */
  uint32_t *first_ret; /* n + 1 */
  uint32_t *ret_edge;  /* m: edge index; source node in ret_node */
  uint32_t *ret_node;
  uint8_t *flags; /* HEAP_FLAG_* */
  int32_t *dist;  /* DevTools distances; HEAP_NO_DISTANCE if unreachable */
  uint32_t *dom;  /* immediate dominator ordinal */
  uint64_t *retained;
  uint32_t *first_dominated; /* n + 1 */
  uint32_t *dominated;
  uint32_t *cls;      /* class index per node */
  char **class_names; /* nclasses entries, borrowed from names_v */
  uint32_t nclasses;
  char **names_v; /* owned class-name strings */
  uint32_t names_n;
  enum heap_rules rules;
} heap_snap_t;

#define HEAP_FLAG_PAGE 1
#define HEAP_NO_DISTANCE (-5)
#define HEAP_SYSTEM_DISTANCE 100000000

/* ---- snapshot.c: loading ---- */
/* Loads path; on failure returns a negative DR_E* code and puts a message
 * (with the byte offset where relevant) in err.  *out is the caller's
 * (heap_snap_free). */
int heap_snap_load(const char *path, heap_snap_t **out, dr_buf_t *err);
/* The same over a memory buffer (fuzzing, tests); data need not be
 * NUL-terminated. */
int heap_snap_parse(const char *data, uint64_t len, heap_snap_t **out, dr_buf_t *err);
void heap_snap_free(heap_snap_t *s);
static inline const char *heap_str(const heap_snap_t *s, uint32_t i) {
  return i < s->nstrings ? s->pool + s->soff[i] : "";
}
static inline const char *heap_node_name(const heap_snap_t *s, uint32_t o) {
  return heap_str(s, s->nname[o]);
}
static inline const char *heap_node_type(const heap_snap_t *s, uint32_t o) {
  return s->node_types[s->ntype[o]];
}
static inline int heap_edge_named(const heap_snap_t *s, uint32_t e) {
  return s->etype[e] != s->t.e_element && s->etype[e] != s->t.e_hidden;
}

/* ---- graph.c: DevTools' derived data ---- */
/* Builds retainers, flags, distances, dominators, retained sizes and
 * classes.  Returns 0 or a negative DR_E* with a message in err. */
int heap_graph_build(heap_snap_t *s, enum heap_rules rules, dr_buf_t *err);
/* Prints the time since the last phase with DEVRUN_HEAP_TIMING set. */
void heap_phase(const char *name);
/* Appends the edge's name as DevTools prints it ("foo", "[3]"). */
void heap_edge_label(const heap_snap_t *s, uint32_t e, dr_buf_t *out);
/* Whether DevTools skips this edge when computing distances/paths. */
int heap_edge_is_weak(const heap_snap_t *s, uint32_t e);

/* ---- classes.c: class names and per-class aggregates ---- */
typedef struct heap_class_agg_s {
  uint32_t cls;
  uint64_t count;
  uint64_t self_size;
  uint64_t retained_size;
  int32_t distance;
} heap_class_agg_t;
void heap_classes_build(heap_snap_t *s);
static inline const char *heap_class_name(const heap_snap_t *s, uint32_t o) {
  return s->class_names[s->cls[o]];
}
/* Returns an array of nclasses aggregates (caller frees), sorted by retained
 * size descending then name; *count receives how many have count > 0. */
heap_class_agg_t *heap_classes_aggregate(const heap_snap_t *s, uint32_t *count);
/* Maps each string index to the first index with the same content (the
 * strings table may repeat a content); caller frees. */
uint32_t *heap_canonical_strings(const heap_snap_t *s);
/* Whether DevTools counts the node in aggregates (self size > 0). */
int heap_node_counted(const heap_snap_t *s, uint32_t o);

/* ---- paths.c: retainer paths ---- */
/* Shortest path from a GC root to o, DevTools style (follows the distances
 * down, skipping weak edges).  Fills edges[] from the root side outwards
 * with edge indexes; returns the length (0 if o is unreachable), at most max. */
int heap_path_to(const heap_snap_t *s, uint32_t o, uint32_t *edges, int max);
uint32_t heap_edge_source(const heap_snap_t *s, uint32_t e);
/* "(GC roots) > global > foo > [3]" style rendering, appended to out. */
void heap_path_format(const heap_snap_t *s, const uint32_t *edges, int len, dr_buf_t *out);
json_t *heap_path_json(const heap_snap_t *s, const uint32_t *edges, int len);
/* Finds the ordinal with the given id (binary search if ids ascend, else a
 * scan); HEAP_NONE if absent. */
uint32_t heap_find_id(const heap_snap_t *s, uint32_t id);

/* ---- output.c: sizes, tables, colors ---- */
extern int heap_color;
void heap_fmt_size(uint64_t bytes, char *buf, size_t len);
const char *heap_c(const char *code); /* "" unless colors are on */
/* Prints v as JSON to stdout (pretty, sorted keys off); steals v. */
int heap_json_print(json_t *v);
json_t *heap_json_str(const char *s);
int heap_tty_width(void);

/* ---- progress.c: a progress bar on stderr when it is a TTY ---- */
void heap_progress_begin(const char *what, uint64_t total);
void heap_progress_set(uint64_t done);
void heap_progress_end(void);
int heap_progress_enabled(void);

/* ---- gctrace.c: GC trace parsing and statistics ---- */
typedef struct heap_gc_event_s {
  char type[24]; /* scavenge, mark-compact, minor-mark-sweep, ... */
  double start_ms;
  double duration_ms;
  double before_used, after_used; /* bytes, -1 if unknown */
  double before_committed, after_committed;
  double old_after;    /* bytes of old space after, -1 if unknown */
  double external;     /* bytes, -1 if unknown */
  double mutator_util; /* "current mu", -1 if unknown */
} heap_gc_event_t;
typedef struct heap_gc_trace_s {
  heap_gc_event_t *ev;
  size_t n, alloc;
  int format;     /* 1 trace-gc, 2 trace-gc-nvp, 3 json lines */
  size_t skipped; /* lines not understood */
} heap_gc_trace_t;
/* Parses a whole trace; returns 0 or a negative DR_E* with message. */
int heap_gc_parse(const char *data, size_t len, heap_gc_trace_t *t, dr_buf_t *err);
void heap_gc_release(heap_gc_trace_t *t);
/* Statistics as JSON (the `gc --json` output); caller owns. */
json_t *heap_gc_stats(const heap_gc_trace_t *t);

/* ---- leaks.c: memlab's three-snapshot method ---- */
/* The ids of a snapshot, kept after the snapshot itself is freed, so the
 * three-snapshot search holds one graph at a time. */
typedef struct heap_idset_s heap_idset_t;
heap_idset_t *heap_idset_new(const heap_snap_t *s);
int heap_idset_has(const heap_idset_t *set, uint32_t id);
void heap_idset_free(heap_idset_t *set);
json_t *heap_leaks_find(const heap_idset_t *base, const heap_idset_t *target, heap_snap_t *final,
                        int max_groups, uint64_t min_size);

/* ---- commands (cmd_*.c) ---- */
int cmd_summary(int argc, char **argv);
int cmd_top(int argc, char **argv);
int cmd_retainers(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_leaks(int argc, char **argv);
int cmd_dups(int argc, char **argv);
int cmd_closures(int argc, char **argv);
int cmd_listeners(int argc, char **argv);
int cmd_gc(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_info(int argc, char **argv);
/* Loads a snapshot only for its ids (no graph), reporting errors itself. */
heap_idset_t *heap_open_ids(const char *path);
/* Loads and analyses one snapshot, reporting errors itself; NULL on error. */
heap_snap_t *heap_open(const char *path, enum heap_rules rules);

#endif
