/* session.c — the evaluation engine: Node REPL semantics over CDP.
 *
 * One CDP session to the target (dr_cdp_t from lib/).  Evaluation uses
 * Runtime.evaluate with replMode:true, which gives top-level await and lets
 * let/const/class be redeclared across inputs, exactly what Node's REPL
 * promises; while paused it uses Debugger.evaluateOnCallFrame in the
 * selected frame.  After each input `_` (value) or `_error` (exception) is
 * set on globalThis, as in Node.  Objects are formatted by the target's own
 * util.inspect when it has one (require or process.mainModule), else by
 * inspect.c from the preview.  The eager preview and completion use
 * throwOnSideEffect with a short timeout so they never run code with
 * effects.  Input that starts with '{' is tried as an object literal first
 * (Node's rule).  The completeness check is Runtime.compileScript: an error
 * at the end of the input means "keep reading".  import() is rewritten to a
 * helper the local runtime defines (see target.c), as code evaluated over
 * the inspector has no module to resolve it against.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "devrun/err.h"
#include "devrun/util.h"
#include "repl.h"

#define CALL_TIMEOUT 30000
#define PREVIEW_TIMEOUT 333

struct repl_session_s {
  dr_cdp_t *cdp;
  repl_session_cbs_t cbs;
  char *target;
  int color, width;
  int ctx_id;
  int alive;
  int has_inspect; /* -1 unknown, 0 no, 1 yes */
  int has_import;  /* the target defines __devrun_import__ (local mode) */
  char *frame;     /* selected call frame while paused */
  json_t *scopes;  /* its scopeChain */
  int show_console;
  int enabling; /* inside Runtime.enable: console events are replays */
  int ctx_gone; /* the default context was destroyed: the process is exiting */
  unsigned gen; /* bumped by every evaluation (invalidates caches) */
};

unsigned repl_session_generation(repl_session_t *s) {
  return s->gen;
}

static const char inspect_fn[] =
    "function(c, w) {"
    "  const r = globalThis.require || (globalThis.process && process.mainModule &&"
    "    process.mainModule.require.bind(process.mainModule));"
    "  if (typeof r !== 'function') return undefined;"
    "  return r('util').inspect(this, { colors: c, breakLength: w });"
    "}";

static const char set_fn[] =
    "function(name, v) {"
    "  Object.defineProperty(globalThis, name, { value: v, writable: true,"
    "    configurable: true, enumerable: false });"
    "}";

repl_session_t *repl_session_new(const repl_session_cbs_t *cbs, int color, int width) {
  repl_session_t *s = dr_calloc(1, sizeof(*s));
  if (cbs) s->cbs = *cbs;
  s->color = color;
  s->width = width > 20 ? width : 80;
  s->has_inspect = -1;
  s->ctx_id = 0;
  return s;
}

dr_cdp_t *repl_session_cdp(repl_session_t *s) {
  return s->cdp;
}
const char *repl_session_target(repl_session_t *s) {
  return s->target;
}
void repl_session_set_width(repl_session_t *s, int width) {
  s->width = width > 20 ? width : 80;
}
void repl_session_set_color(repl_session_t *s, int color) {
  s->color = color;
}
int repl_session_alive(repl_session_t *s) {
  return s->alive && s->cdp && dr_cdp_is_open(s->cdp);
}

void repl_session_set_frame(repl_session_t *s, const char *id) {
  s->gen++;
  free(s->frame);
  s->frame = id ? dr_strdup(id) : NULL;
  if (!id) repl_session_set_scopes(s, NULL);
}

void repl_session_set_scopes(repl_session_t *s, json_t *scope_chain) {
  json_decref(s->scopes);
  s->scopes = json_incref(scope_chain);
  s->gen++;
}

json_t *repl_session_scopes(repl_session_t *s) {
  return s->scopes;
}

