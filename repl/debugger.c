/* debugger.c — the debugger: paused state, frames, breakpoints, commands.
 *
 * No curses here: the full-screen UI draws from this state (source, stack,
 * scopes, watches), the line mode prints it.  Commands are text, as in
 * `node inspect` and gdb, so they work the same at the full-screen prompt,
 * in line mode, and through the UI's function keys:
 *   c | cont        continue            n | next     step over
 *   s | step        step into           o | out      step out
 *   bt | where      backtrace           up / down    select a frame
 *   b FILE:LINE [if COND]               set a (conditional) breakpoint
 *   log FILE:LINE EXPR                  logpoint (prints EXPR, never stops)
 *   cb FILE:LINE    clear a breakpoint  breakpoints  list them
 *   watch EXPR / unwatch N              watch expressions
 *   catch all|uncaught|none             pause on exceptions
 *   list [N]        source around the current line
 *   pause           pause the running target
 * Breakpoints are kept here (file + line + condition) and re-sent with
 * Debugger.setBreakpointByUrl after a reattach; FILE matches the end of the
 * script URL (urlRegex), so `b app.js:3` works wherever app.js lives.
 * node_modules is blackboxed on attach (stepping skips it).
 * Source maps: a script whose scriptParsed names a sourceMapURL gets its map
 * loaded (sourcemap.c) when first needed; frames in it show the original
 * source and line, and `b original.ts:N` is translated to the generated
 * position of every loaded script whose map has that source (also for
 * scripts parsed later).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "devrun/util.h"
#include "repl.h"
#include "sourcemap.h"

#define TIMEOUT 30000

static void forget_ids(repl_bp_t *bp);
static void smaps_clear(repl_debugger_t *d);

void repl_debugger_init(repl_debugger_t *d, repl_session_t *s) {
  memset(d, 0, sizeof(*d));
  d->s = s;
  d->pause_on = dr_strdup("none");
  d->scripts = json_object();
  d->sources = json_object();
}

static void frames_clear(repl_debugger_t *d) {
  for (size_t i = 0; i < d->nframes; i++) {
    repl_frame_t *f = &d->frames[i];
    free(f->orig_url);
    free(f->id);
    free(f->function);
    free(f->url);
    free(f->script_id);
    json_decref(f->scopes);
  }
  free(d->frames);
  d->frames = NULL;
  d->nframes = d->selected = 0;
}

void repl_debugger_release(repl_debugger_t *d) {
  frames_clear(d);
  for (size_t i = 0; i < d->nbps; i++) {
    free(d->bps[i].url_regex_or_file);
    free(d->bps[i].condition);
    forget_ids(&d->bps[i]);
  }
  free(d->bps);
  for (size_t i = 0; i < d->nwatches; i++) free(d->watches[i]);
  free(d->watches);
  free(d->pause_on);
  free(d->reason);
  smaps_clear(d);
  json_decref(d->scripts);
  json_decref(d->sources);
  memset(d, 0, sizeof(*d));
}

static repl_script_t *script_of(repl_debugger_t *d, const char *id) {
  for (size_t i = 0; id && i < d->nsmaps; i++)
    if (!strcmp(d->smaps[i].id, id)) return &d->smaps[i];
  return NULL;
}

static repl_srcmap_t *map_of(repl_script_t *sc) {
  if (sc && !sc->map_tried) {
    sc->map_tried = 1;
    repl_srcmap_load(sc->map_url, sc->url, &sc->map);
  }
  return sc ? sc->map : NULL;
}

static int set_bp_mapped(repl_debugger_t *d, repl_bp_t *bp, repl_script_t *only, dr_buf_t *out);

static void on_script(dr_cdp_t *c, const char *method, json_t *params, void *data) {
  repl_debugger_t *d = data;
  const char *id = json_string_value(json_object_get(params, "scriptId"));
  const char *url = json_string_value(json_object_get(params, "url"));
  const char *map = json_string_value(json_object_get(params, "sourceMapURL"));
  if (id && url && *url) json_object_set_new(d->scripts, id, json_string(url));
  if (id && map && *map && !script_of(d, id)) {
    repl_script_t *sc;
    d->smaps = dr_realloc(d->smaps, (d->nsmaps + 1) * sizeof(repl_script_t));
    sc = &d->smaps[d->nsmaps++];
    memset(sc, 0, sizeof(*sc));
    sc->id = dr_strdup(id);
    sc->url = dr_strdup(url ? url : "");
    sc->map_url = dr_strdup(map);
    /* Breakpoints in original sources may belong to this new script. */
    for (size_t i = 0; i < d->nbps; i++) set_bp_mapped(d, &d->bps[i], sc, NULL);
  }
}

