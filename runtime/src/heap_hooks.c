/* heap_hooks.c — the runtime's side of memory-leak investigation:
 *
 *   --gc-trace=FILE                    one JSON line per GC (the format
 *                                      devrun-heap gc reads; docs/heap.md)
 *   --heapsnapshot-signal=SIG          a heap snapshot whenever SIG arrives
 *   --heapsnapshot-near-heap-limit=N   up to N snapshots when the heap nears
 *                                      its limit (as Node)
 *
 * main.c hands the options over through rt_heap_option() (called from
 * inspector_hooks.c) and calls rt_heap_boot() once V8 is up.  Snapshot files
 * are named as Node names them: Heap.YYYYMMDD.HHMMSS.PID.0.SEQ.heapsnapshot in
 * the current directory.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "devrun/util.h"
#include "runtime.h"

static char *gc_trace_path;
static FILE *gc_trace;
static int snap_signal;
static int near_limit_left;
static int snap_seq;
static uv_signal_t snap_handle;

typedef struct {
  size_t used, committed;
  int nspaces;
  rt_space_stats spaces[16];
} heap_sample;

static heap_sample before;
static uint64_t gc_start_ns, process_start_ns;

static int signal_number(const char *name) {
  static const struct { const char *n; int s; } sigs[] = {
      {"SIGUSR1", SIGUSR1}, {"SIGUSR2", SIGUSR2}, {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT},
      {"SIGTERM", SIGTERM}, {"SIGQUIT", SIGQUIT}, {"SIGWINCH", SIGWINCH}, {"SIGPWR", SIGPWR},
      {NULL, 0}};
  for (int i = 0; sigs[i].n; i++)
    if (!strcmp(name, sigs[i].n) || !strcmp(name, sigs[i].n + 3)) return sigs[i].s;
  return 0;
}

int rt_heap_option(int opt, const char *arg) {
  switch (opt) {
    case RT_OPT_GC_TRACE:
      if (!arg || !*arg) {
        fprintf(stderr, "devrun-js: --gc-trace requires a file name\n");
        return -1;
      }
      gc_trace_path = dr_strdup(arg);
      return 0;
    case RT_OPT_SNAP_SIGNAL:
      snap_signal = signal_number(arg ? arg : "");
      if (!snap_signal) {
        fprintf(stderr, "devrun-js: --heapsnapshot-signal: unknown signal '%s'\n", arg ? arg : "");
        return -1;
      }
      return 0;
    case RT_OPT_SNAP_NEAR: {
      char *end;
      long n = strtol(arg ? arg : "", &end, 10);
      if (!arg || *end || n < 0) {
        fprintf(stderr, "devrun-js: --heapsnapshot-near-heap-limit must be a non-negative integer\n");
        return -1;
      }
      near_limit_left = (int)n;
      return 0;
    }
  }
  return 0;
}

static void sample(heap_sample *s) {
  rt_heap_stats st;
  rt_heap_statistics(&st);
  s->used = st.used_heap_size;
  s->committed = st.total_heap_size;
  s->nspaces = rt_heap_space_statistics(s->spaces, 16);
}

static const char *gc_type_name(int type) {
  if (type & 4) return "mark-compact";
  if (type & 1) return "scavenge";
  if (type & 2) return "minor-mark-compact";
  if (type & 8) return "incremental-marking";
  if (type & 16) return "weak-callbacks";
  return "unknown";
}

static void write_sample(FILE *f, const heap_sample *s) {
  fprintf(f, "{\"used\":%zu,\"committed\":%zu,\"spaces\":{", s->used, s->committed);
  for (int i = 0; i < s->nspaces; i++)
    fprintf(f, "%s\"%s\":{\"used\":%zu,\"committed\":%zu}", i ? "," : "", s->spaces[i].name,
            s->spaces[i].used, s->spaces[i].size);
  fputs("}}", f);
}

static void gc_prologue(int type, int flags, void *data) {
  gc_start_ns = uv_hrtime();
  sample(&before);
}

static void gc_epilogue(int type, int flags, void *data) {
  if (!gc_trace) return;
  uint64_t end = uv_hrtime();
  heap_sample after;
  sample(&after);
  rt_heap_stats st;
  rt_heap_statistics(&st);
  fprintf(gc_trace, "{\"type\":\"%s\",\"start_ms\":%.3f,\"duration_ms\":%.3f,\"before\":",
          gc_type_name(type), (double)(gc_start_ns - process_start_ns) / 1e6,
          (double)(end - gc_start_ns) / 1e6);
  write_sample(gc_trace, &before);
  fputs(",\"after\":", gc_trace);
  write_sample(gc_trace, &after);
  fprintf(gc_trace, ",\"external\":%zu}\n", st.external_memory);
  fflush(gc_trace);
}

static int write_snapshot(void) {
  char name[128];
  time_t now = time(NULL);
  struct tm tm;
  localtime_r(&now, &tm);
  snprintf(name, sizeof name, "Heap.%04d%02d%02d.%02d%02d%02d.%d.0.%03d.heapsnapshot",
           tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
           (int)getpid(), ++snap_seq);
  int r = rt_heap_snapshot_write(name);
  if (r < 0)
    fprintf(stderr, "devrun-js: cannot write heap snapshot '%s': %s\n", name, uv_strerror(r));
  else
    fprintf(stderr, "Wrote snapshot to %s\n", name);
  return r;
}

static void on_snap_signal(uv_signal_t *h, int sig) {
  rt_scope *s = rt_scope_open();
  write_snapshot();
  rt_scope_close(s);
}

static void snapshot_interrupt(void *data) { write_snapshot(); }

/* Called inside a GC: raise the limit so that the program and the snapshot
 * have room, and take the snapshot as soon as the GC is over (an interrupt
 * runs at the next stack check of the JavaScript thread). */
static size_t near_limit(void *data, size_t current, size_t initial) {
  if (near_limit_left <= 0) return current;
  near_limit_left--;
  rt_request_interrupt(snapshot_interrupt, NULL);
  return current * 2;
}

void rt_heap_boot(void) {
  process_start_ns = uv_hrtime();
  if (gc_trace_path) {
    gc_trace = fopen(gc_trace_path, "w");
    if (!gc_trace)
      dr_warn("cannot open '%s' for --gc-trace: %s", gc_trace_path, strerror(errno));
    else
      rt_gc_add_hooks(gc_prologue, gc_epilogue, NULL);
  }
  if (snap_signal) {
    uv_signal_init(rt_env_current->loop, &snap_handle);
    uv_signal_start(&snap_handle, on_snap_signal, snap_signal);
    uv_unref((uv_handle_t *)&snap_handle);
  }
  if (near_limit_left > 0) rt_on_near_heap_limit(near_limit, NULL);
}