static void on_context(dr_cdp_t *c, const char *method, json_t *params, void *data) {
  repl_session_t *s = data;
  json_t *ctx = json_object_get(params, "context");
  if (!strcmp(method, "Runtime.executionContextCreated")) {
    json_t *aux = json_object_get(ctx, "auxData");
    if (!s->ctx_id || json_is_true(json_object_get(aux, "isDefault")))
      s->ctx_id = (int)json_integer_value(json_object_get(ctx, "id"));
  } else if (!strcmp(method, "Runtime.executionContextDestroyed")) {
    if ((int)json_integer_value(json_object_get(params, "executionContextId")) == s->ctx_id) {
      s->ctx_id = 0;
      s->ctx_gone = 1; /* Node then waits for us to disconnect before exiting */
    }
  } else if (!strcmp(method, "Runtime.executionContextsCleared")) {
    s->ctx_id = 0;
  }
}

static void on_console(dr_cdp_t *c, const char *method, json_t *params, void *data) {
  repl_session_t *s = data;
  const char *type = json_string_value(json_object_get(params, "type"));
  json_t *args = json_object_get(params, "args"), *a;
  dr_buf_t out = DR_BUF_INIT;
  size_t i;
  if (!s->show_console || !s->cbs.console || s->enabling) return;
  json_array_foreach(args, i, a) {
    if (i) dr_buf_addch(&out, ' ');
    repl_inspect_remote(&out, a, s->color, 2);
  }
  s->cbs.console(s->cbs.ud, type ? type : "log", out.buf);
  dr_buf_release(&out);
}

static void on_debugger(dr_cdp_t *c, const char *method, json_t *params, void *data) {
  repl_session_t *s = data;
  if (!strcmp(method, "Debugger.paused") && s->cbs.paused) s->cbs.paused(s->cbs.ud, params);
  if (!strcmp(method, "Debugger.resumed")) {
    repl_session_set_frame(s, NULL);
    if (s->cbs.resumed) s->cbs.resumed(s->cbs.ud);
  }
}

static void on_close(dr_cdp_t *c, int status, void *data) {
  repl_session_t *s = data;
  s->alive = 0;
  if (status != 0 && s->cbs.gone) s->cbs.gone(s->cbs.ud, dr_cdp_last_error(c));
}

static json_t *ctx_params(repl_session_t *s, json_t *p);

/* DEVRUN_REPL_TRACE=1 logs every incoming message to stderr (debugging). */
static int on_raw(dr_cdp_t *c, const char *msg, size_t len, void *data) {
  fprintf(stderr, "<- %.*s\n", (int)(len > 300 ? 300 : len), msg);
  return 0;
}

static int open_cdp(repl_session_t *s, const char *target, char *err, size_t errlen) {
  dr_cdp_options_t opt = {10000, 0};
  json_t *r = NULL;
  int rc = dr_cdp_open(&s->cdp, target, &opt, err, errlen);
  if (rc < 0) return rc;
  s->alive = 1;
  s->ctx_id = 0;
  s->has_inspect = -1;
  dr_cdp_subscribe(s->cdp, "Runtime.executionContextCreated", on_context, s);
  dr_cdp_subscribe(s->cdp, "Runtime.executionContextDestroyed", on_context, s);
  dr_cdp_subscribe(s->cdp, "Runtime.executionContextsCleared", on_context, s);
  dr_cdp_subscribe(s->cdp, "Runtime.consoleAPICalled", on_console, s);
  dr_cdp_subscribe(s->cdp, "Debugger.", on_debugger, s);
  dr_cdp_set_close_cb(s->cdp, on_close, s);
  if (getenv("DEVRUN_REPL_TRACE")) dr_cdp_set_raw_cb(s->cdp, on_raw, s);
  s->enabling = 1;
  rc = dr_cdp_call(s->cdp, "Runtime.enable", NULL, &r, CALL_TIMEOUT);
  json_decref(r);
  /* Node replays earlier console messages right after enabling; they
   * arrive before any reply we wait for next, so drain them now. */
  if (rc == 0) {
    json_t *r2 = NULL;
    dr_cdp_call(s->cdp, "Runtime.evaluate", json_pack("{s:s, s:b}", "expression", "0", "silent", 1),
                &r2, CALL_TIMEOUT);
    json_decref(r2);
  }
  s->enabling = 0;
  if (rc < 0) {
    snprintf(err, errlen, "Runtime.enable: %s", dr_cdp_last_error(s->cdp));
    dr_cdp_close(s->cdp);
    s->cdp = NULL;
    return rc;
  }
  /* Node sends executionContextCreated during Runtime.enable. */
  dr_cdp_poll(s->cdp, 0);
  dr_cdp_send(s->cdp, "Runtime.runIfWaitingForDebugger", NULL, NULL, NULL);
  {
    json_t *r3 = NULL;
    s->has_import = 0;
    if (dr_cdp_call(s->cdp, "Runtime.evaluate",
                    ctx_params(s, json_pack("{s:s, s:b, s:b}", "expression",
                                            "typeof globalThis.__devrun_import__ === 'function'",
                                            "returnByValue", 1, "silent", 1)),
                    &r3, CALL_TIMEOUT) == 0)
      s->has_import = json_is_true(json_object_get(json_object_get(r3, "result"), "value"));
    json_decref(r3);
  }
  return 0;
}

