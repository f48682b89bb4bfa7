/* inspect.c — formats CDP RemoteObjects the way Node's util.inspect does.
 *
 * Used for the eager preview, scope variables, watches, console arguments
 * and as the fallback for results when the target has no util.inspect we
 * can call (session.c prefers the target's own util.inspect for objects).
 * Input is a RemoteObject as Runtime.evaluate returns it with
 * generatePreview; nested values come from its ObjectPreview, so depth is
 * what V8 previews (objects one level deep, a few properties), and the rest
 * is elided the way Node elides it ("[Object]", "... 3 more items").
 * Output is UTF-8 with ANSI SGR colors when `color` is set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "devrun/util.h"
#include "repl.h"

static void styled(dr_buf_t *out, int color, const char *sgr, const char *s, size_t n) {
  if (color) dr_buf_adds(out, sgr);
  dr_buf_add(out, s, n);
  if (color) dr_buf_adds(out, "\033[39m");
}

static void styleds(dr_buf_t *out, int color, const char *sgr, const char *s) {
  styled(out, color, sgr, s, strlen(s));
}

void repl_inspect_quote(dr_buf_t *out, const char *s, size_t n) {
  char q = '\'';
  if (memchr(s, '\'', n)) {
    if (!memchr(s, '"', n))
      q = '"';
    else if (!memchr(s, '`', n) && !memchr(s, '$', n))
      q = '`';
  }
  dr_buf_addch(out, q);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    switch (c) {
      case '\n':
        dr_buf_adds(out, "\\n");
        break;
      case '\t':
        dr_buf_adds(out, "\\t");
        break;
      case '\r':
        dr_buf_adds(out, "\\r");
        break;
      case '\b':
        dr_buf_adds(out, "\\b");
        break;
      case '\f':
        dr_buf_adds(out, "\\f");
        break;
      case '\v':
        dr_buf_adds(out, "\\v");
        break;
      case '\\':
        dr_buf_adds(out, "\\\\");
        break;
      default:
        if (c == (unsigned char)q) {
          dr_buf_addch(out, '\\');
          dr_buf_addch(out, (char)c);
        } else if (c < 0x20 || c == 0x7f) {
          dr_buf_addf(out, "\\x%02X", c);
        } else {
          dr_buf_addch(out, (char)c);
        }
    }
  }
  dr_buf_addch(out, q);
}

static int is_ident(const char *s) {
  if (!*s || (*s >= '0' && *s <= '9')) return 0;
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
          c == '$' || c >= 0x80))
      return 0;
  }
  return 1;
}

static void add_key(dr_buf_t *out, const char *name, int color) {
  if (is_ident(name)) {
    dr_buf_adds(out, name);
  } else if (name[0] == '[' && name[1] == '[') { /* internal slot */
    dr_buf_adds(out, name);
  } else if (!strncmp(name, "Symbol(", 7)) {
    dr_buf_addch(out, '[');
    styleds(out, color, SGR_STRING, name);
    dr_buf_addch(out, ']');
  } else {
    dr_buf_t q = DR_BUF_INIT;
    repl_inspect_quote(&q, name, strlen(name));
    styled(out, color, SGR_STRING, q.buf, q.len);
    dr_buf_release(&q);
  }
}

/* Function description -> "[Function: f]" / "[class A]" / "[AsyncFunction: f]". */
static void add_function(dr_buf_t *out, const char *desc, int color) {
  dr_buf_t t = DR_BUF_INIT;
  const char *kind = "Function", *p = desc ? desc : "";
  char name[128] = "";
  size_t n;
  if (!strncmp(p, "class", 5) && (p[5] == ' ' || p[5] == '{')) {
    p += 5;
    while (*p == ' ') p++;
    n = strcspn(p, " {");
    if (n && n < sizeof(name) && strncmp(p, "extends", 7)) {
      memcpy(name, p, n);
      name[n] = 0;
    }
    dr_buf_addf(&t, "[class %s]", name[0] ? name : "(anonymous)");
    styled(out, color, SGR_SPECIAL, t.buf, t.len);
    dr_buf_release(&t);
    return;
  }
  if (!strncmp(p, "async ", 6)) {
    kind = "AsyncFunction";
    p += 6;
  }
  if (!strncmp(p, "function", 8)) {
    p += 8;
    if (*p == '*') {
      kind = !strcmp(kind, "AsyncFunction") ? "AsyncGeneratorFunction" : "GeneratorFunction";
      p++;
    }
    while (*p == ' ') p++;
    n = strcspn(p, " (");
    if (n < sizeof(name)) {
      memcpy(name, p, n);
      name[n] = 0;
    }
  }
  if (name[0])
    dr_buf_addf(&t, "[%s: %s]", kind, name);
  else
    dr_buf_addf(&t, "[%s (anonymous)]", kind);
  styled(out, color, SGR_SPECIAL, t.buf, t.len);
  dr_buf_release(&t);
}

