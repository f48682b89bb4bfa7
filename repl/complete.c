/* complete.c — completion candidates for the text before the cursor.
 *
 * Sources, as Node's REPL and the DevTools console use them:
 *   - `.he`               dot-commands
 *   - `require('./li`     builtin modules and files relative to the cwd
 *   - `name`              global lexical names (Runtime.globalLexicalScopeNames),
 *                         properties of globalThis up its prototype chain,
 *                         keywords, and the scope variables of the paused frame
 *   - `expr.na`           own properties of expr and up its prototype chain.
 * `expr` is evaluated with throwOnSideEffect (a proxy as the result gives
 * nothing) and its chain's names are collected by one side-effect-free
 * call (see chain_names).  The name list for an expression is cached until the next
 * evaluation or 30 s, so typing more letters filters locally (what keeps
 * completion fast on objects with many properties).  Ranking is
 * case-insensitive: exact-case prefix, then prefix, then substring.
 */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "devrun/util.h"
#include "repl.h"

static const char *const js_keywords[] = {
    "await",   "break",     "case",  "catch",  "class",  "const",      "continue", "debugger",
    "default", "delete",    "do",    "else",   "export", "extends",    "false",    "finally",
    "for",     "function",  "if",    "import", "in",     "instanceof", "let",      "new",
    "null",    "return",    "super", "switch", "this",   "throw",      "true",     "try",
    "typeof",  "undefined", "var",   "void",   "while",  "with",       "yield",    NULL};

typedef struct {
  char **v;
  size_t n, cap;
} names_t;

static void names_add(names_t *a, const char *s) {
  if (a->n == a->cap) {
    a->cap = a->cap ? a->cap * 2 : 256;
    a->v = dr_realloc(a->v, a->cap * sizeof(char *));
  }
  a->v[a->n++] = dr_strdup(s);
}

static void names_free(names_t *a) {
  for (size_t i = 0; i < a->n; i++) free(a->v[i]);
  free(a->v);
  memset(a, 0, sizeof(*a));
}

static struct {
  char *expr;
  names_t names;
  double at;
  unsigned gen;
  void *session;
} cache;

static int is_id_char(int c) {
  return isalnum(c) || c == '_' || c == '$' || c >= 0x80;
}

static int is_identifier(const char *s) {
  if (!*s || isdigit((unsigned char)*s)) return 0;
  for (; *s; s++)
    if (!is_id_char((unsigned char)*s)) return 0;
  return 1;
}

int repl_complete_split(const char *line, size_t cursor, char **expr, char **word) {
  size_t w = cursor, e;
  int depth = 0;
  *expr = *word = NULL;
  while (w > 0 && is_id_char((unsigned char)line[w - 1])) w--;
  *word = dr_strndup(line + w, cursor - w);
  if (w == 0 || line[w - 1] != '.') return 1;
  if (w >= 2 && line[w - 2] == '.') { /* spread `...x` */
    return 1;
  }
  e = w - 1; /* the dot */
  {
    size_t s = e;
    while (s > 0) {
      char c = line[s - 1];
      if (c == ']' || c == ')')
        depth++;
      else if (c == '[' || c == '(') {
        if (depth == 0) break;
        depth--;
      } else if (depth == 0 && !is_id_char((unsigned char)c) && c != '.') {
        break;
      }
      s--;
    }
    if (s == e || depth) {
      free(*word);
      *word = NULL;
      return 0;
    }
    *expr = dr_strndup(line + s, e - s);
  }
  if (isdigit((unsigned char)(*expr)[0]) && !strchr(*expr, '.')) { /* `1.` is a number */
    free(*expr);
    free(*word);
    *expr = *word = NULL;
    return 0;
  }
  return 1;
}

static int tier(const char *name, const char *prefix) {
  size_t n = strlen(prefix);
  if (!strncmp(name, prefix, n)) return 0;
  if (!strncasecmp(name, prefix, n)) return 1;
  if (n) {
    /* case-insensitive substring */
    for (const char *p = name; *p; p++)
      if (!strncasecmp(p, prefix, n)) return 2;
  }
  return -1;
}

static const char *rank_prefix;
static int cmp_rank(const void *a, const void *b) {
  const char *x = *(char *const *)a, *y = *(char *const *)b;
  int tx = tier(x, rank_prefix), ty = tier(y, rank_prefix);
  int ux = x[0] == '_', uy = y[0] == '_';
  if (tx != ty) return tx - ty;
  if (ux != uy) return ux - uy; /* __proto__ & co. last */
  return strcmp(x, y);
}