/* `import(` (the dynamic form, outside strings and comments) ->
 * `__devrun_import__(`; NULL when there is none. */
static char *rewrite_import(const char *src) {
  dr_buf_t b = DR_BUF_INIT;
  int changed = 0;
  const char *p = src;
  while (*p) {
    if (*p == '\'' || *p == '"' || *p == '`') {
      char q = *p;
      const char *e = p + 1;
      while (*e && *e != q) e += (*e == '\\' && e[1]) ? 2 : 1;
      if (*e) e++;
      dr_buf_add(&b, p, (size_t)(e - p));
      p = e;
    } else if (p[0] == '/' && p[1] == '/') {
      size_t n = strcspn(p, "\n");
      dr_buf_add(&b, p, n);
      p += n;
    } else if (p[0] == '/' && p[1] == '*') {
      const char *e = strstr(p + 2, "*/");
      size_t n = e ? (size_t)(e + 2 - p) : strlen(p);
      dr_buf_add(&b, p, n);
      p += n;
    } else if (!strncmp(p, "import", 6) &&
               (p == src ||
                !(isalnum((unsigned char)p[-1]) || p[-1] == '_' || p[-1] == '$' || p[-1] == '.')) &&
               p[6 + strspn(p + 6, " \t")] == '(') {
      dr_buf_adds(&b, "__devrun_import__");
      p += 6;
      changed = 1;
    } else {
      dr_buf_addch(&b, *p++);
    }
  }
  if (!changed) {
    dr_buf_release(&b);
    return NULL;
  }
  return dr_buf_detach(&b, NULL);
}

int repl_session_attach(repl_session_t *s, const char *target, char *err, size_t errlen) {
  free(s->target);
  s->target = dr_strdup(target);
  return open_cdp(s, target, err, errlen);
}

int repl_session_reattach(repl_session_t *s, char *err, size_t errlen) {
  s->ctx_gone = 0;
  char hp[300];
  const char *t = s->target;
  if (s->cdp) {
    dr_cdp_set_close_cb(s->cdp, NULL, NULL);
    dr_cdp_close(s->cdp);
    s->cdp = NULL;
  }
  repl_session_set_frame(s, NULL);
  /* A ws:// URL names one process; the replacement has a new id, so ask
   * host:port for the current one. */
  if (!strncmp(t, "ws://", 5)) {
    size_t n = strcspn(t + 5, "/");
    snprintf(hp, sizeof(hp), "%.*s", (int)n, t + 5);
    t = hp;
  }
  return open_cdp(s, t, err, errlen);
}

void repl_session_free(repl_session_t *s) {
  if (!s) return;
  if (s->cdp) {
    dr_cdp_set_close_cb(s->cdp, NULL, NULL);
    dr_cdp_close(s->cdp);
  }
  free(s->frame);
  json_decref(s->scopes);
  free(s->target);
  free(s);
}