/* A primitive or a short description, from (type, subtype, value-as-text). */
static void add_scalar(dr_buf_t *out, const char *type, const char *subtype, const char *v,
                       int color, int quote) {
  if (!type) type = "undefined";
  if (!v) v = "";
  if (!strcmp(type, "undefined")) {
    styleds(out, color, SGR_GREY, "undefined");
  } else if (!strcmp(type, "string")) {
    if (quote) {
      dr_buf_t q = DR_BUF_INIT;
      repl_inspect_quote(&q, v, strlen(v));
      styled(out, color, SGR_STRING, q.buf, q.len);
      dr_buf_release(&q);
    } else {
      dr_buf_adds(out, v);
    }
  } else if (!strcmp(type, "number") || !strcmp(type, "boolean")) {
    styleds(out, color, SGR_NUMBER, v);
  } else if (!strcmp(type, "bigint")) {
    styleds(out, color, SGR_NUMBER, v);
    if (!strchr(v, 'n')) dr_buf_addch(out, 'n');
  } else if (!strcmp(type, "symbol")) {
    styleds(out, color, SGR_STRING, v);
  } else if (!strcmp(type, "function")) {
    add_function(out, v, color);
  } else if (subtype && !strcmp(subtype, "null")) {
    styleds(out, color, SGR_BOLD, "null");
    if (color) dr_buf_adds(out, "\033[22m");
  } else if (subtype && !strcmp(subtype, "regexp")) {
    styleds(out, color, SGR_REGEXP, v);
  } else if (subtype && !strcmp(subtype, "date")) {
    styleds(out, color, SGR_DATE, v);
  } else if (subtype && (!strcmp(subtype, "array") || !strcmp(subtype, "typedarray"))) {
    dr_buf_adds(out, "[Array]");
  } else if (subtype && !strcmp(subtype, "error")) {
    dr_buf_addch(out, '[');
    dr_buf_add(out, v, strcspn(v, "\n"));
    dr_buf_addch(out, ']');
  } else if (!strcmp(v, "Object")) {
    dr_buf_adds(out, "[Object]");
  } else {
    dr_buf_addf(out, "[%s]", v);
  }
}

static void add_preview(dr_buf_t *out, json_t *pv, const char *desc, const char *class_name,
                        int color);

static void add_prop_value(dr_buf_t *out, json_t *p, int color) {
  json_t *vp = json_object_get(p, "valuePreview");
  const char *type = json_string_value(json_object_get(p, "type"));
  const char *sub = json_string_value(json_object_get(p, "subtype"));
  const char *v = json_string_value(json_object_get(p, "value"));
  if (vp && json_is_object(vp)) {
    add_preview(out, vp, json_string_value(json_object_get(vp, "description")), NULL, color);
    return;
  }
  if (type && !strcmp(type, "accessor")) {
    styleds(out, color, SGR_SPECIAL, "[Getter/Setter]");
    return;
  }
  add_scalar(out, type, sub, v, color, 1);
}

/* "Map(2)" -> 2; "Array(3)" -> 3.  Returns -1 when there is no count. */
static long desc_count(const char *desc) {
  const char *p = desc ? strchr(desc, '(') : NULL;
  return p ? strtol(p + 1, NULL, 10) : -1;
}

