/* envfile.c — the --env-file format (dotenv, as Node's --env-file reads it).
 *
 *   # comment
 *   export KEY=value          "export " is allowed and ignored
 *   KEY = value # comment     spaces around '=' and an inline comment trimmed
 *   KEY="a\nb"                double quotes: \n \r \t \" \\ escapes; may span lines
 *   KEY='raw $x'              single quotes: literal
 *   KEY=`raw`                 backticks: literal
 *
 * Keys are [A-Za-z_][A-Za-z0-9_.-]*.  Anything else is a format error with
 * the line number, so a typo in the file is reported instead of guessed.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "devrun/buf.h"
#include "devrun/err.h"
#include "watch.h"

static int key_char(int c, int first) {
  return isalpha(c) || c == '_' || (!first && (isdigit(c) || c == '.' || c == '-'));
}

int watch_envfile_parse(const char *text, size_t len, watch_strv_t *out, int *line) {
  const char *p = text, *end = text + len;
  int lineno = 1, count = 0;
  dr_buf_t kv = DR_BUF_INIT;
  while (p < end) {
    /* skip blank space and blank lines */
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r')) p++;
    if (p < end && *p == '\n') {
      p++, lineno++;
      continue;
    }
    if (p >= end) break;
    if (*p == '#') {
      while (p < end && *p != '\n') p++;
      continue;
    }
    if (end - p > 7 && !memcmp(p, "export ", 7)) {
      p += 7;
      while (p < end && *p == ' ') p++;
    }
    const char *k = p;
    while (p < end && key_char((unsigned char)*p, p == k)) p++;
    size_t klen = (size_t)(p - k);
    while (p < end && (*p == ' ' || *p == '\t')) p++;
    if (!klen || p >= end || *p != '=') goto bad;
    p++;
    while (p < end && (*p == ' ' || *p == '\t')) p++;
    dr_buf_reset(&kv);
    dr_buf_add(&kv, k, klen);
    dr_buf_addch(&kv, '=');
    if (p < end && (*p == '"' || *p == '\'' || *p == '`')) {
      char q = *p++;
      int closed = 0;
      while (p < end) {
        char c = *p++;
        if (c == q) {
          closed = 1;
          break;
        }
        if (c == '\n') lineno++;
        if (q == '"' && c == '\\' && p < end) {
          char e = *p++;
          c = e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e;
        }
        if (c == '\0') goto bad;
        dr_buf_addch(&kv, c);
      }
      if (!closed) goto bad;
      while (p < end && (*p == ' ' || *p == '\t' || *p == '\r')) p++;
      if (p < end && *p == '#')
        while (p < end && *p != '\n') p++;
      if (p < end && *p != '\n') goto bad;
    } else {
      const char *v = p;
      while (p < end && *p != '\n' && *p != '#') {
        if (*p == '\0') goto bad;
        p++;
      }
      const char *ve = p;
      while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t' || ve[-1] == '\r')) ve--;
      dr_buf_add(&kv, v, (size_t)(ve - v));
      while (p < end && *p != '\n') p++;
    }
    watch_strv_push(out, kv.buf);
    count++;
  }
  dr_buf_release(&kv);
  return count;
bad:
  dr_buf_release(&kv);
  if (line) *line = lineno;
  return DR_EFORMAT;
}