/* The target's default context is gone (the process is exiting, and Node
 * waits for its debugger to disconnect): disconnect, and say it went away.
 * Only called outside dispatch. */
static void drop_if_exiting(repl_session_t *s) {
  if (!s->ctx_gone || !s->cdp) return;
  s->ctx_gone = 0;
  dr_cdp_set_close_cb(s->cdp, NULL, NULL);
  dr_cdp_close(s->cdp); /* pending evaluations get DR_ECANCELED */
  s->cdp = NULL;
  s->alive = 0;
  repl_session_set_frame(s, NULL);
  if (s->cbs.gone) s->cbs.gone(s->cbs.ud, "the target's context was destroyed");
}

void repl_session_poll(repl_session_t *s, int timeout_ms) {
  if (s->cdp) dr_cdp_poll(s->cdp, timeout_ms);
  drop_if_exiting(s);
}

void repl_session_show_console(repl_session_t *s, int on) {
  s->show_console = on;
}

static json_t *ctx_params(repl_session_t *s, json_t *p) {
  if (s->ctx_id) json_object_set_new(p, "executionContextId", json_integer(s->ctx_id));
  return p;
}

/* Local fallback: unbalanced brackets or an open string/template/comment. */
static int scan_complete(const char *src) {
  int depth = 0, tmpl = 0;
  char q = 0;
  for (const char *p = src; *p; p++) {
    if (q) {
      if (*p == '\\' && p[1])
        p++;
      else if (*p == q)
        q = 0;
      else if (q == '`' && *p == '$' && p[1] == '{') {
        depth++;
        p++;
        q = 0;
        tmpl++;
      }
      continue;
    }
    if (*p == '/' && p[1] == '/') {
      p += strcspn(p, "\n");
      if (!*p) break;
      continue;
    }
    if (*p == '/' && p[1] == '*') {
      const char *e = strstr(p + 2, "*/");
      if (!e) return 0;
      p = e + 1;
      continue;
    }
    if (*p == '\'' || *p == '"' || *p == '`')
      q = *p;
    else if (*p == '(' || *p == '[' || *p == '{')
      depth++;
    else if (*p == ')' || *p == ']' || *p == '}') {
      depth--;
      if (*p == '}' && tmpl > 0) {
        q = '`';
        tmpl--;
      }
    }
  }
  return q == '`' || depth > 0 ? 0 : 1;
}

int repl_session_is_complete(repl_session_t *s, const char *src) {
  json_t *r = NULL;
  const char *msg;
  int rc, complete = 1;
  if (!s->cdp || !repl_session_alive(s)) return scan_complete(src);
  rc = dr_cdp_call(s->cdp, "Runtime.compileScript",
                   ctx_params(s, json_pack("{s:s, s:s, s:b}", "expression", src, "sourceURL", "",
                                           "persistScript", 0)),
                   &r, CALL_TIMEOUT);
  if (rc < 0) {
    json_decref(r);
    return scan_complete(src);
  }
  msg = dr_cdp_exception_text(r);
  if (msg) {
    if (strstr(msg, "Unexpected end of input") || strstr(msg, "Unterminated template"))
      complete = 0;
    else if (strstr(msg, "missing ) after argument list"))
      complete = scan_complete(src); /* `f(1,` is open, `f(1 2)` is wrong */
  }
  json_decref(r);
  return complete;
}

/* Sets globalThis[name] = the RemoteObject's value. */
static void set_global(repl_session_t *s, const char *name, json_t *ro) {
  json_t *arg, *r = NULL;
  const char *oid = json_string_value(json_object_get(ro, "objectId"));
  if (s->frame || !s->ctx_id) return;
  if (oid)
    arg = json_pack("{s:s}", "objectId", oid);
  else if (json_object_get(ro, "unserializableValue"))
    arg = json_pack("{s:O}", "unserializableValue", json_object_get(ro, "unserializableValue"));
  else if (json_object_get(ro, "value"))
    arg = json_pack("{s:O}", "value", json_object_get(ro, "value"));
  else
    arg = json_object(); /* undefined */
  dr_cdp_call(s->cdp, "Runtime.callFunctionOn",
              json_pack("{s:s, s:[{s:s}, o], s:i, s:b}", "functionDeclaration", set_fn, "arguments",
                        "value", name, arg, "executionContextId", s->ctx_id, "silent", 1),
              &r, CALL_TIMEOUT);
  json_decref(r);
}

