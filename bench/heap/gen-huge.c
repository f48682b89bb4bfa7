/* gen-huge.c — writes a synthetic V8-format heap snapshot of any size, fast,
 * to check devrun-heap on graphs Node cannot produce quickly: more than 2^24
 * nodes and files over 4 GB (where DevTools and memlab fail).
 *
 *   cc -O2 -o gen-huge bench/heap/gen-huge.c && ./gen-huge OUT.heapsnapshot NODES
 *
 * The graph: the root, a shortcut edge to `global`, and a chain of NODES
 * `Item` objects of 32 bytes (global --first--> Item --next--> Item ...),
 * every 1000th Item also pointing at a shared 64-byte string.  Expected:
 * class Item has count NODES, shallow 32*NODES, retained 32*NODES + 64; the
 * dominator tree is a path NODES deep (the algorithms must not recurse).
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: gen-huge OUT NODES\n");
    return 2;
  }
  unsigned long long n = strtoull(argv[2], NULL, 10), total = n + 3; /* root, global, string */
  FILE *f = fopen(argv[1], "w");
  if (!f) return 1;
  static char buf[1 << 20];
  setvbuf(f, buf, _IOFBF, sizeof buf);
  fprintf(f,
          "{\"snapshot\":{\"meta\":{\"node_fields\":[\"type\",\"name\",\"id\",\"self_size\",\"edge_"
          "count\",\"trace_node_id\",\"detachedness\"],"
          "\"node_types\":[[\"hidden\",\"array\",\"string\",\"object\",\"code\",\"closure\","
          "\"regexp\",\"number\",\"native\",\"synthetic\","
          "\"concatenated string\",\"sliced string\",\"symbol\",\"bigint\",\"object shape\",\"wasm "
          "object\"],\"string\",\"number\",\"number\",\"number\",\"number\",\"number\"],"
          "\"edge_fields\":[\"type\",\"name_or_index\",\"to_node\"],\"edge_types\":[[\"context\","
          "\"element\",\"property\",\"internal\",\"hidden\",\"shortcut\",\"weak\"],\"string_or_"
          "number\",\"node\"],"
          "\"location_fields\":[\"object_index\",\"script_id\",\"line\",\"column\"]},\"node_"
          "count\":%llu,\"edge_count\":0,\"trace_function_count\":0},\n\"nodes\":[",
          total);
  /* 0 root, 1 global, 2 string, 3.. items; ids: odd numbers */
  fprintf(f, "9,1,1,0,1,0,0\n,3,2,3,16,1,0,0\n,2,3,5,64,0,0,0");
  for (unsigned long long i = 0; i < n; i++) {
    unsigned edges = (i + 1 < n) + (i % 1000 == 0);
    fprintf(f, "\n,3,4,%llu,32,%u,0,0", 7 + 2 * i, edges);
  }
  fprintf(f, "],\n\"edges\":[5,5,7\n,2,6,21");
  for (unsigned long long i = 0; i < n; i++) {
    if (i + 1 < n) fprintf(f, "\n,2,7,%llu", (i + 4) * 7);
    if (i % 1000 == 0) fprintf(f, "\n,2,8,14");
  }
  fprintf(f,
          "],\n\"trace_function_infos\":[],\"trace_tree\":[],\"samples\":[],\"locations\":[],\n"
          "\"strings\":[\"<dummy>\",\"\",\"global\",\"%s\",\"Item\",\"global\",\"first\",\"next\","
          "\"label\"]}\n",
          "0123456789012345678901234567890123456789012345678901234567890123");
  return fclose(f) ? 1 : 0;
}