void repl_rank(char **names, size_t n, const char *prefix, repl_completion_t *out) {
  size_t k = 0;
  out->items = dr_calloc(n + 1, sizeof(char *));
  out->n = 0;
  for (size_t i = 0; i < n; i++)
    if (tier(names[i], prefix) >= 0 && (prefix[0] || names[i][0] != '_' || 1))
      out->items[k++] = names[i];
  rank_prefix = prefix;
  qsort(out->items, k, sizeof(char *), cmp_rank);
  /* de-duplicate (the list is sorted within tiers), then own the strings */
  {
    size_t w = 0;
    for (size_t i = 0; i < k; i++) {
      int dup = 0;
      for (size_t j = (w > 8 ? w - 8 : 0); j < w; j++)
        if (!strcmp(out->items[j], out->items[i])) dup = 1;
      if (!dup) out->items[w++] = out->items[i];
    }
    k = w;
  }
  for (size_t i = 0; i < k; i++) out->items[i] = dr_strdup(out->items[i]);
  out->n = k;
}

void repl_completion_release(repl_completion_t *c) {
  for (size_t i = 0; i < c->n; i++) free(c->items[i]);
  free(c->items);
  memset(c, 0, sizeof(*c));
}

/* Own property names along the prototype chain, collected in the target by
 * one side-effect-free call (throwOnSideEffect): Object.getOwnPropertyNames
 * never runs getters, and a proxy trap with effects makes the call throw
 * (no candidates).  One round trip returning only names: a 10,000-property
 * object costs milliseconds, where Runtime.getProperties (values and
 * descriptors for every property) costs a hundred or more. */
static const char names_fn[] =
    "function() {"
    "  const out = [];"
    "  for (let o = this, d = 0; o !== null && o !== undefined && d < 32;"
    "       o = Object.getPrototypeOf(o), d++)"
    "    out.push(Object.getOwnPropertyNames(o).join('\\n'));"
    "  return out.join('\\n');"
    "}";

static void chain_names(repl_session_t *s, const char *oid, names_t *out) {
  dr_cdp_t *c = repl_session_cdp(s);
  json_t *r = NULL;
  const char *all;
  if (!c) return;
  if (dr_cdp_call(c, "Runtime.callFunctionOn",
                  json_pack("{s:s, s:s, s:b, s:b, s:i, s:b}", "objectId", oid,
                            "functionDeclaration", names_fn, "returnByValue", 1,
                            "throwOnSideEffect", 1, "timeout", 500, "silent", 1),
                  &r, 5000) == 0 &&
      !json_object_get(r, "exceptionDetails") &&
      (all = json_string_value(json_object_get(json_object_get(r, "result"), "value")))) {
    char *copy = dr_strdup(all), *save = NULL;
    for (char *t = strtok_r(copy, "\n", &save); t; t = strtok_r(NULL, "\n", &save))
      if (is_identifier(t)) names_add(out, t);
    free(copy);
  }
  json_decref(r);
}

static unsigned current_gen(repl_session_t *s);

static void object_names(repl_session_t *s, const char *expr, names_t *out) {
  json_t *ro = repl_session_eval_pure(s, expr, "completion");
  const char *type, *sub, *oid;
  if (!ro) return;
  type = json_string_value(json_object_get(ro, "type"));
  sub = json_string_value(json_object_get(ro, "subtype"));
  oid = json_string_value(json_object_get(ro, "objectId"));
  if (type && oid && (!strcmp(type, "object") || !strcmp(type, "function")) &&
      !(sub && !strcmp(sub, "proxy"))) {
    chain_names(s, oid, out);
  } else if (type &&
             (!strcmp(type, "string") || !strcmp(type, "number") || !strcmp(type, "boolean") ||
              !strcmp(type, "bigint") || !strcmp(type, "symbol"))) {
    char proto[64];
    json_t *p;
    snprintf(proto, sizeof(proto), "%c%s.prototype", toupper((unsigned char)type[0]),
             !strcmp(type, "bigint") ? "igInt" : type + 1);
    p = repl_session_eval_pure(s, proto, "completion");
    oid = json_string_value(json_object_get(p, "objectId"));
    if (oid) chain_names(s, oid, out);
    json_decref(p);
  }
  json_decref(ro);
}