/* The target's util.inspect of an object, or NULL. */
static char *remote_inspect(repl_session_t *s, json_t *ro) {
  const char *oid = json_string_value(json_object_get(ro, "objectId"));
  json_t *r = NULL, *v;
  char *out = NULL;
  if (!oid || s->has_inspect == 0) return NULL;
  if (dr_cdp_call(s->cdp, "Runtime.callFunctionOn",
                  json_pack("{s:s, s:s, s:[{s:b}, {s:i}], s:b, s:b}", "objectId", oid,
                            "functionDeclaration", inspect_fn, "arguments", "value", s->color,
                            "value", s->width, "returnByValue", 1, "silent", 1),
                  &r, CALL_TIMEOUT) == 0 &&
      !json_object_get(r, "exceptionDetails")) {
    v = json_object_get(json_object_get(r, "result"), "value");
    if (json_is_string(v)) {
      out = dr_strdup(json_string_value(v));
      s->has_inspect = 1;
    } else {
      s->has_inspect = 0;
    }
  }
  json_decref(r);
  return out;
}

/* "ReferenceError: x is not defined\n    at <anonymous>:1:1" -> first line
 * plus the frames that are not the REPL's own. */
static void add_error(dr_buf_t *out, const char *desc) {
  const char *p = desc;
  int first = 1;
  while (*p) {
    size_t n = strcspn(p, "\n");
    int repl_frame =
        !first && (strstr(p, "at <anonymous>") && (size_t)(strstr(p, "at <anonymous>") - p) < n);
    if (!first && n > 4 && !strncmp(p, "    at ", 7) && !repl_frame) {
      dr_buf_addch(out, '\n');
      dr_buf_add(out, p, n);
    } else if (first) {
      dr_buf_add(out, p, n);
    } else if (strncmp(p, "    at ", 7)) {
      dr_buf_addch(out, '\n');
      dr_buf_add(out, p, n);
    }
    first = 0;
    p += n;
    if (*p) p++;
  }
}

static void format_value(repl_session_t *s, dr_buf_t *out, json_t *ro) {
  char *txt = remote_inspect(s, ro);
  const char *type = json_string_value(json_object_get(ro, "type"));
  const char *sub = json_string_value(json_object_get(ro, "subtype"));
  if (txt && type && (!strcmp(type, "object") || !strcmp(type, "function")) &&
      !(sub && !strcmp(sub, "null"))) {
    dr_buf_adds(out, txt);
  } else {
    repl_inspect_remote(out, ro, s->color, 1);
  }
  free(txt);
}

static int looks_like_object_literal(const char *src) {
  const char *p = src, *e = src + strlen(src);
  while (isspace((unsigned char)*p)) p++;
  while (e > p && (isspace((unsigned char)e[-1]))) e--;
  return *p == '{' && e > p && e[-1] == '}';
}

typedef struct {
  repl_session_t *s;
  repl_eval_cb cb;
  void *ud;
} pending_eval_t;

