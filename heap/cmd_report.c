/* cmd_report.c — `devrun-heap report`: one self-contained HTML file (inline
 * CSS and SVG, no scripts, no network) with the class summary, the largest
 * objects and their retainer paths, the leak groups when three snapshots are
 * given, and the GC timeline when --gc names a trace.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "devrun/util.h"
#include "heap.h"
#include "opts.h"

int heap_gc_load(const char *path, heap_gc_trace_t *t);

static void esc(FILE *f, const char *s) {
  for (; *s; s++) {
    switch (*s) {
      case '<':
        fputs("&lt;", f);
        break;
      case '>':
        fputs("&gt;", f);
        break;
      case '&':
        fputs("&amp;", f);
        break;
      case '"':
        fputs("&quot;", f);
        break;
      default:
        fputc(*s, f);
    }
  }
}

static const char *sz(uint64_t b) {
  static char buf[8][32];
  static int k;
  k = (k + 1) & 7;
  heap_fmt_size(b, buf[k], sizeof buf[k]);
  return buf[k];
}

static void bar_chart(FILE *f, const heap_snap_t *s, const heap_class_agg_t *a, uint32_t k) {
  uint32_t n = k < 15 ? k : 15;
  uint64_t max = n ? a[0].retained_size : 1;
  for (uint32_t i = 0; i < n; i++)
    if (a[i].retained_size > max) max = a[i].retained_size;
  if (!max) max = 1;
  fprintf(f,
          "<svg width=\"760\" height=\"%u\" role=\"img\" aria-label=\"retained size by class\">\n",
          n * 22 + 10);
  for (uint32_t i = 0; i < n; i++) {
    double w = 440.0 * (double)a[i].retained_size / (double)max;
    fprintf(f, "<text x=\"0\" y=\"%u\" class=\"l\">", i * 22 + 16);
    esc(f, s->class_names[a[i].cls]);
    fprintf(f,
            "</text><rect x=\"230\" y=\"%u\" width=\"%.1f\" height=\"16\" class=\"b\"/>"
            "<text x=\"%.1f\" y=\"%u\" class=\"l\">%s</text>\n",
            i * 22 + 4, w, 236 + w, i * 22 + 16, sz(a[i].retained_size));
  }
  fputs("</svg>\n", f);
}

static void gc_chart(FILE *f, const heap_gc_trace_t *t) {
  double tmax = 1, ymax = 1;
  for (size_t i = 0; i < t->n; i++) {
    double end = t->ev[i].start_ms + t->ev[i].duration_ms;
    if (end > tmax) tmax = end;
    if (t->ev[i].before_used > ymax) ymax = t->ev[i].before_used;
    if (t->ev[i].after_used > ymax) ymax = t->ev[i].after_used;
  }
  const double W = 740, H = 220;
  fprintf(f, "<svg width=\"760\" height=\"%d\" role=\"img\" aria-label=\"heap after each GC\">\n",
          (int)H + 40);
  fprintf(f, "<line x1=\"10\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" class=\"ax\"/>\n", H, W + 10, H);
  /* heap after every GC (grey), after full GCs (red dots) */
  fputs("<polyline class=\"all\" points=\"", f);
  for (size_t i = 0; i < t->n; i++)
    if (t->ev[i].after_used >= 0)
      fprintf(f, "%.1f,%.1f ", 10 + W * t->ev[i].start_ms / tmax,
              H - H * t->ev[i].after_used / ymax);
  fputs("\"/>\n", f);
  for (size_t i = 0; i < t->n; i++) {
    const heap_gc_event_t *e = &t->ev[i];
    double x = 10 + W * e->start_ms / tmax;
    if (strncmp(e->type, "minor", 5) &&
        (strstr(e->type, "mark-compact") || strstr(e->type, "mark-sweep")) && e->after_used >= 0)
      fprintf(f,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" class=\"full\"><title>%s %.1f "
              "ms</title></circle>\n",
              x, H - H * e->after_used / ymax, e->type, e->duration_ms);
    /* pause ticks under the axis, height by duration */
    double h = e->duration_ms > 30 ? 30 : e->duration_ms;
    fprintf(f, "<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.1f\" class=\"p\"/>\n", x, H + 2, x,
            H + 2 + h);
  }
  fprintf(f,
          "<text x=\"12\" y=\"12\" class=\"l\">%s</text><text x=\"%.0f\" y=\"%.0f\" "
          "class=\"l\">%.1f s</text>\n",
          sz((uint64_t)ymax), W - 40, H - 4, tmax / 1000.0);
  fputs("</svg>\n", f);
}

