/* gctrace.c — reads GC traces in three formats and computes what a
 * developer asks of them.
 *
 *   --trace-gc       "[pid:0x..]   36 ms: Scavenge 4.1 (4.8) -> 3.6 (5.8) MB,
 *                     0.94 / 0.00 ms  (average mu = 1.000, current mu = 1.000) ..."
 *   --trace-gc-nvp   "[pid:0x..]   36 ms: pause=0.9 mutator=35.1 gc=s ...
 *                     total_size_before=4287568 total_size_after=3775592 ..."
 *   --gc-trace=FILE  one JSON object per line (docs/heap.md defines it):
 *                    {"type","start_ms","duration_ms","before":{"used",
 *                     "committed","spaces":{...}},"after":{...},"external"}
 *
 * Lines that are not GC events (program output interleaved with the trace,
 * incremental-marking chatter) are counted as skipped, never fatal; a file
 * with no GC event at all is an error.  Statistics: pause percentiles per
 * type (nearest rank), time in GC, minimum mutator utilization over sliding
 * windows, and a least-squares fit of the heap size after each full GC —
 * the leak verdict.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "devrun/err.h"
#include "devrun/util.h"
#include "heap.h"

#define MB (1024.0 * 1024.0)

static void push(heap_gc_trace_t *t, const heap_gc_event_t *e) {
  if (t->n == t->alloc) {
    t->alloc = t->alloc ? t->alloc * 2 : 256;
    t->ev = dr_realloc(t->ev, t->alloc * sizeof *t->ev);
  }
  t->ev[t->n++] = *e;
}

static void ev_init(heap_gc_event_t *e) {
  memset(e, 0, sizeof *e);
  e->before_used = e->after_used = e->before_committed = e->after_committed = -1;
  e->old_after = e->external = e->mutator_util = -1;
}

static void set_type(heap_gc_event_t *e, const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < sizeof e->type; i++) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    if (c == ' ' || c == '_') c = '-';
    e->type[k++] = c;
  }
  e->type[k] = 0;
}

static const char *find_in(const char *p, const char *end, const char *needle) {
  size_t n = strlen(needle);
  for (; p + n <= end; p++)
    if (*p == needle[0] && !memcmp(p, needle, n)) return p;
  return NULL;
}

static int num(const char **pp, const char *end, double *out) {
  const char *p = *pp;
  while (p < end && *p == ' ') p++;
  char buf[64];
  size_t k = 0;
  while (p < end && k < sizeof buf - 1 && (strchr("0123456789.-+eE", *p))) buf[k++] = *p++;
  buf[k] = 0;
  if (k == 0) return -1;
  char *e;
  *out = strtod(buf, &e);
  if (*e || !isfinite(*out)) return -1;
  *pp = p;
  return 0;
}

/* key=value in an nvp line; returns 0 and the number if present */
static int nvp(const char *line, const char *end, const char *key, double *out) {
  size_t n = strlen(key);
  for (const char *p = line; p + n + 1 <= end; p++) {
    if ((p == line || p[-1] == ' ') && !memcmp(p, key, n) && p[n] == '=') {
      const char *q = p + n + 1;
      return num(&q, end, out);
    }
  }
  return -1;
}

static int parse_nvp(const char *p, const char *end, double start, heap_gc_event_t *e) {
  const char *g = find_in(p, end, " gc=");
  if (!g && !(end - p > 3 && !memcmp(p, "gc=", 3))) return -1;
  g = g ? g + 4 : p + 3;
  const char *ge = g;
  while (ge < end && *ge != ' ') ge++;
  size_t n = (size_t)(ge - g);
  if (n == 1 && *g == 's')
    strcpy(e->type, "scavenge");
  else if (n == 2 && !memcmp(g, "mc", 2))
    strcpy(e->type, "mark-compact");
  else if (n == 3 && !memcmp(g, "mmc", 3))
    strcpy(e->type, "minor-mark-compact");
  else if (n == 2 && !memcmp(g, "ms", 2))
    strcpy(e->type, "minor-mark-sweep");
  else
    set_type(e, g, n);
  double v;
  if (nvp(p, end, "pause", &v) < 0) return -1;
  e->start_ms = start;
  e->duration_ms = v;
  if (nvp(p, end, "total_size_before", &v) == 0) e->before_used = v;
  if (nvp(p, end, "total_size_after", &v) == 0) e->after_used = v;
  return 0;
}