/* Turns an evaluate reply into a repl_eval_t (formats, sets _ / _error). */
static void eval_finish(repl_session_t *s, int rc, json_t *r, repl_eval_t *out) {
  json_t *ro, *exc;
  dr_buf_t txt = DR_BUF_INIT;
  memset(out, 0, sizeof(*out));
  if (rc < 0) {
    const char *m = rc == DR_EPROTO ? json_string_value(json_object_get(r, "message")) : NULL;
    dr_buf_addf(&txt, "%s", m ? m : rc == DR_ECANCELED ? "the target went away" : dr_strerror(rc));
    out->text = dr_buf_detach(&txt, NULL);
    return;
  }
  exc = json_object_get(r, "exceptionDetails");
  ro = json_object_get(r, "result");
  if (exc) {
    json_t *e = json_object_get(exc, "exception");
    const char *sub = json_string_value(json_object_get(e, "subtype"));
    const char *desc = json_string_value(json_object_get(e, "description"));
    if (s->color) dr_buf_adds(&txt, SGR_ERROR);
    dr_buf_adds(&txt, "Uncaught ");
    if (e && sub && !strcmp(sub, "error") && desc) {
      add_error(&txt, desc);
    } else if (e) {
      dr_buf_t v = DR_BUF_INIT;
      repl_inspect_remote(&v, e, 0, 1);
      dr_buf_add(&txt, v.buf, v.len);
      dr_buf_release(&v);
    } else {
      const char *t = json_string_value(json_object_get(exc, "text"));
      dr_buf_adds(&txt, t ? t : "exception");
    }
    if (s->color) dr_buf_adds(&txt, SGR_RESET);
    if (e) set_global(s, "_error", e);
    out->ok = 0;
    out->remote = json_incref(e);
  } else {
    format_value(s, &txt, ro);
    set_global(s, "_", ro);
    out->ok = 1;
    out->remote = json_incref(ro);
  }
  out->text = dr_buf_detach(&txt, NULL);
}

static void on_eval_reply(dr_cdp_t *c, int status, json_t *result, void *data) {
  pending_eval_t *pe = data;
  repl_eval_t ev;
  eval_finish(pe->s, status, result, &ev);
  pe->cb(pe->ud, status == DR_ECANCELED ? DR_EOF : 0, &ev);
  repl_eval_release(&ev);
  free(pe);
}

int repl_session_eval_async(repl_session_t *s, const char *src, repl_eval_cb cb, void *ud) {
  char *expr = NULL, *rewritten = NULL;
  pending_eval_t *pe;
  int rc;
  if (!repl_session_alive(s)) return DR_EOF;
  s->gen++;
  if (s->has_import && (rewritten = rewrite_import(src))) src = rewritten;
  if (looks_like_object_literal(src)) {
    /* `{ a: 1 }` is an object, not a block, if it parses as one. */
    json_t *c = NULL;
    dr_buf_t w = DR_BUF_INIT;
    dr_buf_addf(&w, "(%s)", src);
    if (dr_cdp_call(s->cdp, "Runtime.compileScript",
                    ctx_params(s, json_pack("{s:s, s:s, s:b}", "expression", w.buf, "sourceURL", "",
                                            "persistScript", 0)),
                    &c, CALL_TIMEOUT) == 0 &&
        !json_object_get(c, "exceptionDetails"))
      expr = dr_buf_detach(&w, NULL);
    dr_buf_release(&w);
    json_decref(c);
  }
  pe = dr_calloc(1, sizeof(*pe));
  pe->s = s;
  pe->cb = cb;
  pe->ud = ud;
  if (s->frame)
    rc = dr_cdp_send(s->cdp, "Debugger.evaluateOnCallFrame",
                     json_pack("{s:s, s:s, s:b, s:s, s:b}", "callFrameId", s->frame, "expression",
                               expr ? expr : src, "generatePreview", 1, "objectGroup", "repl",
                               "includeCommandLineAPI", 1),
                     on_eval_reply, pe);
  else
    rc = dr_cdp_send(
        s->cdp, "Runtime.evaluate",
        ctx_params(s, json_pack("{s:s, s:b, s:b, s:s, s:b, s:b}", "expression", expr ? expr : src,
                                "replMode", 1, "generatePreview", 1, "objectGroup", "repl",
                                "includeCommandLineAPI", 1, "userGesture", 1)),
        on_eval_reply, pe);
  free(expr);
  free(rewritten);
  if (rc < 0) free(pe);
  return rc < 0 ? rc : 0;
}

typedef struct {
  int done, rc;
  repl_eval_t *out;
} sync_eval_t;

static void sync_eval_cb(void *ud, int rc, repl_eval_t *ev) {
  sync_eval_t *se = ud;
  se->done = 1;
  se->rc = rc;
  *se->out = *ev;
  memset(ev, 0, sizeof(*ev)); /* moved */
}