static void call(repl_debugger_t *d, const char *method, json_t *params) {
  json_t *r = NULL;
  dr_cdp_t *c = repl_session_cdp(d->s);
  if (!c) {
    json_decref(params);
    return;
  }
  dr_cdp_call(c, method, params, &r, TIMEOUT);
  json_decref(r);
}

void repl_debugger_attach(repl_debugger_t *d) {
  dr_cdp_t *c = repl_session_cdp(d->s);
  json_t *r = NULL;
  if (!c) return;
  json_object_clear(d->scripts);
  json_object_clear(d->sources);
  smaps_clear(d); /* a new process: its scripts have new ids */
  dr_cdp_subscribe(c, "Debugger.scriptParsed", on_script, d);
  dr_cdp_call(c, "Debugger.enable", NULL, &r, TIMEOUT);
  json_decref(r);
  call(d, "Debugger.setBlackboxPatterns",
       json_pack("{s:[s]}", "patterns", "/node_modules/|^node:"));
  call(d, "Debugger.setAsyncCallStackDepth", json_pack("{s:i}", "maxDepth", 16));
  repl_debugger_restore(d);
}

static char *file_regex(const char *file) {
  dr_buf_t b = DR_BUF_INIT;
  if (file[0] != '/')
    dr_buf_adds(&b, "(^|/)");
  else
    dr_buf_adds(&b, "^(file://)?");
  for (const char *p = file; *p; p++) {
    if (strchr(".*+?^${}()|[]\\", *p)) dr_buf_addch(&b, '\\');
    dr_buf_addch(&b, *p);
  }
  dr_buf_addch(&b, '$');
  return dr_buf_detach(&b, NULL);
}

static void bp_condition(const repl_bp_t *bp, dr_buf_t *cond) {
  if (bp->logpoint)
    dr_buf_addf(cond, "console.log(%s), false", bp->condition);
  else if (bp->condition)
    dr_buf_adds(cond, bp->condition);
}

/* Sets `bp` (a line of an original source) in every loaded script whose
 * map has that source (or only in `only`).  Returns the number set. */
static int set_bp_mapped(repl_debugger_t *d, repl_bp_t *bp, repl_script_t *only, dr_buf_t *out) {
  dr_cdp_t *c = repl_session_cdp(d->s);
  int set = 0;
  if (!c) return 0;
  for (size_t i = 0; i < d->nsmaps; i++) {
    repl_script_t *sc = only ? only : &d->smaps[i];
    repl_srcmap_t *m = map_of(sc);
    long src;
    int gl, gc;
    if (m && (src = repl_srcmap_find_source(m, bp->url_regex_or_file)) >= 0 &&
        repl_srcmap_generated(m, src, bp->line - 1, &gl, &gc) == 0) {
      json_t *r = NULL, *p;
      dr_buf_t cond = DR_BUF_INIT;
      bp_condition(bp, &cond);
      p = json_pack("{s:{s:s, s:i, s:i}}", "location", "scriptId", sc->id, "lineNumber", gl,
                    "columnNumber", gc);
      if (cond.len) json_object_set_new(p, "condition", json_string(cond.buf));
      if (dr_cdp_call(c, "Debugger.setBreakpoint", p, &r, TIMEOUT) == 0) {
        set++;
        const char *bid = json_string_value(json_object_get(r, "breakpointId"));
        if (!bp->id) {
          bp->id = dr_strdup(bid);
        } else if (bid) {
          bp->more_ids = dr_realloc(bp->more_ids, (bp->nmore + 1) * sizeof(char *));
          bp->more_ids[bp->nmore++] = dr_strdup(bid);
        }
        if (out)
          dr_buf_addf(out, "%s %s:%d (%s:%d via its source map)\n",
                      bp->logpoint ? "Logpoint" : "Breakpoint", bp->url_regex_or_file, bp->line,
                      strrchr(sc->url, '/') ? strrchr(sc->url, '/') + 1 : sc->url, gl + 1);
      }
      dr_buf_release(&cond);
      json_decref(r);
    }
    if (only) break;
  }
  return set;
}