static int parse_plain(const char *p, const char *end, double start, heap_gc_event_t *e) {
  /* type words up to the first number */
  const char *q = p;
  while (q < end && !(*q >= '0' && *q <= '9')) q++;
  const char *te = q;
  while (te > p && te[-1] == ' ') te--;
  if (te == p) return -1;
  /* drop parenthesised qualifiers such as "(reduce)" */
  char type[64];
  size_t k = 0;
  int depth = 0;
  for (const char *c = p; c < te && k < sizeof type - 1; c++) {
    if (*c == '(')
      depth++;
    else if (*c == ')')
      depth--;
    else if (!depth)
      type[k++] = *c;
  }
  while (k && type[k - 1] == ' ') k--;
  type[k] = 0;
  set_type(e, type, k);
  double bu, bc = -1, au, ac = -1, pause;
  if (num(&q, end, &bu) < 0) return -1;
  while (q < end && *q == ' ') q++;
  if (q < end && *q == '(') {
    q++;
    if (num(&q, end, &bc) < 0) return -1;
    if (q < end && *q == ')') q++;
  }
  const char *arrow = find_in(q, end, "->");
  if (!arrow) return -1;
  q = arrow + 2;
  if (num(&q, end, &au) < 0) return -1;
  while (q < end && *q == ' ') q++;
  if (q < end && *q == '(') {
    q++;
    if (num(&q, end, &ac) < 0) return -1;
    if (q < end && *q == ')') q++;
  }
  const char *mb = find_in(q, end, "MB,");
  if (!mb) return -1;
  q = mb + 3;
  if (num(&q, end, &pause) < 0) return -1;
  e->start_ms = start;
  e->duration_ms = pause;
  e->before_used = bu * MB;
  e->after_used = au * MB;
  e->before_committed = bc >= 0 ? bc * MB : -1;
  e->after_committed = ac >= 0 ? ac * MB : -1;
  const char *mu = find_in(q, end, "current mu = ");
  if (mu) {
    const char *m = mu + 13;
    double v;
    if (num(&m, end, &v) == 0) e->mutator_util = v;
  }
  return 0;
}

static double jnum(json_t *o, const char *k) {
  json_t *v = json_object_get(o, k);
  return json_is_number(v) ? json_number_value(v) : -1;
}

static int parse_json_line(const char *p, size_t n, heap_gc_event_t *e) {
  json_error_t je;
  json_t *o = json_loadb(p, n, JSON_DECODE_ANY, &je);
  if (!o || !json_is_object(o)) {
    json_decref(o);
    return -1;
  }
  const char *type = json_string_value(json_object_get(o, "type"));
  double start = jnum(o, "start_ms"), dur = jnum(o, "duration_ms");
  if (!type || start < 0 || dur < 0) {
    json_decref(o);
    return -1;
  }
  set_type(e, type, strlen(type));
  e->start_ms = start;
  e->duration_ms = dur;
  json_t *b = json_object_get(o, "before"), *a = json_object_get(o, "after");
  if (json_is_object(b)) {
    e->before_used = jnum(b, "used");
    e->before_committed = jnum(b, "committed");
  }
  if (json_is_object(a)) {
    e->after_used = jnum(a, "used");
    e->after_committed = jnum(a, "committed");
    json_t *sp = json_object_get(a, "spaces");
    json_t *old = json_is_object(sp) ? json_object_get(sp, "old_space") : NULL;
    if (json_is_object(old)) e->old_after = jnum(old, "used");
  }
  e->external = jnum(o, "external");
  json_decref(o);
  return 0;
}

