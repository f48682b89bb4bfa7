/* paths.c — retainer paths as DevTools shows them: from the node back to the
 * GC roots along the shortest route (the BFS distances of graph.c), never
 * through weak edges, then printed root first:
 *
 *   global --cache--> Map @41 --table--> (system) @43 --[7]--> Session @97
 */
#include <stdlib.h>
#include <string.h>

#include "devrun/util.h"
#include "heap.h"

int heap_path_to(const heap_snap_t *s, uint32_t o, uint32_t *edges, int max) {
  int len = 0;
  uint32_t x = o;
  if (s->dist[o] == HEAP_NO_DISTANCE) return 0;
  while (x != s->root && len < max) {
    uint32_t best_e = HEAP_NONE, best_src = HEAP_NONE;
    int32_t best_d = INT32_MAX;
    for (uint32_t k = s->first_ret[x]; k < s->first_ret[x + 1]; k++) {
      uint32_t e = s->ret_edge[k], src = s->ret_node[k];
      if (heap_edge_is_weak(s, e) || src == x) continue;
      int32_t d = src == s->root ? -1 : s->dist[src];
      if (d == HEAP_NO_DISTANCE || (src != s->root && d >= s->dist[x])) continue;
      if (d < best_d) {
        best_d = d;
        best_e = e;
        best_src = src;
      }
    }
    if (best_e == HEAP_NONE) break;
    edges[len++] = best_e;
    x = best_src;
  }
  /* reverse: root side first */
  for (int i = 0; i < len / 2; i++) {
    uint32_t t = edges[i];
    edges[i] = edges[len - 1 - i];
    edges[len - 1 - i] = t;
  }
  return len;
}

static void node_label(const heap_snap_t *s, uint32_t o, dr_buf_t *out) {
  const char *cls = heap_class_name(s, o);
  if (s->ntype[o] == s->t.closure || s->ntype[o] == s->t.string) {
    const char *nm = heap_node_name(s, o);
    size_t n = strlen(nm);
    if (s->ntype[o] == s->t.string)
      dr_buf_addf(out, "%s \"%.*s%s\"", cls, n > 40 ? 40 : (int)n, nm, n > 40 ? "…" : "");
    else
      dr_buf_addf(out, "%s %s()", cls, *nm ? nm : "(anonymous)");
  } else if (s->ntype[o] == s->t.synthetic && *heap_node_name(s, o)) {
    dr_buf_adds(out, heap_node_name(s, o)); /* "(GC roots)", "(Handle scope)" */
  } else {
    dr_buf_adds(out, cls);
  }
  dr_buf_addf(out, " @%u", s->nid[o]);
}

void heap_path_format(const heap_snap_t *s, const uint32_t *edges, int len, dr_buf_t *out) {
  if (len == 0) {
    dr_buf_adds(out, "(no path from the GC roots)");
    return;
  }
  uint32_t first = heap_edge_source(s, edges[0]);
  int i = 0;
  if (first == s->root) {
    /* The root's edge leads to a GC-roots group or a user root: start there. */
    node_label(s, s->eto[edges[0]], out);
    i = 1;
  } else {
    node_label(s, first, out);
  }
  for (; i < len; i++) {
    dr_buf_adds(out, " --");
    heap_edge_label(s, edges[i], out);
    dr_buf_adds(out, "--> ");
    node_label(s, s->eto[edges[i]], out);
  }
}

json_t *heap_path_json(const heap_snap_t *s, const uint32_t *edges, int len) {
  json_t *a = json_array();
  dr_buf_t b = DR_BUF_INIT;
  for (int i = 0; i < len; i++) {
    uint32_t e = edges[i], to = s->eto[e];
    json_t *h = json_object();
    dr_buf_reset(&b);
    heap_edge_label(s, e, &b);
    json_object_set_new(h, "edge", heap_json_str(b.buf));
    json_object_set_new(h, "edge_type", json_string(s->edge_types[s->etype[e]]));
    json_object_set_new(h, "id", json_integer(s->nid[to]));
    json_object_set_new(h, "name", heap_json_str(heap_class_name(s, to)));
    json_object_set_new(h, "type", json_string(heap_node_type(s, to)));
    json_array_append_new(a, h);
  }
  dr_buf_release(&b);
  return a;
}

uint32_t heap_find_id(const heap_snap_t *s, uint32_t id) {
  for (uint32_t o = 0; o < s->n; o++)
    if (s->nid[o] == id) return o;
  return HEAP_NONE;
}