static void add_preview(dr_buf_t *out, json_t *pv, const char *desc, const char *class_name,
                        int color) {
  const char *sub = json_string_value(json_object_get(pv, "subtype"));
  const char *type = json_string_value(json_object_get(pv, "type"));
  json_t *props = json_object_get(pv, "properties");
  json_t *entries = json_object_get(pv, "entries");
  int overflow = json_is_true(json_object_get(pv, "overflow"));
  size_t i, shown = 0;
  json_t *p;
  if (!desc) desc = json_string_value(json_object_get(pv, "description"));
  if (type && strcmp(type, "object")) {
    add_scalar(out, type, sub, desc, color, 1);
    return;
  }
  if (sub && (!strcmp(sub, "null") || !strcmp(sub, "regexp") || !strcmp(sub, "date"))) {
    add_scalar(out, "object", sub, desc, color, 1);
    return;
  }
  if (sub && !strcmp(sub, "error")) {
    dr_buf_adds(out, desc ? desc : "Error");
    return;
  }
  if (sub && (!strcmp(sub, "array") || !strcmp(sub, "typedarray"))) {
    long count = desc_count(desc);
    int typed = !strcmp(sub, "typedarray");
    size_t n = 0;
    if (typed && desc) dr_buf_add(out, desc, strcspn(desc, "(")), dr_buf_addf(out, "(%ld) ", count);
    if (count == 0) {
      dr_buf_adds(out, "[]");
      return;
    }
    dr_buf_adds(out, "[ ");
    json_array_foreach(props, i, p) {
      const char *name = json_string_value(json_object_get(p, "name"));
      int index = name && name[0] >= '0' && name[0] <= '9';
      if (shown++) dr_buf_adds(out, ", ");
      if (!index && name) {
        add_key(out, name, color);
        dr_buf_adds(out, ": ");
      } else {
        n++;
      }
      add_prop_value(out, p, color);
    }
    if (count > (long)n)
      dr_buf_addf(out, "%s... %ld more item%s", shown ? ", " : "", count - (long)n,
                  count - (long)n == 1 ? "" : "s");
    dr_buf_adds(out, " ]");
    return;
  }
  if (sub && (!strcmp(sub, "map") || !strcmp(sub, "set") || !strcmp(sub, "weakmap") ||
              !strcmp(sub, "weakset"))) {
    long count = desc_count(desc);
    int map = !strcmp(sub, "map") || !strcmp(sub, "weakmap");
    dr_buf_add(out, desc ? desc : "Map", desc ? strlen(desc) : 3);
    if (!json_array_size(entries)) {
      dr_buf_adds(out, " {}");
      return;
    }
    dr_buf_adds(out, " { ");
    json_array_foreach(entries, i, p) {
      json_t *k = json_object_get(p, "key"), *v = json_object_get(p, "value");
      if (i) dr_buf_adds(out, ", ");
      if (map && k) {
        add_preview(out, k, NULL, NULL, color);
        dr_buf_adds(out, " => ");
      }
      add_preview(out, v, NULL, NULL, color);
    }
    if (count > (long)json_array_size(entries))
      dr_buf_addf(out, ", ... %ld more item%s", count - (long)json_array_size(entries),
                  count - (long)json_array_size(entries) == 1 ? "" : "s");
    else if (overflow)
      dr_buf_adds(out, ", ...");
    dr_buf_adds(out, " }");
    return;
  }
  if (sub && !strcmp(sub, "promise")) {
    const char *state = NULL;
    json_t *result = NULL;
    json_array_foreach(props, i, p) {
      const char *name = json_string_value(json_object_get(p, "name"));
      if (name && !strcmp(name, "[[PromiseState]]"))
        state = json_string_value(json_object_get(p, "value"));
      if (name && !strcmp(name, "[[PromiseResult]]")) result = p;
    }
    dr_buf_adds(out, "Promise { ");
    if (!state || !strcmp(state, "pending")) {
      styleds(out, color, SGR_SPECIAL, "<pending>");
    } else {
      if (!strcmp(state, "rejected")) {
        styleds(out, color, SGR_ERROR, "<rejected>");
        dr_buf_addch(out, ' ');
      }
      if (result) add_prop_value(out, result, color);
    }
    dr_buf_adds(out, " }");
    return;
  }
  /* Plain object, class instance, arguments, module namespace ... */
  if (desc && strcmp(desc, "Object")) {
    dr_buf_adds(out, desc);
    dr_buf_addch(out, ' ');
  } else if (class_name && strcmp(class_name, "Object")) {
    dr_buf_adds(out, class_name);
    dr_buf_addch(out, ' ');
  }
  if (!json_array_size(props) && !overflow) {
    dr_buf_adds(out, "{}");
    return;
  }
  dr_buf_adds(out, "{ ");
  json_array_foreach(props, i, p) {
    const char *name = json_string_value(json_object_get(p, "name"));
    if (i) dr_buf_adds(out, ", ");
    add_key(out, name ? name : "", color);
    dr_buf_adds(out, ": ");
    add_prop_value(out, p, color);
  }
  if (overflow)
    dr_buf_adds(out, json_array_size(props) ? ", ... }" : "... }");
  else
    dr_buf_adds(out, " }");
}