int heap_gc_parse(const char *data, size_t len, heap_gc_trace_t *t, dr_buf_t *err) {
  const char *p = data, *end = data + len;
  size_t lineno = 0;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *le = nl ? nl : end;
    lineno++;
    heap_gc_event_t e;
    ev_init(&e);
    const char *q = p;
    while (q < le && (*q == ' ' || *q == '\t' || *q == '\r')) q++;
    const char *lend = le;
    while (lend > q && (lend[-1] == '\r' || lend[-1] == ' ')) lend--;
    int ok = -1, fmt = 0;
    if (q < lend && *q == '{') {
      ok = parse_json_line(q, (size_t)(lend - q), &e);
      fmt = 3;
    } else if (q < lend && *q == '[') {
      const char *ms = find_in(q, lend, " ms: ");
      const char *close = memchr(q, ']', (size_t)(lend - q));
      if (ms && close && close < ms) {
        const char *s = close + 1;
        double start;
        if (num(&s, ms, &start) == 0) {
          const char *rest = ms + 5;
          while (rest < lend && *rest == ' ') rest++;
          if (find_in(rest, lend, "pause=")) {
            ok = parse_nvp(rest, lend, start, &e);
            fmt = 2;
          } else {
            ok = parse_plain(rest, lend, start, &e);
            fmt = 1;
          }
        }
      }
    }
    if (ok == 0) {
      push(t, &e);
      if (!t->format) t->format = fmt;
    } else if (lend > q) {
      t->skipped++;
    }
    p = nl ? nl + 1 : end;
  }
  if (t->n == 0) {
    dr_buf_addf(err,
                "no GC events found in %zu lines (expected --trace-gc, --trace-gc-nvp or "
                "--gc-trace JSON lines)",
                lineno);
    return DR_EFORMAT;
  }
  return 0;
}

void heap_gc_release(heap_gc_trace_t *t) {
  free(t->ev);
  memset(t, 0, sizeof *t);
}

static int dcmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double pct(const double *v, size_t n, double p) {
  size_t r = (size_t)ceil(p / 100.0 * (double)n);
  if (r < 1) r = 1;
  return v[r - 1];
}

static int is_full(const char *type) {
  return strncmp(type, "minor", 5) && (strstr(type, "mark-compact") || strstr(type, "mark-sweep"));
}

/* GC time inside [a, b] given intervals sorted by start (merged). */
static double overlap(const double *s, const double *e, const double *pre, size_t n, double a,
                      double b) {
  size_t lo = 0, hi = n;
  while (lo < hi) { /* first interval with end > a */
    size_t mid = (lo + hi) / 2;
    if (e[mid] <= a)
      lo = mid + 1;
    else
      hi = mid;
  }
  size_t i = lo;
  lo = i, hi = n;
  while (lo < hi) { /* first interval with start >= b */
    size_t mid = (lo + hi) / 2;
    if (s[mid] < b)
      lo = mid + 1;
    else
      hi = mid;
  }
  size_t j = lo; /* intervals i..j-1 intersect */
  if (j <= i) return 0;
  double sum = pre[j] - pre[i];
  if (s[i] < a) sum -= a - s[i];
  if (e[j - 1] > b) sum -= e[j - 1] - b;
  return sum > 0 ? sum : 0;
}