static int set_bp(repl_debugger_t *d, repl_bp_t *bp, dr_buf_t *out) {
  dr_cdp_t *c = repl_session_cdp(d->s);
  if (c && set_bp_mapped(d, bp, NULL, out) > 0) return 0;
  char *re = file_regex(bp->url_regex_or_file);
  json_t *r = NULL, *p;
  dr_buf_t cond = DR_BUF_INIT;
  int rc;
  bp_condition(bp, &cond);
  p = json_pack("{s:i, s:s}", "lineNumber", bp->line - 1, "urlRegex", re);
  if (cond.len) json_object_set_new(p, "condition", json_string(cond.buf));
  rc = c ? dr_cdp_call(c, "Debugger.setBreakpointByUrl", p, &r, TIMEOUT) : -1;
  if (!c) json_decref(p);
  free(re);
  dr_buf_release(&cond);
  if (rc == 0) {
    free(bp->id);
    bp->id = dr_strdup(json_string_value(json_object_get(r, "breakpointId")));
    if (out) {
      size_t n = json_array_size(json_object_get(r, "locations"));
      dr_buf_addf(out, "%s %s:%d%s%s%s\n", bp->logpoint ? "Logpoint" : "Breakpoint",
                  bp->url_regex_or_file, bp->line, bp->condition && !bp->logpoint ? " if " : "",
                  bp->condition && !bp->logpoint ? bp->condition : "",
                  n ? "" : " (pending: no loaded script matches yet)");
    }
  } else if (out) {
    const char *m = json_string_value(json_object_get(r, "message"));
    dr_buf_addf(out, "cannot set breakpoint at %s:%d: %s\n", bp->url_regex_or_file, bp->line,
                m   ? m
                : c ? dr_cdp_last_error(c)
                    : "not attached");
  }
  json_decref(r);
  return rc;
}

void repl_debugger_restore(repl_debugger_t *d) {
  for (size_t i = 0; i < d->nbps; i++) {
    forget_ids(&d->bps[i]);
    set_bp(d, &d->bps[i], NULL);
  }
  call(d, "Debugger.setPauseOnExceptions", json_pack("{s:s}", "state", d->pause_on));
}

static const char *basename_of(const char *url) {
  const char *s = url ? strrchr(url, '/') : NULL;
  return s ? s + 1 : url ? url : "";
}

void repl_debugger_on_paused(repl_debugger_t *d, json_t *params) {
  json_t *frames = json_object_get(params, "callFrames"), *f;
  size_t i;
  d->seq++;
  frames_clear(d);
  free(d->reason);
  d->reason = dr_strdup(json_array_size(json_object_get(params, "hitBreakpoints"))
                            ? "breakpoint"
                            : json_string_value(json_object_get(params, "reason")));
  d->paused = 1;
  d->nframes = json_array_size(frames);
  d->frames = dr_calloc(d->nframes ? d->nframes : 1, sizeof(repl_frame_t));
  json_array_foreach(frames, i, f) {
    repl_frame_t *fr = &d->frames[i];
    json_t *loc = json_object_get(f, "location");
    const char *url = json_string_value(json_object_get(f, "url"));
    fr->id = dr_strdup(json_string_value(json_object_get(f, "callFrameId")));
    fr->function = dr_strdup(json_string_value(json_object_get(f, "functionName")));
    fr->script_id = dr_strdup(json_string_value(json_object_get(loc, "scriptId")));
    if (!url || !*url) url = json_string_value(json_object_get(d->scripts, fr->script_id));
    fr->url = dr_strdup(url ? url : "");
    fr->line = (int)json_integer_value(json_object_get(loc, "lineNumber"));
    fr->col = (int)json_integer_value(json_object_get(loc, "columnNumber"));
    fr->scopes = json_incref(json_object_get(f, "scopeChain"));
    fr->orig_line = -1;
    {
      repl_srcmap_t *m = map_of(script_of(d, fr->script_id));
      long src;
      int ol, oc;
      if (m && repl_srcmap_original(m, fr->line, fr->col, &src, &ol, &oc) == 0) {
        fr->orig_url = dr_strdup(repl_srcmap_source(m, (size_t)src));
        fr->orig_line = ol;
        fr->orig_text = repl_srcmap_content(m, (size_t)src);
      }
    }
  }
  repl_session_set_frame(d->s, d->nframes ? d->frames[0].id : NULL);
  repl_session_set_scopes(d->s, d->nframes ? d->frames[0].scopes : NULL);
}

