/* ignore.c — which paths the watcher ignores, with git's pattern rules.
 *
 * Rules come in groups, each with a base directory: a .gitignore/.ignore in
 * directory D is a group based at D; the built-in defaults and --ignore are
 * groups based at "each watched root" (base NULL).  Groups are kept in the
 * order added and later groups win within a priority: built-in defaults <
 * .gitignore files (from the root downward, as the walk adds them) <
 * --ignore and the config's "ignore", which is git's precedence (deeper
 * files override shallower ones, the command line overrides files).  Within and
 * across groups the last matching pattern decides; a `!pattern` re-includes.
 *
 * Pattern syntax (gitignore(5)): blank lines and `#` comments are skipped;
 * `\#`, `\!` and `\ ` escape; unescaped trailing spaces are trimmed; a
 * trailing `/` matches directories only; a pattern with no other `/` matches
 * the basename at any depth, otherwise it is anchored at the base (a leading
 * `/` is dropped); `*`, `?`, `[...]` and `**` as in wildmatch.c.  As in git,
 * a file cannot be re-included when a parent directory is excluded: the walk
 * never enters an ignored directory.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "devrun/buf.h"
#include "devrun/util.h"
#include "watch.h"

enum {
  PAT_NEGATE = 1,
  PAT_DIRONLY = 2,
  PAT_BASENAME = 4,
  PAT_LITERAL = 8,  /* no glob characters: strcmp */
  PAT_ENDSWITH = 16 /* "*" + literal (e.g. "*.swp"): a suffix compare */
};

typedef struct pattern_s {
  char *glob;
  unsigned flags;
  size_t len;
} pattern_t;

typedef struct group_s {
  char *base; /* absolute dir without trailing '/', or NULL: root-relative */
  size_t base_len;
  int prio; /* 0 built-in defaults, 1 ignore files, 2 command line/config */
  pattern_t *pats;
  size_t n, cap;
} group_t;

struct watch_ignore_s {
  group_t *groups;
  size_t n, cap;
  size_t npatterns;
  int adding_defaults;
};

const char *const watch_default_ignores[] = {
    /* version control */
    ".git/",
    ".hg/",
    ".svn/",
    /* dependencies and tool caches */
    "node_modules/",
    "bower_components/",
    ".sass-cache/",
    ".cache/",
    ".parcel-cache/",
    /* coverage and build output */
    "coverage/",
    ".nyc_output/",
    "dist/",
    "build/",
    ".next/",
    ".nuxt/",
    ".turbo/",
    /* editor swap, backup and safe-write files */
    "*.swp",
    "*.swo",
    "*.swx",
    "*~",
    ".#*",
    "#*#",
    "4913",
    "*___jb_tmp___",
    "*___jb_old___",
    "*.tmp",
    ".DS_Store",
    ".idea/",
    ".vscode/",
    NULL,
};

watch_ignore_t *watch_ignore_new(void) {
  return dr_calloc(1, sizeof(watch_ignore_t));
}

void watch_ignore_free(watch_ignore_t *ig) {
  if (!ig) return;
  for (size_t i = 0; i < ig->n; i++) {
    for (size_t j = 0; j < ig->groups[i].n; j++) free(ig->groups[i].pats[j].glob);
    free(ig->groups[i].pats);
    free(ig->groups[i].base);
  }
  free(ig->groups);
  free(ig);
}

size_t watch_ignore_count(const watch_ignore_t *ig) {
  return ig->npatterns;
}

/* Parses one line into *pat; returns 0 if the line holds no pattern. */
static int parse_line(const char *line, size_t len, pattern_t *pat) {
  unsigned flags = 0;
  if (len && line[len - 1] == '\r') len--;
  /* Trim trailing spaces unless escaped with a backslash. */
  while (len && line[len - 1] == ' ') {
    size_t bs = 0;
    while (bs + 1 < len && line[len - 2 - bs] == '\\') bs++;
    if (bs % 2) break; /* "\ " keeps the space */
    len--;
  }
  if (!len || line[0] == '#') return 0;
  if (line[0] == '!') {
    flags |= PAT_NEGATE;
    line++, len--;
  }
  if (len && line[len - 1] == '/') {
    flags |= PAT_DIRONLY;
    while (len && line[len - 1] == '/') len--;
  }
  if (!len) return 0;
  /* Is there a '/' other than the trailing one(s)? */
  if (!memchr(line, '/', len)) {
    flags |= PAT_BASENAME;
  } else if (line[0] == '/') {
    while (len && line[0] == '/') line++, len--;
    if (!len) return 0;
  }
  pat->glob = dr_strndup(line, len);
  pat->len = len;
  /* Fast paths for the common shapes; everything else goes to wildmatch. */
  if (!strpbrk(pat->glob, "*?[\\"))
    flags |= PAT_LITERAL;
  else if (pat->glob[0] == '*' && !strpbrk(pat->glob + 1, "*?[\\/"))
    flags |= PAT_ENDSWITH;
  pat->flags = flags;
  return 1;
}