json_t *heap_gc_stats(const heap_gc_trace_t *t) {
  static const char *fmts[] = {"unknown", "trace-gc", "trace-gc-nvp", "gc-trace-json"};
  json_t *r = json_object();
  size_t n = t->n;
  double first = t->ev[0].start_ms, last = 0, gc = 0;
  for (size_t i = 0; i < n; i++) {
    if (t->ev[i].start_ms < first) first = t->ev[i].start_ms;
    if (t->ev[i].start_ms + t->ev[i].duration_ms > last)
      last = t->ev[i].start_ms + t->ev[i].duration_ms;
    gc += t->ev[i].duration_ms;
  }
  /* the trace starts at process start (times are ms since start) */
  double span = last > 0 ? last : 0;
  json_object_set_new(r, "format", json_string(fmts[t->format & 3]));
  json_object_set_new(r, "events", json_integer((json_int_t)n));
  json_object_set_new(r, "skipped_lines", json_integer((json_int_t)t->skipped));
  json_object_set_new(r, "duration_ms", json_real(span));
  json_object_set_new(r, "gc_time_ms", json_real(gc));
  json_object_set_new(r, "gc_percent", json_real(span > 0 ? gc * 100.0 / span : 0));
  /* per type */
  json_t *types = json_array();
  char seen[32][24];
  int ns = 0;
  double *v = dr_malloc((n + 1) * sizeof *v);
  for (size_t i = 0; i < n; i++) {
    int k;
    for (k = 0; k < ns; k++)
      if (!strcmp(seen[k], t->ev[i].type)) break;
    if (k < ns || ns == 32) continue;
    strcpy(seen[ns++], t->ev[i].type);
    size_t m = 0;
    double tot = 0;
    for (size_t j = 0; j < n; j++)
      if (!strcmp(t->ev[j].type, t->ev[i].type)) {
        v[m++] = t->ev[j].duration_ms;
        tot += t->ev[j].duration_ms;
      }
    qsort(v, m, sizeof *v, dcmp);
    json_t *x = json_object();
    json_object_set_new(x, "type", json_string(t->ev[i].type));
    json_object_set_new(x, "count", json_integer((json_int_t)m));
    json_object_set_new(x, "total_ms", json_real(tot));
    json_object_set_new(x, "p50_ms", json_real(pct(v, m, 50)));
    json_object_set_new(x, "p95_ms", json_real(pct(v, m, 95)));
    json_object_set_new(x, "p99_ms", json_real(pct(v, m, 99)));
    json_object_set_new(x, "max_ms", json_real(v[m - 1]));
    json_array_append_new(types, x);
  }
  json_object_set_new(r, "types", types);
  /* MMU over merged pause intervals */
  double *s = dr_malloc((n + 1) * sizeof *s), *e = dr_malloc((n + 1) * sizeof *e),
         *pre = dr_malloc((n + 2) * sizeof *pre);
  for (size_t i = 0; i < n; i++) {
    s[i] = t->ev[i].start_ms;
    e[i] = t->ev[i].start_ms + t->ev[i].duration_ms;
  }
  /* sort by start (pairs) */
  for (size_t i = 1; i < n; i++) {
    double ks = s[i], ke = e[i];
    size_t j = i;
    while (j > 0 && s[j - 1] > ks) {
      s[j] = s[j - 1];
      e[j] = e[j - 1];
      j--;
    }
    s[j] = ks;
    e[j] = ke;
  }
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    if (m && s[i] <= e[m - 1]) {
      if (e[i] > e[m - 1]) e[m - 1] = e[i];
    } else {
      s[m] = s[i];
      e[m] = e[i];
      m++;
    }
  }
  pre[0] = 0;
  for (size_t i = 0; i < m; i++) pre[i + 1] = pre[i] + (e[i] - s[i]);
  json_t *mmu = json_array();
  static const double windows[] = {10, 50, 100, 500, 1000, 5000};
  for (size_t w = 0; w < sizeof windows / sizeof windows[0]; w++) {
    double W = windows[w];
    if (span < W) continue;
    double worst = 1;
    for (size_t i = 0; i < m; i++) {
      double a1 = s[i], b1 = e[i] - W; /* window starting at a pause, ending at a pause end */
      if (a1 + W > span) a1 = span - W;
      if (b1 < 0) b1 = 0;
      double u1 = 1 - overlap(s, e, pre, m, a1, a1 + W) / W;
      double u2 = 1 - overlap(s, e, pre, m, b1, b1 + W) / W;
      if (u1 < worst) worst = u1;
      if (u2 < worst) worst = u2;
    }
    json_t *x = json_object();
    json_object_set_new(x, "window_ms", json_real(W));
    json_object_set_new(x, "mmu", json_real(worst < 0 ? 0 : worst));
    json_array_append_new(mmu, x);
  }
  json_object_set_new(r, "mmu", mmu);
  free(s);
  free(e);
  free(pre);
  free(v);
  /* trend of the heap after full GCs */
  int use_old = 1;
  size_t np = 0;
  for (size_t i = 0; i < n; i++)
    if (is_full(t->ev[i].type) && t->ev[i].after_used >= 0) {
      np++;
      if (t->ev[i].old_after < 0) use_old = 0;
    }
  if (np == 0) use_old = 0;
  double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0, x0 = 0, x1 = 0, y0 = 0, y1 = 0;
  size_t k = 0;
  json_t *pts = json_array();
  for (size_t i = 0; i < n; i++) {
    if (!is_full(t->ev[i].type) || t->ev[i].after_used < 0) continue;
    double x = t->ev[i].start_ms / 60000.0, y = use_old ? t->ev[i].old_after : t->ev[i].after_used;
    if (k == 0) {
      x0 = x;
      y0 = y;
    }
    x1 = x;
    y1 = y;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
    syy += y * y;
    k++;
    json_t *pt = json_array();
    json_array_append_new(pt, json_real(t->ev[i].start_ms));
    json_array_append_new(pt, json_real(y));
    json_array_append_new(pts, pt);
  }
  json_t *trend = json_object();
  const char *metric = use_old ? "old space" : "heap";
  json_object_set_new(trend, "metric", json_string(use_old ? "old_space_used" : "heap_used"));
  json_object_set_new(trend, "points", json_integer((json_int_t)k));
  char verdict[256];
  int leak = 0;
  if (k < 3) {
    snprintf(verdict, sizeof verdict,
             "%zu full GC%s in the trace: not enough to judge the %s trend", k, k == 1 ? "" : "s",
             metric);
  } else {
    double dn = (double)k, den = dn * sxx - sx * sx;
    double slope = den != 0 ? (dn * sxy - sx * sy) / den : 0; /* bytes per minute */
    double vy = dn * syy - sy * sy;
    double r2 = (den != 0 && vy > 0) ? pow(dn * sxy - sx * sy, 2) / (den * vy) : 0;
    double minutes = x1 - x0, mean = sy / dn, growth = slope * minutes;
    json_object_set_new(trend, "slope_bytes_per_min", json_real(slope));
    json_object_set_new(trend, "r2", json_real(r2));
    json_object_set_new(trend, "span_min", json_real(minutes));
    json_object_set_new(trend, "first_bytes", json_real(y0));
    json_object_set_new(trend, "last_bytes", json_real(y1));
    char rate[32], dur[32];
    heap_fmt_size((uint64_t)fabs(slope), rate, sizeof rate);
    if (minutes >= 1)
      snprintf(dur, sizeof dur, "%.0f min", minutes);
    else
      snprintf(dur, sizeof dur, "%.0f s", minutes * 60);
    leak = slope > 0 && r2 >= 0.5 && growth > 0.10 * mean && y1 > y0;
    snprintf(verdict, sizeof verdict, "%s %s %s/min after full GCs over %s: %s", metric,
             slope >= 0 ? "grows" : "shrinks", rate, dur,
             leak ? "likely leak" : "no sign of a leak");
  }
  json_object_set_new(trend, "series", pts);
  json_object_set_new(r, "trend", trend);
  json_object_set_new(r, "leak_suspected", json_boolean(leak));
  json_object_set_new(r, "verdict", json_string(verdict));
  return r;
}