const char *repl_debugger_frame_url(const repl_frame_t *f) {
  return f->orig_url ? f->orig_url : f->url;
}

int repl_debugger_frame_line(const repl_frame_t *f) {
  return f->orig_url ? f->orig_line : f->line;
}

const char *repl_debugger_frame_text(repl_debugger_t *d, const repl_frame_t *f) {
  if (f->orig_url && f->orig_text) return f->orig_text;
  return repl_debugger_source(d, f->script_id);
}

int repl_debugger_gen_location(repl_debugger_t *d, const repl_frame_t *f, int line, int *gen_line,
                               int *gen_col) {
  repl_srcmap_t *m;
  long src;
  if (!f->orig_url) {
    *gen_line = line;
    *gen_col = 0;
    return 0;
  }
  m = map_of(script_of(d, f->script_id));
  if (!m || (src = repl_srcmap_find_source(m, f->orig_url)) < 0) return -1;
  return repl_srcmap_generated(m, src, line, gen_line, gen_col);
}

void repl_debugger_on_resumed(repl_debugger_t *d) {
  d->seq++;
  d->paused = 0;
  frames_clear(d);
  repl_session_set_frame(d->s, NULL);
}

const char *repl_debugger_source(repl_debugger_t *d, const char *script_id) {
  json_t *v = json_object_get(d->sources, script_id), *r = NULL;
  dr_cdp_t *c = repl_session_cdp(d->s);
  if (v) return json_string_value(v);
  if (!c) return NULL;
  if (dr_cdp_call(c, "Debugger.getScriptSource", json_pack("{s:s}", "scriptId", script_id), &r,
                  TIMEOUT) == 0) {
    json_t *src = json_object_get(r, "scriptSource");
    if (json_is_string(src)) json_object_set(d->sources, script_id, src);
  }
  json_decref(r);
  return json_string_value(json_object_get(d->sources, script_id));
}

void repl_debugger_backtrace(repl_debugger_t *d, dr_buf_t *out) {
  for (size_t i = 0; i < d->nframes; i++) {
    repl_frame_t *f = &d->frames[i];
    if (f->orig_url)
      dr_buf_addf(out, "%s#%zu %s %s:%d\n", i == d->selected ? ">" : " ", i,
                  f->function && *f->function ? f->function : "(anonymous)",
                  basename_of(f->orig_url), f->orig_line + 1);
    else
      dr_buf_addf(out, "%s#%zu %s %s:%d:%d\n", i == d->selected ? ">" : " ", i,
                  f->function && *f->function ? f->function : "(anonymous)", basename_of(f->url),
                  f->line + 1, f->col + 1);
  }
}