static group_t *new_group(watch_ignore_t *ig, const char *base) {
  if (ig->n == ig->cap) {
    ig->cap = ig->cap ? ig->cap * 2 : 8;
    ig->groups = dr_realloc(ig->groups, ig->cap * sizeof(*ig->groups));
  }
  group_t *g = &ig->groups[ig->n++];
  memset(g, 0, sizeof(*g));
  if (base) {
    size_t len = strlen(base);
    while (len > 1 && base[len - 1] == '/') len--;
    g->base = dr_strndup(base, len);
    g->base_len = len;
    g->prio = 1;
  } else {
    g->prio = ig->adding_defaults ? 0 : 2;
  }
  return g;
}

int watch_ignore_add_text(watch_ignore_t *ig, const char *base, const char *text, size_t len) {
  group_t *g = new_group(ig, base);
  const char *p = text, *end = text + len;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
    pattern_t pat;
    if (memchr(p, '\0', n) == NULL && parse_line(p, n, &pat)) {
      if (g->n == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 8;
        g->pats = dr_realloc(g->pats, g->cap * sizeof(*g->pats));
      }
      g->pats[g->n++] = pat;
    }
    p += n + 1;
  }
  if (!g->n) { /* keep the table small: drop empty groups */
    free(g->pats);
    free(g->base);
    ig->n--;
    return 0;
  }
  ig->npatterns += g->n;
  return (int)g->n;
}

int watch_ignore_add_file(watch_ignore_t *ig, const char *dir, const char *name) {
  dr_buf_t path = DR_BUF_INIT, text = DR_BUF_INIT;
  dr_buf_addf(&path, "%s/%s", dir, name);
  int r = dr_buf_read_file(&text, path.buf);
  if (r == 0)
    r = watch_ignore_add_text(ig, dir, text.buf, text.len);
  else
    r = 0; /* missing or unreadable: no rules */
  dr_buf_release(&path);
  dr_buf_release(&text);
  return r;
}

void watch_ignore_add_defaults(watch_ignore_t *ig) {
  dr_buf_t b = DR_BUF_INIT;
  for (size_t i = 0; watch_default_ignores[i]; i++)
    dr_buf_addf(&b, "%s\n", watch_default_ignores[i]);
  ig->adding_defaults = 1;
  watch_ignore_add_text(ig, NULL, b.buf, b.len);
  ig->adding_defaults = 0;
  dr_buf_release(&b);
}

/* Evaluates the groups for one path; returns 1 ignored, 0 not ignored.
 * A decision from a group of higher priority is never overridden by one of
 * lower priority; among equal priorities the later group wins. */
int watch_ignore_match(const watch_ignore_t *ig, const char *abs, size_t root_len, int is_dir) {
  int ignored = 0, decided = -1;
  const char *slash = strrchr(abs, '/');
  const char *basename = slash ? slash + 1 : abs;
  for (size_t i = 0; i < ig->n; i++) {
    const group_t *g = &ig->groups[i];
    const char *rel;
    if (g->base) {
      if (strncmp(abs, g->base, g->base_len) != 0) continue;
      if (g->base_len == 1 && g->base[0] == '/')
        rel = abs + 1;
      else if (abs[g->base_len] != '/')
        continue;
      else
        rel = abs + g->base_len + 1;
    } else {
      if (strlen(abs) <= root_len || (root_len > 1 && abs[root_len] != '/')) continue;
      rel = abs + root_len + (root_len > 1 || abs[root_len] == '/');
    }
    if (!*rel || g->prio < decided) continue;
    /* The last matching pattern of the last group decides: scan backwards. */
    for (size_t j = g->n; j-- > 0;) {
      const pattern_t *p = &g->pats[j];
      if ((p->flags & PAT_DIRONLY) && !is_dir) continue;
      const char *subject = (p->flags & PAT_BASENAME) ? basename : rel;
      int m;
      if (p->flags & PAT_LITERAL) {
        m = !strcmp(p->glob, subject);
      } else if (p->flags & PAT_ENDSWITH) {
        size_t sl = strlen(subject);
        m = sl >= p->len - 1 && !memcmp(subject + sl - (p->len - 1), p->glob + 1, p->len - 1);
      } else {
        m = watch_wildmatch(p->glob, subject, WATCH_WM_PATHNAME) == WATCH_WM_MATCH;
      }
      if (m) {
        ignored = !(p->flags & PAT_NEGATE);
        decided = g->prio;
        break;
      }
    }
  }
  return ignored;
}

int watch_ignore_path(const watch_ignore_t *ig, const char *abs, size_t root_len, int is_dir) {
  size_t len = strlen(abs);
  if (len <= root_len) return 0;
  char *tmp = dr_strdup(abs);
  int r = 0;
  /* Every parent directory below the root, then the path itself. */
  for (size_t i = root_len + 1; i < len && !r; i++) {
    if (tmp[i] != '/') continue;
    tmp[i] = '\0';
    r = watch_ignore_match(ig, tmp, root_len, 1);
    tmp[i] = '/';
  }
  if (!r) r = watch_ignore_match(ig, abs, root_len, is_dir);
  free(tmp);
  return r;
}
