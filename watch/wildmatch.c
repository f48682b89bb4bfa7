/* wildmatch.c — git's wildmatch(): the glob dialect of .gitignore.
 *
 * Follows git's wildmatch.c (itself from rsync): `*` and `?` do not cross
 * '/' under WATCH_WM_PATHNAME, `**` between slashes (or at either end)
 * matches any number of directories, `[...]` sets with ranges, `!`/`^`
 * negation and POSIX [:classes:], `\` escapes the next character.  The
 * ABORT codes let a failed `*` stop the whole search early, which keeps
 * matching linear in practice.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "watch.h"

#define WM_ABORT_ALL (-1)
#define WM_ABORT_TO_STARSTAR (-2)

typedef unsigned char uchar;

/* Does t_ch belong to the POSIX class named s[0..n)?  -1: unknown class. */
static int in_class(const uchar *s, size_t n, uchar t_ch) {
#define CLS(name, fn) \
  if (n == sizeof(name) - 1 && !memcmp(s, name, n)) return fn(t_ch) != 0;
  CLS("alnum", isalnum)
  CLS("alpha", isalpha) CLS("blank", isblank) CLS("cntrl", iscntrl) CLS("digit", isdigit)
      CLS("graph", isgraph) CLS("lower", islower) CLS("print", isprint) CLS("punct", ispunct)
          CLS("space", isspace) CLS("upper", isupper) CLS("xdigit", isxdigit)
#undef CLS
              return -1;
}

static int dowild(const uchar *pattern, const uchar *p, const uchar *text, unsigned flags,
                  int depth) {
  uchar p_ch;
  if (depth > 200) return WM_ABORT_ALL; /* pathological patterns */
  for (; (p_ch = *p) != '\0'; text++, p++) {
    int matched, match_slash, negated;
    uchar t_ch, prev_ch;
    if ((t_ch = *text) == '\0' && p_ch != '*') return WM_ABORT_ALL;
    switch (p_ch) {
      case '\\':
        p_ch = *++p;
        if (!p_ch) return WM_ABORT_ALL; /* trailing backslash matches nothing */
        /* fall through */
      default:
        if (t_ch != p_ch) return WATCH_WM_NOMATCH;
        continue;
      case '?':
        if ((flags & WATCH_WM_PATHNAME) && t_ch == '/') return WATCH_WM_NOMATCH;
        continue;
      case '*':
        if (*++p == '*') {
          const uchar *prev_p = p - 2;
          while (*++p == '*') {
          }
          if (!(flags & WATCH_WM_PATHNAME)) {
            match_slash = 1;
          } else if ((prev_p < pattern || *prev_p == '/') &&
                     (*p == '\0' || *p == '/' || (p[0] == '\\' && p[1] == '/'))) {
            /* "**" between slashes: zero or more directories */
            if (p[0] == '/' && dowild(pattern, p + 1, text, flags, depth + 1) == WATCH_WM_MATCH)
              return WATCH_WM_MATCH;
            match_slash = 1;
          } else {
            match_slash = 0; /* "**" elsewhere is a plain "*" */
          }
        } else {
          match_slash = !(flags & WATCH_WM_PATHNAME);
        }
        if (*p == '\0') {
          /* A trailing "**" matches everything; "*" only within this component. */
          if (!match_slash && strchr((const char *)text, '/')) return WATCH_WM_NOMATCH;
          return WATCH_WM_MATCH;
        } else if (!match_slash && *p == '/') {
          /* "*" followed by '/' matches up to the next slash. */
          const char *slash = strchr((const char *)text, '/');
          if (!slash) return WATCH_WM_NOMATCH;
          text = (const uchar *)slash;
          break; /* the loop consumes the slash on both sides */
        }
        while (1) {
          if (t_ch == '\0') break;
          if ((matched = dowild(pattern, p, text, flags, depth + 1)) != WATCH_WM_NOMATCH) {
            if (!match_slash || matched != WM_ABORT_TO_STARSTAR) return matched;
          } else if (!match_slash && t_ch == '/') {
            return WM_ABORT_TO_STARSTAR;
          }
          t_ch = *++text;
        }
        return WM_ABORT_ALL;
      case '[':
        p_ch = *++p;
        if (p_ch == '^') p_ch = '!';
        negated = p_ch == '!';
        if (negated) p_ch = *++p;
        prev_ch = 0;
        matched = 0;
        do {
          if (!p_ch) return WM_ABORT_ALL;
          if (p_ch == '\\') {
            p_ch = *++p;
            if (!p_ch) return WM_ABORT_ALL;
            if (t_ch == p_ch) matched = 1;
          } else if (p_ch == '-' && prev_ch && p[1] && p[1] != ']') {
            p_ch = *++p;
            if (p_ch == '\\') {
              p_ch = *++p;
              if (!p_ch) return WM_ABORT_ALL;
            }
            if (t_ch <= p_ch && t_ch >= prev_ch) matched = 1;
            p_ch = 0; /* so that prev_ch becomes 0 */
          } else if (p_ch == '[' && p[1] == ':') {
            const uchar *s = p + 2, *q = s;
            while (*q && *q != ']') q++;
            if (!*q) return WM_ABORT_ALL;
            if (q - s < 1 || q[-1] != ':') {
              /* no ":]": a literal '[' in the set */
              if (t_ch == '[') matched = 1;
            } else {
              int r = in_class(s, (size_t)(q - s - 1), t_ch);
              if (r < 0) return WM_ABORT_ALL;
              if (r) matched = 1;
              p = q;
              p_ch = 0;
            }
          } else if (t_ch == p_ch) {
            matched = 1;
          }
          prev_ch = p_ch;
          p_ch = *++p;
        } while (p_ch != ']');
        if (matched == negated || ((flags & WATCH_WM_PATHNAME) && t_ch == '/'))
          return WATCH_WM_NOMATCH;
        continue;
    }
  }
  return *text ? WATCH_WM_NOMATCH : WATCH_WM_MATCH;
}

int watch_wildmatch(const char *pattern, const char *text, unsigned flags) {
  int r = dowild((const uchar *)pattern, (const uchar *)pattern, (const uchar *)text, flags, 0);
  return r == WATCH_WM_MATCH ? WATCH_WM_MATCH : WATCH_WM_NOMATCH;
}
