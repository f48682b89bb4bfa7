/* heap_test.h — helpers shared by the heap unit tests: a Node-20-shaped
 * snapshot written from a compact description, parsed and analysed. */
#ifndef DEVRUN_HEAP_TEST_H
#define DEVRUN_HEAP_TEST_H

#include <string.h>

#include "devrun/buf.h"
#include "heap.h"

#define NODE20_META                                                                        \
  "{\"meta\":{\"node_fields\":[\"type\",\"name\",\"id\",\"self_size\",\"edge_count\","     \
  "\"trace_node_id\",\"detachedness\"],\"node_types\":[[\"hidden\",\"array\",\"string\","  \
  "\"object\",\"code\",\"closure\",\"regexp\",\"number\",\"native\",\"synthetic\","        \
  "\"concatenated string\",\"sliced string\",\"symbol\",\"bigint\",\"object shape\","      \
  "\"wasm object\"],\"string\",\"number\",\"number\",\"number\",\"number\",\"number\"],"   \
  "\"edge_fields\":[\"type\",\"name_or_index\",\"to_node\"],\"edge_types\":[[\"context\"," \
  "\"element\",\"property\",\"internal\",\"hidden\",\"shortcut\",\"weak\"],"               \
  "\"string_or_number\",\"node\"],\"location_fields\":[\"object_index\",\"script_id\","    \
  "\"line\",\"column\"]},\"node_count\":0,\"edge_count\":0,\"trace_function_count\":0}"

/* node types (Node 20 order) */
enum {
  T_HIDDEN,
  T_ARRAY,
  T_STRING,
  T_OBJECT,
  T_CODE,
  T_CLOSURE,
  T_REGEXP,
  T_NUMBER,
  T_NATIVE,
  T_SYNTHETIC
};
/* edge types */
enum { E_CONTEXT, E_ELEMENT, E_PROPERTY, E_INTERNAL, E_HIDDEN, E_SHORTCUT, E_WEAK };

static inline heap_snap_t *test_parse(const char *json, enum heap_rules rules) {
  dr_buf_t err = DR_BUF_INIT;
  heap_snap_t *s = NULL;
  int rc = heap_snap_parse(json, strlen(json), &s, &err);
  if (rc < 0) {
    fprintf(stderr, "parse: %s\n", err.buf);
    dr_buf_release(&err);
    return NULL;
  }
  rc = heap_graph_build(s, rules, &err);
  if (rc < 0) {
    fprintf(stderr, "graph: %s\n", err.buf);
    heap_snap_free(s);
    s = NULL;
  }
  dr_buf_release(&err);
  return s;
}

static inline int test_parse_error(const char *json, size_t len, dr_buf_t *err) {
  heap_snap_t *s = NULL;
  dr_buf_reset(err);
  int rc = heap_snap_parse(json, len, &s, err);
  heap_snap_free(s);
  return rc;
}

#endif