static void global_names(repl_session_t *s, names_t *out) {
  json_t *r = NULL, *v;
  size_t i;
  dr_cdp_t *c = repl_session_cdp(s);
  if (c && dr_cdp_call(c, "Runtime.globalLexicalScopeNames", NULL, &r, 5000) == 0) {
    json_array_foreach(json_object_get(r, "names"), i, v) names_add(out, json_string_value(v));
  }
  json_decref(r);
  object_names(s, "globalThis", out);
  for (int k = 0; js_keywords[k]; k++) names_add(out, js_keywords[k]);
  /* Paused: the variables of the selected frame's scopes (not global). */
  json_array_foreach(repl_session_scopes(s), i, v) {
    const char *type = json_string_value(json_object_get(v, "type"));
    const char *oid = json_string_value(json_object_get(json_object_get(v, "object"), "objectId"));
    json_t *props, *p;
    size_t k;
    if (!oid || !type || !strcmp(type, "global")) continue;
    props = repl_session_properties(s, oid, 1, 0);
    json_array_foreach(json_object_get(props, "result"), k, p) {
      const char *name = json_string_value(json_object_get(p, "name"));
      if (name && is_identifier(name)) names_add(out, name);
    }
    json_decref(props);
  }
}

static void module_names(repl_session_t *s, const char *partial, names_t *out) {
  json_t *ro = repl_session_eval_pure(
      s, "(globalThis.require && require('module').builtinModules || []).join(',')", "completion");
  const char *list = json_string_value(json_object_get(ro, "value"));
  char dir[4096];
  const char *slash = strrchr(partial, '/');
  DIR *d;
  struct dirent *e;
  if (list) {
    char *copy = dr_strdup(list), *save = NULL;
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) names_add(out, t);
    free(copy);
  }
  json_decref(ro);
  if (partial[0] != '.' && partial[0] != '/') return;
  /* Paths: list the directory part, keep the directory prefix. */
  snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - partial + 1) : 0, partial);
  d = opendir(dir[0] ? dir : ".");
  while (d && (e = readdir(d))) {
    char full[4096 + 256];
    if (e->d_name[0] == '.' && strcmp(partial + (slash ? slash - partial + 1 : 0), ".") &&
        !(slash && slash[1] == '.'))
      continue;
    snprintf(full, sizeof(full), "%s%s%s", dir, e->d_name, e->d_type == DT_DIR ? "/" : "");
    names_add(out, full);
  }
  if (d) closedir(d);
}

int repl_complete(repl_session_t *s, const char *line, size_t cursor, repl_completion_t *out) {
  names_t names = {0};
  char *expr = NULL, *word = NULL;
  const char *req;
  memset(out, 0, sizeof(*out));
  /* Dot-commands. */
  if (line[0] == '.' && !memchr(line, ' ', cursor)) {
    char *w = dr_strndup(line, cursor);
    for (int k = 0; repl_dot_commands[k]; k++) names_add(&names, repl_dot_commands[k]);
    repl_rank(names.v, names.n, w, out);
    out->prefix_len = cursor;
    free(w);
    names_free(&names);
    return 0;
  }
  /* require('...  / import('... */
  for (size_t k = cursor; k > 0; k--) {
    if (line[k - 1] == '\'' || line[k - 1] == '"') {
      size_t q = k - 1;
      if ((q >= 8 && !strncmp(line + q - 8, "require(", 8)) ||
          (q >= 7 && !strncmp(line + q - 7, "import(", 7))) {
        char *partial = dr_strndup(line + k, cursor - k);
        module_names(s, partial, &names);
        repl_rank(names.v, names.n, partial, out);
        out->prefix_len = cursor - k;
        free(partial);
        names_free(&names);
        return 0;
      }
      break;
    }
    if (line[k - 1] == '\n') break;
  }
  (void)req;
  if (!repl_complete_split(line, cursor, &expr, &word)) return 0;
  if (cache.session == s && cache.gen == current_gen(s) && dr_now_ms() - cache.at < 30000 &&
      ((!expr && !cache.expr) || (expr && cache.expr && !strcmp(expr, cache.expr)))) {
    /* cached */
  } else {
    names_free(&cache.names);
    free(cache.expr);
    cache.expr = expr ? dr_strdup(expr) : NULL;
    if (expr)
      object_names(s, expr, &cache.names);
    else
      global_names(s, &cache.names);
    cache.at = dr_now_ms();
    cache.gen = current_gen(s);
    cache.session = s;
    {
      dr_cdp_t *c = repl_session_cdp(s);
      if (c)
        dr_cdp_send(c, "Runtime.releaseObjectGroup",
                    json_pack("{s:s}", "objectGroup", "completion"), NULL, NULL);
    }
  }
  if (!expr && !word[0]) {
    /* nothing typed: no global dump */
    free(word);
    return 0;
  }
  repl_rank(cache.names.v, cache.names.n, word, out);
  out->prefix_len = strlen(word);
  free(expr);
  free(word);
  return 0;
}

static unsigned current_gen(repl_session_t *s) {
  return repl_session_generation(s);
}

void repl_complete_reset(void) {
  names_free(&cache.names);
  free(cache.expr);
  memset(&cache, 0, sizeof(cache));
}