void repl_inspect_remote(dr_buf_t *out, json_t *ro, int color, int top) {
  const char *type = json_string_value(json_object_get(ro, "type"));
  const char *sub = json_string_value(json_object_get(ro, "subtype"));
  const char *desc = json_string_value(json_object_get(ro, "description"));
  const char *uv = json_string_value(json_object_get(ro, "unserializableValue"));
  json_t *v = json_object_get(ro, "value"), *pv = json_object_get(ro, "preview");
  char num[64];
  if (!type) type = "undefined";
  if (!strcmp(type, "string")) {
    add_scalar(out, "string", NULL, json_string_value(v), color, top != 2);
    return;
  }
  if (!strcmp(type, "number") || !strcmp(type, "boolean") || !strcmp(type, "bigint")) {
    if (uv) {
      add_scalar(out, type, NULL, uv, color, 1);
    } else if (desc) {
      add_scalar(out, type, NULL, desc, color, 1);
    } else if (json_is_boolean(v)) {
      add_scalar(out, type, NULL, json_is_true(v) ? "true" : "false", color, 1);
    } else {
      snprintf(num, sizeof(num), "%.17g", json_number_value(v));
      add_scalar(out, type, NULL, num, color, 1);
    }
    return;
  }
  if (!strcmp(type, "object") && sub && !strcmp(sub, "error")) {
    /* Errors print their stack, as Node does. */
    dr_buf_adds(out, desc ? desc : "Error");
    return;
  }
  if (!strcmp(type, "object") && pv) {
    add_preview(out, pv, desc, json_string_value(json_object_get(ro, "className")), color);
    return;
  }
  if (!strcmp(type, "object") && json_is_object(v)) { /* returnByValue */
    char *d = json_dumps(v, JSON_COMPACT);
    dr_buf_adds(out, d ? d : "{}");
    free(d);
    return;
  }
  if (!strcmp(type, "function")) {
    add_function(out, desc, color);
    return;
  }
  if (!strcmp(type, "object") && !sub && desc && !strcmp(desc, "Object")) {
    dr_buf_adds(out, "{}");
    return;
  }
  add_scalar(out, type, sub, desc, color, 1);
}

size_t repl_strip_sgr(char *s) {
  char *w = s;
  for (char *r = s; *r;) {
    if (r[0] == '\033' && r[1] == '[') {
      r += 2;
      while (*r && !(*r >= '@' && *r <= '~')) r++;
      if (*r) r++;
      continue;
    }
    *w++ = *r++;
  }
  *w = '\0';
  return (size_t)(w - s);
}

int repl_text_width(const char *s) {
  int w = 0;
  mbstate_t st;
  memset(&st, 0, sizeof(st));
  while (*s) {
    wchar_t wc;
    size_t n;
    if (s[0] == '\033' && s[1] == '[') {
      s += 2;
      while (*s && !(*s >= '@' && *s <= '~')) s++;
      if (*s) s++;
      continue;
    }
    n = mbrtowc(&wc, s, MB_CUR_MAX, &st);
    if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
      memset(&st, 0, sizeof(st));
      s++;
      w++;
      continue;
    }
    {
      int cw = wcwidth(wc);
      w += cw > 0 ? cw : 0;
    }
    s += n;
  }
  return w;
}
