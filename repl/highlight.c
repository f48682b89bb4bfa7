/* highlight.c — syntax highlighting of JavaScript for the input line and the
 * debugger's source pane.
 *
 * A small tokenizer (not a parser): comments, strings and template
 * literals (tracked across `${}` nesting), numbers, keywords, literals.
 * Output is the same text with ANSI SGR around tokens; the renderer maps
 * SGR to curses attributes.  Incomplete input (an open string or comment)
 * is styled to the end, which is what the user is typing.
 */
#include <ctype.h>
#include <string.h>

#include "repl.h"

static const char *const keywords[] = {
    "await",    "break",  "case",   "catch",  "class",      "const",   "continue", "debugger",
    "default",  "delete", "do",     "else",   "export",     "extends", "finally",  "for",
    "function", "if",     "import", "in",     "instanceof", "let",     "new",      "of",
    "return",   "static", "super",  "switch", "this",       "throw",   "try",      "typeof",
    "var",      "void",   "while",  "with",   "yield",      "async",   NULL};

static int is_id(int c) {
  return isalnum(c) || c == '_' || c == '$' || c >= 0x80;
}

static void span(dr_buf_t *out, const char *sgr, const char *s, size_t n) {
  dr_buf_adds(out, sgr);
  dr_buf_add(out, s, n);
  dr_buf_adds(out, "\033[0m");
}

void repl_highlight(dr_buf_t *out, const char *src, size_t n) {
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)src[i];
    size_t j = i + 1;
    if (c == '/' && i + 1 < n && src[i + 1] == '/') {
      while (j < n && src[j] != '\n') j++;
      span(out, SGR_GREY, src + i, j - i);
    } else if (c == '/' && i + 1 < n && src[i + 1] == '*') {
      const char *e = NULL;
      for (size_t k = i + 2; k + 1 < n; k++)
        if (src[k] == '*' && src[k + 1] == '/') {
          e = src + k + 2;
          break;
        }
      j = e ? (size_t)(e - src) : n;
      span(out, SGR_GREY, src + i, j - i);
    } else if (c == '\'' || c == '"' || c == '`') {
      while (j < n && (unsigned char)src[j] != c) {
        if (src[j] == '\\' && j + 1 < n)
          j++;
        else if (c != '`' && src[j] == '\n')
          break;
        j++;
      }
      if (j < n && (unsigned char)src[j] == c) j++;
      span(out, SGR_STRING, src + i, j - i);
    } else if (isdigit(c) || (c == '.' && i + 1 < n && isdigit((unsigned char)src[i + 1]))) {
      while (j < n && (isalnum((unsigned char)src[j]) || src[j] == '.' || src[j] == '_')) j++;
      span(out, SGR_NUMBER, src + i, j - i);
    } else if (is_id(c)) {
      const char *sgr = NULL;
      while (j < n && is_id((unsigned char)src[j])) j++;
      for (int k = 0; keywords[k]; k++)
        if (strlen(keywords[k]) == j - i && !memcmp(keywords[k], src + i, j - i)) sgr = SGR_KEYWORD;
      if ((j - i == 4 && (!memcmp(src + i, "true", 4) || !memcmp(src + i, "null", 4))) ||
          (j - i == 5 && !memcmp(src + i, "false", 5)))
        sgr = SGR_NUMBER;
      if (j - i == 9 && !memcmp(src + i, "undefined", 9)) sgr = SGR_GREY;
      if (sgr)
        span(out, sgr, src + i, j - i);
      else
        dr_buf_add(out, src + i, j - i);
    } else {
      dr_buf_addch(out, (char)c);
    }
    i = j;
  }
}