void repl_debugger_scopes(repl_debugger_t *d, dr_buf_t *out, int color, int maxlines) {
  repl_frame_t *f;
  json_t *sc;
  size_t i;
  int lines = 0;
  if (!d->paused || d->selected >= d->nframes) return;
  f = &d->frames[d->selected];
  json_array_foreach(f->scopes, i, sc) {
    const char *type = json_string_value(json_object_get(sc, "type"));
    const char *oid = json_string_value(json_object_get(json_object_get(sc, "object"), "objectId"));
    json_t *props, *p;
    size_t k;
    if (!type || !strcmp(type, "global") || !oid) continue;
    if (lines++ >= maxlines) return;
    dr_buf_addf(out, "%s%s:%s\n", color ? SGR_BOLD : "", type, color ? SGR_RESET : "");
    props = repl_session_properties(d->s, oid, 1, 1);
    json_array_foreach(json_object_get(props, "result"), k, p) {
      const char *name = json_string_value(json_object_get(p, "name"));
      json_t *v = json_object_get(p, "value");
      if (lines++ >= maxlines) break;
      dr_buf_addf(out, "  %s = ", name ? name : "?");
      if (v)
        repl_inspect_remote(out, v, color, 1);
      else
        dr_buf_adds(out, "[Getter/Setter]");
      dr_buf_addch(out, '\n');
    }
    json_decref(props);
  }
}

void repl_debugger_watches(repl_debugger_t *d, dr_buf_t *out, int color) {
  for (size_t i = 0; i < d->nwatches; i++) {
    json_t *ro = repl_session_eval_pure(d->s, d->watches[i], "watch");
    dr_buf_addf(out, "%zu: %s = ", i, d->watches[i]);
    if (ro)
      repl_inspect_remote(out, ro, color, 1);
    else
      dr_buf_adds(out, "<not available>");
    dr_buf_addch(out, '\n');
    json_decref(ro);
  }
}

static void list_source(repl_debugger_t *d, dr_buf_t *out, int ctx) {
  repl_frame_t *f;
  const char *src;
  int line = 0;
  if (!d->paused || d->selected >= d->nframes) return;
  f = &d->frames[d->selected];
  src = repl_debugger_frame_text(d, f);
  if (!src) return;
  for (const char *p = src; *p; line++) {
    size_t n = strcspn(p, "\n");
    int cur = repl_debugger_frame_line(f);
    if (line >= cur - ctx && line <= cur + ctx)
      dr_buf_addf(out, "%c%c%4d %.*s\n", line == cur ? '>' : ' ',
                  repl_debugger_has_bp(d, repl_debugger_frame_url(f), line + 1) ? '*' : ' ',
                  line + 1, (int)n, p);
    p += n;
    if (*p) p++;
  }
}

static int ends_with_file(const char *url, const char *file) {
  size_t a = strlen(url), b = strlen(file);
  return a >= b && !strcmp(url + a - b, file) && (a == b || url[a - b - 1] == '/');
}

int repl_debugger_has_bp(repl_debugger_t *d, const char *url, int line) {
  for (size_t i = 0; i < d->nbps; i++)
    if (d->bps[i].line == line && url && ends_with_file(url, d->bps[i].url_regex_or_file)) return 1;
  return 0;
}

static void smaps_clear(repl_debugger_t *d) {
  for (size_t i = 0; i < d->nsmaps; i++) {
    free(d->smaps[i].id);
    free(d->smaps[i].url);
    free(d->smaps[i].map_url);
    repl_srcmap_free(d->smaps[i].map);
  }
  free(d->smaps);
  d->smaps = NULL;
  d->nsmaps = 0;
}

static void forget_ids(repl_bp_t *bp) {
  for (size_t k = 0; k < bp->nmore; k++) free(bp->more_ids[k]);
  free(bp->more_ids);
  bp->more_ids = NULL;
  bp->nmore = 0;
  free(bp->id);
  bp->id = NULL;
}

static void remove_bp(repl_debugger_t *d, size_t i) {
  if (d->bps[i].id)
    call(d, "Debugger.removeBreakpoint", json_pack("{s:s}", "breakpointId", d->bps[i].id));
  for (size_t k = 0; k < d->bps[i].nmore; k++)
    call(d, "Debugger.removeBreakpoint", json_pack("{s:s}", "breakpointId", d->bps[i].more_ids[k]));
  forget_ids(&d->bps[i]);
  free(d->bps[i].url_regex_or_file);
  free(d->bps[i].condition);
  memmove(d->bps + i, d->bps + i + 1, (d->nbps - i - 1) * sizeof(repl_bp_t));
  d->nbps--;
}