int cmd_report(int argc, char **argv) {
  static const struct option lo[] = {HEAP_COMMON_OPTIONS,
                                     {"output", required_argument, 0, 'o'},
                                     {"gc", required_argument, 0, OPT_GC},
                                     {0, 0, 0, 0}};
  static const char usage[] =
      "usage: devrun-heap report -o FILE [--gc TRACE] (SNAPSHOT | BASELINE TARGET FINAL)\n\n"
      "Writes one self-contained HTML file (inline SVG charts, no network) with\n"
      "the class summary, the largest objects and their retainer paths, the leak\n"
      "groups when three snapshots are given and the GC timeline with --gc.\n\n"
      "  -o, --output FILE   where to write the HTML (required)\n"
      "  --gc TRACE          add GC statistics and the heap timeline from TRACE\n" HEAP_COMMON_HELP
      "\nexamples:\n"
      "  devrun-heap report -o heap.html app.heapsnapshot\n"
      "  devrun-heap report -o leak.html --gc gc.log s1.heapsnapshot s2.heapsnapshot "
      "s3.heapsnapshot\n";
  struct heap_common c;
  const char *out = NULL, *gcpath = NULL;
  int opt;
  heap_common_init(&c);
  optind = 1;
  opterr = 0;
  while ((opt = getopt_long(argc, argv, "ho:", lo, NULL)) != -1) {
    if (opt == 'h') {
      fputs(usage, stdout);
      return 0;
    }
    int r = heap_common_opt(&c, opt, optarg);
    if (r < 0) return 2;
    if (r) continue;
    if (opt == 'o')
      out = optarg;
    else if (opt == OPT_GC)
      gcpath = optarg;
    else {
      dr_error("report: unknown option or missing value '%s' (see --help)", argv[optind - 1]);
      return 2;
    }
  }
  int nsnap = argc - optind;
  if (!out || (nsnap != 1 && nsnap != 3)) {
    dr_error("report: need -o FILE and one or three snapshots (see devrun-heap report --help)");
    return 2;
  }
  heap_gc_trace_t t = {0};
  if (gcpath && heap_gc_load(gcpath, &t) < 0) return 1;
  heap_snap_t *s[3] = {0};
  for (int i = 0; i < nsnap; i++)
    if (!(s[i] = heap_open(argv[optind + i], c.rules))) {
      for (int k = 0; k < i; k++) heap_snap_free(s[k]);
      heap_gc_release(&t);
      return 1;
    }
  heap_snap_t *main_s = s[nsnap - 1];
  FILE *f = fopen(out, "w");
  if (!f) {
    dr_error("cannot open '%s': %s", out, strerror(errno));
    for (int i = 0; i < nsnap; i++) heap_snap_free(s[i]);
    heap_gc_release(&t);
    return 1;
  }
  fputs(
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      "<title>devrun-heap report</title>\n<style>\n"
      "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}\n"
      "table{border-collapse:collapse;margin:1em 0}td,th{padding:2px 10px;border-bottom:1px solid "
      "#ddd;text-align:right}\n"
      "td:first-child,th:first-child{text-align:left}code{font-size:12px;color:#555;word-break:"
      "break-all}\n"
      ".b{fill:#4a7fd4}.l{font-size:12px;fill:#333}.all{fill:none;stroke:#999}.full{fill:#d33}\n"
      ".p{stroke:#e90}.ax{stroke:#333}.leak{color:#b00}\n"
      "</style></head><body>\n<h1>devrun-heap report</h1>\n",
      f);
  fputs("<p>Snapshot: <code>", f);
  esc(f, main_s->path);
  fprintf(f, "</code> — %u nodes, %u edges, %s reachable.</p>\n", main_s->n, main_s->m,
          sz(main_s->retained[main_s->root]));
  /* summary */
  uint32_t k;
  heap_class_agg_t *a = heap_classes_aggregate(main_s, &k);
  fputs("<h2>Summary by constructor</h2>\n", f);
  bar_chart(f, main_s, a, k);
  fputs("<table><tr><th>Constructor</th><th>Count</th><th>Shallow</th><th>Retained</th></tr>\n", f);
  for (uint32_t i = 0; i < k && i < 40; i++) {
    fputs("<tr><td>", f);
    esc(f, main_s->class_names[a[i].cls]);
    fprintf(f, "</td><td>%llu</td><td>%s</td><td>%s</td></tr>\n", (unsigned long long)a[i].count,
            sz(a[i].self_size), sz(a[i].retained_size));
  }
  fputs("</table>\n", f);
  free(a);
  /* leaks */
  if (nsnap == 3) {
    heap_idset_t *b = heap_idset_new(s[0]), *t = heap_idset_new(s[1]);
    json_t *r = heap_leaks_find(b, t, s[2], 20, 0);
    heap_idset_free(b);
    heap_idset_free(t);
    fprintf(f,
            "<h2 class=\"leak\">Leaks</h2>\n<p>%lld objects allocated between the baseline and the "
            "target are still alive in the final snapshot, retaining %s.</p>\n",
            (long long)json_integer_value(json_object_get(r, "leaked_objects")),
            sz((uint64_t)json_integer_value(json_object_get(r, "leaked_retained_size"))));
    fputs(
        "<table><tr><th>#</th><th>Retained</th><th>Roots</th><th>Objects</th><th>Classes</th></"
        "tr>\n",
        f);
    size_t i;
    json_t *g;
    json_array_foreach(json_object_get(r, "groups"), i, g) {
      fprintf(f, "<tr><td>%zu</td><td>%s</td><td>%lld</td><td>%lld</td><td>", i + 1,
              sz((uint64_t)json_integer_value(json_object_get(g, "retained_size"))),
              (long long)json_integer_value(json_object_get(g, "count")),
              (long long)json_integer_value(json_object_get(g, "objects")));
      size_t j;
      json_t *cl;
      json_array_foreach(json_object_get(g, "classes"), j, cl) {
        if (j) fputs(", ", f);
        esc(f, json_string_value(json_object_get(cl, "name")));
        fprintf(f, " ×%lld", (long long)json_integer_value(json_object_get(cl, "count")));
      }
      fputs("</td></tr>\n<tr><td></td><td colspan=\"4\"><code>", f);
      esc(f, json_string_value(json_object_get(g, "path_text")));
      fputs("</code></td></tr>\n", f);
    }
    fputs("</table>\n", f);
    json_decref(r);
  }
  /* top objects */
  fputs(
      "<h2>Largest objects and their retainer "
      "paths</h2>\n<table><tr><th>Object</th><th>Shallow</th>"
      "<th>Retained</th></tr>\n",
      f);
  {
    uint64_t *best = dr_calloc(10, 8);
    uint32_t idx[10];
    int nb = 0;
    for (uint32_t o = 0; o < main_s->n; o++) {
      if (o == main_s->root || main_s->ntype[o] == main_s->t.synthetic ||
          main_s->dist[o] == HEAP_NO_DISTANCE)
        continue;
      uint64_t r = main_s->retained[o];
      if (nb < 10 || r > best[nb - 1]) {
        int p = nb < 10 ? nb++ : 9;
        while (p > 0 && best[p - 1] < r) {
          best[p] = best[p - 1];
          idx[p] = idx[p - 1];
          p--;
        }
        best[p] = r;
        idx[p] = o;
      }
    }
    uint32_t path[64];
    dr_buf_t b = DR_BUF_INIT;
    for (int i = 0; i < nb; i++) {
      uint32_t o = idx[i];
      fputs("<tr><td>", f);
      esc(f, heap_class_name(main_s, o));
      fprintf(f, " @%u</td><td>%s</td><td>%s</td></tr>\n<tr><td colspan=\"3\"><code>",
              main_s->nid[o], sz(main_s->nself[o]), sz(main_s->retained[o]));
      dr_buf_reset(&b);
      heap_path_format(main_s, path, heap_path_to(main_s, o, path, 64), &b);
      esc(f, b.buf);
      fputs("</code></td></tr>\n", f);
    }
    dr_buf_release(&b);
    free(best);
  }
  fputs("</table>\n", f);
  if (gcpath) {
    json_t *r = heap_gc_stats(&t);
    fputs("<h2>GC timeline</h2>\n<p>", f);
    esc(f, json_string_value(json_object_get(r, "verdict")));
    fprintf(f, ". %lld GC events, %.1f ms in GC (%.2f%% of %.1f s).</p>\n",
            (long long)json_integer_value(json_object_get(r, "events")),
            json_real_value(json_object_get(r, "gc_time_ms")),
            json_real_value(json_object_get(r, "gc_percent")),
            json_real_value(json_object_get(r, "duration_ms")) / 1000.0);
    gc_chart(f, &t);
    fputs(
        "<table><tr><th>Type</th><th>Count</th><th>p50 ms</th><th>p95 ms</th><th>p99 "
        "ms</th><th>max ms</th></tr>\n",
        f);
    size_t i;
    json_t *x;
    json_array_foreach(json_object_get(r, "types"), i, x) {
      fputs("<tr><td>", f);
      esc(f, json_string_value(json_object_get(x, "type")));
      fprintf(f, "</td><td>%lld</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.2f</td></tr>\n",
              (long long)json_integer_value(json_object_get(x, "count")),
              json_real_value(json_object_get(x, "p50_ms")),
              json_real_value(json_object_get(x, "p95_ms")),
              json_real_value(json_object_get(x, "p99_ms")),
              json_real_value(json_object_get(x, "max_ms")));
    }
    fputs("</table>\n", f);
    json_decref(r);
  }
  fputs("<p><small>Generated by devrun-heap " DEVRUN_VERSION ".</small></p>\n</body></html>\n", f);
  int bad = ferror(f);
  if (fclose(f) != 0 || bad) {
    dr_error("cannot write '%s'", out);
    bad = 1;
  }
  for (int i = 0; i < nsnap; i++) heap_snap_free(s[i]);
  heap_gc_release(&t);
  if (!bad && !c.json) fprintf(stderr, "wrote %s\n", out);
  return bad ? 1 : 0;
}
