/* sourcemap.h — source maps (v3) for the debugger (sourcemap.c). */
#ifndef DEVRUN_REPL_SOURCEMAP_H
#define DEVRUN_REPL_SOURCEMAP_H

#include <stddef.h>

typedef struct repl_srcmap_s repl_srcmap_t;

/* Parses a source map; DR_EFORMAT when it is not one.  *out is freed with
 * repl_srcmap_free(). */
int repl_srcmap_parse(const char *json, size_t len, repl_srcmap_t **out);
/* Loads the map a script names: a data: URL (base64 or plain), or a path or
 * file:// URL relative to the script's file:// URL (read locally). */
int repl_srcmap_load(const char *map_url, const char *script_url, repl_srcmap_t **out);
void repl_srcmap_free(repl_srcmap_t *m);

size_t repl_srcmap_nsources(const repl_srcmap_t *m);
/* The i-th source as written in the map, resolved against sourceRoot. */
const char *repl_srcmap_source(const repl_srcmap_t *m, size_t i);
/* Its text: sourcesContent, else the file read from disk (next to the map);
 * NULL when unavailable.  Borrowed. */
const char *repl_srcmap_content(repl_srcmap_t *m, size_t i);
/* Index of the source whose path ends with `file` (at a '/'), or -1. */
long repl_srcmap_find_source(const repl_srcmap_t *m, const char *file);

/* Generated (0-based line, column) -> original source index, line, column.
 * Returns 0, or -1 when no mapping covers the position. */
int repl_srcmap_original(const repl_srcmap_t *m, int gen_line, int gen_col, long *src, int *line,
                         int *col);
/* Original (source, 0-based line) -> the first generated position mapped to
 * it.  Returns 0, or -1. */
int repl_srcmap_generated(const repl_srcmap_t *m, long src, int line, int *gen_line, int *gen_col);

#endif