static int add_bp(repl_debugger_t *d, const char *file, int line, const char *cond, int logpoint,
                  dr_buf_t *out) {
  repl_bp_t *bp;
  d->bps = dr_realloc(d->bps, (d->nbps + 1) * sizeof(repl_bp_t));
  bp = &d->bps[d->nbps];
  memset(bp, 0, sizeof(*bp));
  bp->url_regex_or_file = dr_strdup(file);
  bp->line = line;
  bp->condition = cond && *cond ? dr_strdup(cond) : NULL;
  bp->logpoint = logpoint;
  if (set_bp(d, bp, out) < 0 && repl_session_alive(d->s)) {
    free(bp->url_regex_or_file);
    free(bp->condition);
    return 0;
  }
  d->nbps++;
  return 1;
}

int repl_debugger_toggle(repl_debugger_t *d, const char *url, int line, dr_buf_t *out) {
  for (size_t i = 0; i < d->nbps; i++)
    if (d->bps[i].line == line && ends_with_file(url, d->bps[i].url_regex_or_file)) {
      remove_bp(d, i);
      dr_buf_addf(out, "Cleared breakpoint %s:%d\n", basename_of(url), line);
      return 0;
    }
  {
    const char *file = url;
    if (!strncmp(file, "file://", 7)) file += 7;
    return add_bp(d, file, line, NULL, 0, out);
  }
}

/* "file.js:12" -> file, line.  Returns 0 on success. */
static int parse_loc(const char *s, char *file, size_t fl, int *line, const char **rest) {
  const char *colon = NULL, *p = s;
  while (*p && !isspace((unsigned char)*p)) {
    if (*p == ':') colon = p;
    p++;
  }
  if (!colon || colon == s || (size_t)(colon - s) >= fl) return -1;
  *line = atoi(colon + 1);
  if (*line <= 0) return -1;
  memcpy(file, s, colon - s);
  file[colon - s] = '\0';
  while (isspace((unsigned char)*p)) p++;
  *rest = p;
  return 0;
}

static int step(repl_debugger_t *d, const char *method, dr_buf_t *out) {
  if (!d->paused) {
    dr_buf_adds(out, "not paused\n");
    return 1;
  }
  call(d, method, NULL);
  return 2;
}