int repl_session_eval(repl_session_t *s, const char *src, repl_eval_t *out) {
  sync_eval_t se = {0, 0, out};
  int rc;
  memset(out, 0, sizeof(*out));
  rc = repl_session_eval_async(s, src, sync_eval_cb, &se);
  if (rc < 0) return rc;
  while (!se.done) {
    if (dr_cdp_poll(s->cdp, 1000) == DR_EOF && !se.done) return DR_EOF;
    if (s->ctx_gone && !se.done) {
      drop_if_exiting(s); /* cancels the evaluation: se.done is set */
      if (!se.done) return DR_EOF;
    }
  }
  return se.rc;
}

void repl_eval_release(repl_eval_t *e) {
  free(e->text);
  json_decref(e->remote);
  memset(e, 0, sizeof(*e));
}

json_t *repl_session_eval_pure(repl_session_t *s, const char *expr, const char *group) {
  json_t *r = NULL, *ro = NULL;
  int rc;
  if (!repl_session_alive(s)) return NULL;
  if (s->frame)
    rc = dr_cdp_call(s->cdp, "Debugger.evaluateOnCallFrame",
                     json_pack("{s:s, s:s, s:b, s:b, s:i, s:s, s:b}", "callFrameId", s->frame,
                               "expression", expr, "generatePreview", 1, "throwOnSideEffect", 1,
                               "timeout", PREVIEW_TIMEOUT, "objectGroup", group, "silent", 1),
                     &r, 5000);
  else
    rc =
        dr_cdp_call(s->cdp, "Runtime.evaluate",
                    ctx_params(s, json_pack("{s:s, s:b, s:b, s:i, s:s, s:b}", "expression", expr,
                                            "generatePreview", 1, "throwOnSideEffect", 1, "timeout",
                                            PREVIEW_TIMEOUT, "objectGroup", group, "silent", 1)),
                    &r, 5000);
  if (rc == 0 && !json_object_get(r, "exceptionDetails"))
    ro = json_incref(json_object_get(r, "result"));
  json_decref(r);
  return ro;
}

char *repl_session_preview(repl_session_t *s, const char *src, int maxcols) {
  json_t *ro;
  dr_buf_t out = DR_BUF_INIT;
  const char *p = src;
  while (isspace((unsigned char)*p)) p++;
  if (!*p || *p == '.' || strlen(src) > 2000) return NULL;
  ro = repl_session_eval_pure(s, src, "preview");
  if (!ro) return NULL;
  {
    const char *type = json_string_value(json_object_get(ro, "type"));
    if (type && (!strcmp(type, "function") || !strcmp(type, "undefined"))) {
      json_decref(ro);
      return NULL;
    }
  }
  repl_inspect_remote(&out, ro, s->color, 1);
  json_decref(ro);
  dr_cdp_send(s->cdp, "Runtime.releaseObjectGroup", json_pack("{s:s}", "objectGroup", "preview"),
              NULL, NULL);
  for (char *q = out.buf; *q; q++)
    if (*q == '\n') *q = ' ';
  /* Preview equal to the input (a literal) says nothing. */
  {
    char *plain = dr_strdup(out.buf);
    repl_strip_sgr(plain);
    if (!strcmp(plain, p)) {
      free(plain);
      dr_buf_release(&out);
      return NULL;
    }
    free(plain);
  }
  (void)maxcols;
  return dr_buf_detach(&out, NULL);
}

json_t *repl_session_properties(repl_session_t *s, const char *object_id, int own, int preview) {
  json_t *r = NULL, *res = NULL;
  if (!repl_session_alive(s)) return NULL;
  if (dr_cdp_call(s->cdp, "Runtime.getProperties",
                  json_pack("{s:s, s:b, s:b, s:b}", "objectId", object_id, "ownProperties", own,
                            "generatePreview", preview, "nonIndexedPropertiesOnly", 0),
                  &r, CALL_TIMEOUT) == 0)
    res = json_incref(r);
  json_decref(r);
  return res;
}