int repl_debugger_command(repl_debugger_t *d, const char *cmd, dr_buf_t *out) {
  char word[32], file[1024];
  const char *arg;
  size_t n;
  int line;
  while (isspace((unsigned char)*cmd)) cmd++;
  n = strcspn(cmd, " \t\n");
  if (n == 0 || n >= sizeof(word)) return 0;
  memcpy(word, cmd, n);
  word[n] = '\0';
  arg = cmd + n;
  while (isspace((unsigned char)*arg)) arg++;
  /* Bare stepping words only mean a command while paused (otherwise `n`
   * may be a variable the user wants to see). */
  if (!*arg && d->paused) {
    if (!strcmp(word, "c") || !strcmp(word, "cont")) return step(d, "Debugger.resume", out);
    if (!strcmp(word, "n") || !strcmp(word, "next")) return step(d, "Debugger.stepOver", out);
    if (!strcmp(word, "s") || !strcmp(word, "step")) return step(d, "Debugger.stepInto", out);
    if (!strcmp(word, "o") || !strcmp(word, "out")) return step(d, "Debugger.stepOut", out);
    if (!strcmp(word, "bt") || !strcmp(word, "where") || !strcmp(word, "backtrace")) {
      repl_debugger_backtrace(d, out);
      return 1;
    }
    if (!strcmp(word, "up") || !strcmp(word, "down")) {
      if (!strcmp(word, "up") && d->selected + 1 < d->nframes) d->selected++;
      if (!strcmp(word, "down") && d->selected > 0) d->selected--;
      repl_session_set_frame(d->s, d->frames[d->selected].id);
      repl_session_set_scopes(d->s, d->frames[d->selected].scopes);
      repl_debugger_backtrace(d, out);
      return 1;
    }
    if (!strcmp(word, "list")) {
      list_source(d, out, 5);
      return 1;
    }
  }
  if (!strcmp(word, "list") && d->paused && isdigit((unsigned char)*arg)) {
    list_source(d, out, atoi(arg));
    return 1;
  }
  if (!strcmp(word, "pause") && !*arg) {
    /* Asynchronous: a target busy in our own Runtime.evaluate (Node) never
     * answers until that evaluation ends, and the UI must stay live. */
    dr_cdp_t *c = repl_session_cdp(d->s);
    if (c) dr_cdp_send(c, "Debugger.pause", NULL, NULL, NULL);
    return 1;
  }
  if ((!strcmp(word, "b") || !strcmp(word, "break") || !strcmp(word, "sb")) && *arg) {
    const char *rest;
    if (parse_loc(arg, file, sizeof(file), &line, &rest) < 0) return 0;
    if (!strncmp(rest, "if ", 3))
      rest += 3;
    else if (*rest)
      return 0;
    add_bp(d, file, line, rest, 0, out);
    return 1;
  }
  if (!strcmp(word, "log") && *arg) {
    const char *rest;
    if (parse_loc(arg, file, sizeof(file), &line, &rest) < 0 || !*rest) return 0;
    add_bp(d, file, line, rest, 1, out);
    return 1;
  }
  if ((!strcmp(word, "cb") || !strcmp(word, "clear")) && *arg) {
    const char *rest;
    if (parse_loc(arg, file, sizeof(file), &line, &rest) < 0) return 0;
    for (size_t i = 0; i < d->nbps; i++)
      if (d->bps[i].line == line && !strcmp(d->bps[i].url_regex_or_file, file)) {
        remove_bp(d, i);
        dr_buf_addf(out, "Cleared breakpoint %s:%d\n", file, line);
        return 1;
      }
    dr_buf_addf(out, "no breakpoint at %s:%d\n", file, line);
    return 1;
  }
  if (!strcmp(word, "breakpoints") && !*arg) {
    for (size_t i = 0; i < d->nbps; i++)
      dr_buf_addf(out, "%zu: %s %s:%d%s%s\n", i, d->bps[i].logpoint ? "log" : "break",
                  d->bps[i].url_regex_or_file, d->bps[i].line, d->bps[i].condition ? " " : "",
                  d->bps[i].condition ? d->bps[i].condition : "");
    if (!d->nbps) dr_buf_adds(out, "no breakpoints\n");
    return 1;
  }
  if (!strcmp(word, "watch") && *arg) {
    d->watches = dr_realloc(d->watches, (d->nwatches + 1) * sizeof(char *));
    d->watches[d->nwatches++] = dr_strdup(arg);
    dr_buf_addf(out, "Watching %zu: %s\n", d->nwatches - 1, arg);
    return 1;
  }
  if (!strcmp(word, "unwatch") && *arg) {
    size_t i = (size_t)atoi(arg);
    if (i < d->nwatches) {
      free(d->watches[i]);
      memmove(d->watches + i, d->watches + i + 1, (d->nwatches - i - 1) * sizeof(char *));
      d->nwatches--;
    }
    return 1;
  }
  if (!strcmp(word, "watchers") && !*arg) {
    repl_debugger_watches(d, out, 0);
    return 1;
  }
  if (!strcmp(word, "catch") &&
      (!strcmp(arg, "all") || !strcmp(arg, "uncaught") || !strcmp(arg, "none"))) {
    free(d->pause_on);
    d->pause_on = dr_strdup(arg);
    call(d, "Debugger.setPauseOnExceptions", json_pack("{s:s}", "state", arg));
    dr_buf_addf(out, "Pause on exceptions: %s\n", arg);
    return 1;
  }
  return 0;
}

/* One-line description of where we are paused, for line mode and the status. */
void repl_debugger_where(repl_debugger_t *d, dr_buf_t *out) {
  repl_frame_t *f;
  if (!d->paused || !d->nframes) return;
  f = &d->frames[d->selected];
  dr_buf_addf(out, "Paused (%s) in %s at %s:%d", d->reason ? d->reason : "other",
              f->function && *f->function ? f->function : "(anonymous)",
              basename_of(repl_debugger_frame_url(f)), repl_debugger_frame_line(f) + 1);
}
