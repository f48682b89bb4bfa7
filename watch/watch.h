/* watch.h — the internal header of `devrun`, the watcher/supervisor.
 *
 * How the pieces fit (one concept per file):
 *
 *   main.c        options table, --help, git-style `devrun <sub>` dispatch
 *   config.c      devrun.json / package.json "devrun" key -> watch_opts_t
 *   envfile.c     --env-file parser (KEY=value, quotes, comments)
 *   strv.c        a growable vector of strings (argv, lists of patterns)
 *   pathmap.c     an open-addressing hash map keyed by path strings
 *   wildmatch.c   git's wildmatch(): glob with `**`, classes, WM_PATHNAME
 *   ignore.c      .gitignore/.ignore rules, defaults, --ignore (git's semantics)
 *   hashcache.c   xxh3 of every watched file, with mtime+size+inode pre-check
 *   debounce.c    the quiet-period clock and the batch of changed paths
 *   tree.c        the watch set: walks roots, applies ignores and --ext,
 *                 drives a backend, turns raw events into batch entries
 *   backend*.c    the pluggable notification backends (see backend.h)
 *   supervise.c   one generation of the app: process group, subreaper, stop
 *                 with a signal, escalate to SIGKILL, reap the whole group
 *   procstat.c    pid/uptime/RSS/CPU% of a process group from /proc (`stats`)
 *   status.c      the one-line status messages with timestamps and colour
 *   runner.c      the event loop glue: batches -> decisions -> restarts,
 *                 crash policy, stdin commands, signals
 *
 * Everything here is private to watch/; names use the watch_ prefix.
 */
#ifndef DEVRUN_WATCH_H
#define DEVRUN_WATCH_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <uv.h>

/* ---- strv.c ---------------------------------------------------------- */
/* A NULL-terminated growable vector of malloc'd strings; v is NULL until the
 * first push.  watch_strv_release() frees every string. */
typedef struct watch_strv_s {
  char **v;
  size_t n, cap;
} watch_strv_t;
#define WATCH_STRV_INIT \
  { NULL, 0, 0 }
void watch_strv_push(watch_strv_t *s, const char *str);
void watch_strv_pushn(watch_strv_t *s, const char *str, size_t len);
/* Splits `list` at commas/whitespace and pushes each non-empty piece. */
void watch_strv_split(watch_strv_t *s, const char *list);
void watch_strv_clear(watch_strv_t *s);
#define watch_strv_release watch_strv_clear

/* ---- options (filled by config.c and main.c) --------------------------- */
enum watch_mode {
  WATCH_MODE_NONE = 0,
  WATCH_MODE_APP,  /* devrun app.js args  -> <runtime> [flags] app.js args */
  WATCH_MODE_EXEC, /* --exec 'cmd'        -> /bin/sh -c 'cmd "$@"' sh args */
  WATCH_MODE_ARGV, /* -- cmd args         -> cmd args (PATH search) */
};

typedef struct watch_opts_s {
  watch_strv_t watch;   /* roots; empty means "." */
  watch_strv_t ignore;  /* extra gitignore-style patterns (highest precedence) */
  watch_strv_t exts;    /* extensions without dot; empty means all files */
  watch_strv_t args;    /* app mode: script + args; argv mode: command + args */
  watch_strv_t rtflags; /* flags passed to the runtime (--inspect ...) */
  watch_strv_t env;     /* KEY=VALUE from the config's "env" object */
  char *exec;           /* --exec command (shell), or NULL */
  char *env_file;       /* --env-file, or NULL */
  int mode;
  unsigned debounce_ms;     /* default 50 */
  unsigned delay_ms;        /* default 0 */
  unsigned kill_timeout_ms; /* default 5000 */
  unsigned poll_ms;         /* 0: native backend; else poll interval */
  int signal;               /* default SIGTERM */
  int restart_on_crash, exit_on_crash;
  unsigned crash_limit; /* crashes within crash_window_ms that stop restarts */
  unsigned crash_window_ms;
  int clear, verbose, quiet;
  int stdin_commands; /* -1 auto (on when stdin is a TTY), 0 off, 1 on */
  int color;          /* -1 auto, 0 off, 1 on */
  unsigned instances; /* default 1 */
  int deps;
  int default_ignores; /* default 1 */
  int gitignore;       /* default 1: read .gitignore/.ignore */
  unsigned hash_limit; /* trees with at most this many files are hashed at start */
  int watch_from_cli, exts_from_cli;
} watch_opts_t;

void watch_opts_init(watch_opts_t *o);
void watch_opts_release(watch_opts_t *o);
/* Parses "250", "250ms", "2s", "1.5s" into milliseconds; -1 on error. */
long watch_parse_ms(const char *s);
/* Parses "TERM", "SIGTERM", "15"; -1 on error. */
int watch_parse_signal(const char *s);
const char *watch_signal_name(int sig);

/* ---- config.c -------------------------------------------------------- */
/* Applies a JSON config object (devrun.json, or package.json's "devrun" key)
 * held in text[0..len) to o.  `what` names the source for messages.  Returns
 * 0, or DR_EFORMAT with a message in *err (caller frees). */
int watch_config_apply_json(watch_opts_t *o, const char *what, const char *text, size_t len,
                            int is_package_json, char **err);
/* Loads ./package.json's "devrun" key and then ./devrun.json (or `path` when
 * given).  Returns 0 or a negative code with a message already printed. */
int watch_config_load(watch_opts_t *o, const char *path);

/* ---- envfile.c ------------------------------------------------------- */
/* Parses dotenv text; pushes "KEY=VALUE" strings to out.  Returns the number
 * of variables, or DR_EFORMAT with *line set to the first bad line. */
int watch_envfile_parse(const char *text, size_t len, watch_strv_t *out, int *line);

/* ---- pathmap.c ------------------------------------------------------- */
typedef struct watch_pathmap_slot_s {
  char *key; /* owned; NULL = empty slot */
  uint64_t hash;
  void *val;
} watch_pathmap_slot_t;

typedef struct watch_pathmap_s {
  watch_pathmap_slot_t *slots;
  size_t cap, len; /* cap is 0 or a power of two */
} watch_pathmap_t;
#define WATCH_PATHMAP_INIT \
  { NULL, 0, 0 }
void *watch_pathmap_get(const watch_pathmap_t *m, const char *key);
/* Returns a pointer to the value slot for key, inserting (val NULL) if new;
 * *created tells which. */
void **watch_pathmap_put(watch_pathmap_t *m, const char *key, int *created);
/* Removes key; returns its value (or NULL). */
void *watch_pathmap_del(watch_pathmap_t *m, const char *key);
/* Iterates: start with *i = 0; returns the next used slot or NULL. */
watch_pathmap_slot_t *watch_pathmap_next(const watch_pathmap_t *m, size_t *i);
/* Frees keys (and values with free_val when not NULL) and the table. */
void watch_pathmap_release(watch_pathmap_t *m, void (*free_val)(void *));

/* ---- wildmatch.c ----------------------------------------------------- */
#define WATCH_WM_PATHNAME 1 /* '*' and '?' do not match '/'; '**' does */
#define WATCH_WM_MATCH 0
#define WATCH_WM_NOMATCH 1
int watch_wildmatch(const char *pattern, const char *text, unsigned flags);

/* ---- ignore.c -------------------------------------------------------- */
typedef struct watch_ignore_s watch_ignore_t;
watch_ignore_t *watch_ignore_new(void);
void watch_ignore_free(watch_ignore_t *ig);
/* Adds gitignore-format text.  `base` is the absolute directory the rules
 * are relative to, or NULL for rules relative to each watched root (the
 * built-in defaults and --ignore).  Later additions take precedence.
 * Returns the number of patterns added. */
int watch_ignore_add_text(watch_ignore_t *ig, const char *base, const char *text, size_t len);
/* Reads <dir>/<name> if it exists (rules based at dir); returns patterns
 * added, 0 when the file does not exist. */
int watch_ignore_add_file(watch_ignore_t *ig, const char *dir, const char *name);
/* The built-in defaults (.git, node_modules, coverage, build output, editor
 * swap/backup files). */
void watch_ignore_add_defaults(watch_ignore_t *ig);
/* Is `abs` (an absolute path below a watched root whose path is
 * abs[0..root_len)) ignored?  Checks only the last component's rules, as
 * the walk never enters ignored directories; watch_ignore_path() also checks
 * every parent directory below the root. */
int watch_ignore_match(const watch_ignore_t *ig, const char *abs, size_t root_len, int is_dir);
int watch_ignore_path(const watch_ignore_t *ig, const char *abs, size_t root_len, int is_dir);
size_t watch_ignore_count(const watch_ignore_t *ig);
extern const char *const watch_default_ignores[];

/* ---- hashcache.c ----------------------------------------------------- */
typedef struct watch_hashcache_s {
  watch_pathmap_t map; /* path -> watch_hashent_t* */
  size_t hashed;
} watch_hashcache_t;

enum watch_verdict {
  WATCH_SAME = 0,    /* same content as before: no restart */
  WATCH_CHANGED = 1, /* content differs */
  WATCH_ADDED = 2,   /* a file not seen before */
  WATCH_REMOVED = 3, /* a file that existed is gone */
  WATCH_GONE = 4,    /* does not exist and was never known: nothing to do */
};
#define WATCH_HASHCACHE_INIT \
  { WATCH_PATHMAP_INIT, 0 }
/* Records the file's stat and content hash (used at start). */
int watch_hashcache_record(watch_hashcache_t *c, const char *path);
/* Marks a path as known without hashing it (large trees). */
void watch_hashcache_know(watch_hashcache_t *c, const char *path);
/* Compares the file now with what is recorded and updates the record.
 * `maybe_new` says the batch saw it created (so if it is gone now it never
 * existed as far as the app is concerned). */
enum watch_verdict watch_hashcache_check(watch_hashcache_t *c, const char *path, int maybe_new);
/* Forgets every record at or below dir (a removed directory); returns how
 * many were known. */
size_t watch_hashcache_forget_dir(watch_hashcache_t *c, const char *dir);
/* xxh3-64 of a file's content; 0 on success. */
int watch_hash_file(const char *path, uint64_t *out);
void watch_hashcache_release(watch_hashcache_t *c);

/* ---- debounce.c ------------------------------------------------------ */
enum {
  WATCH_EV_CHANGE = 1,   /* written/closed, moved in, created (symlink) */
  WATCH_EV_CREATE = 2,   /* first seen as created in this batch */
  WATCH_EV_REMOVE = 4,   /* deleted or moved away */
  WATCH_EV_DIR_GONE = 8, /* a directory was removed / moved away */
  WATCH_EV_FORCE = 16,   /* restart whatever the content (rs, env file) */
};

typedef struct watch_debounce_s {
  unsigned quiet_ms;
  unsigned max_ms; /* a batch is due at most this long after its first event */
  uint64_t first_ms, last_ms;
  int pending;
  watch_pathmap_t paths; /* path -> (uintptr_t) WATCH_EV_* flags */
  size_t events;
} watch_debounce_t;

void watch_debounce_init(watch_debounce_t *d, unsigned quiet_ms);
void watch_debounce_release(watch_debounce_t *d);
/* Adds an event at time now; the quiet period restarts. */
void watch_debounce_add(watch_debounce_t *d, const char *path, unsigned flags, uint64_t now_ms);
/* Milliseconds until the batch is due (0 = due now); -1 when empty. */
long watch_debounce_remaining(const watch_debounce_t *d, uint64_t now_ms);
/* Hands the batch over: moves the path map to *out (caller releases with
 * watch_pathmap_release(out, NULL)) and empties d. */
void watch_debounce_take(watch_debounce_t *d, watch_pathmap_t *out);

/* ---- tree.c ---------------------------------------------------------- */
typedef struct watch_tree_s watch_tree_t;
/* Called for each filtered event (absolute path, WATCH_EV_* flags). */
typedef void (*watch_tree_cb)(void *ctx, const char *path, unsigned flags);
watch_tree_t *watch_tree_new(uv_loop_t *loop, const watch_opts_t *o, watch_tree_cb cb, void *ctx);
/* Walks the roots and installs the watches; returns 0 or a negative code
 * (with a message printed). */
int watch_tree_start(watch_tree_t *t);
void watch_tree_close(watch_tree_t *t);
watch_hashcache_t *watch_tree_hashcache(watch_tree_t *t);
/* 1 when the tree was too large to hash at start (records are lazy). */
int watch_tree_lazy(const watch_tree_t *t);
/* A path for messages: relative to the cwd when below it. */
const char *watch_tree_display(const watch_tree_t *t, const char *abs);
/* Statistics for --verbose and `stats`. */
void watch_tree_counts(const watch_tree_t *t, size_t *dirs, size_t *files, size_t *polled);
/* Re-walks everything (after an inotify queue overflow) and reports files
 * whose stat differs from the cache. */
void watch_tree_rescan(watch_tree_t *t);

/* ---- supervise.c ----------------------------------------------------- */
typedef struct watch_proc_s watch_proc_t;
/* Called once the generation is completely gone: the direct child has been
 * reaped and no process of its group (nor an adopted orphan) remains.
 * `status` is the waitpid() status of the direct child. */
typedef void (*watch_proc_gone_cb)(watch_proc_t *p, int status);

struct watch_proc_s {
  uv_loop_t *loop;
  pid_t pid, pgid;    /* 0 when not running */
  int status, reaped; /* direct child's status once reaped */
  int stopping;       /* a stop signal was sent by us */
  int stop_signal;
  int killed;     /* escalated to SIGKILL */
  int foreground; /* the group owns the terminal */
  uint64_t started_ms;
  unsigned kill_timeout_ms;
  uv_timer_t kill_timer;  /* escalation */
  uv_timer_t check_timer; /* group-emptiness checks while stopping */
  watch_proc_gone_cb gone_cb;
  void *data;
  int index;         /* instance number */
  int adopt_orphans; /* signal/await adopted orphans too (single instance) */
  int timers_open;
};

void watch_proc_init(watch_proc_t *p, uv_loop_t *loop, watch_proc_gone_cb cb);
/* Starts argv with envp in a new process group.  stdin_fd >= 0 replaces the
 * child's stdin.  Returns 0 or a negative errno-style code. */
int watch_proc_start(watch_proc_t *p, char *const argv[], char *const envp[], int stdin_fd,
                     int foreground);
/* Sends sig to the whole group and arms the SIGKILL escalation. */
void watch_proc_stop(watch_proc_t *p, int sig);
/* Sends SIGKILL to the group now. */
void watch_proc_kill(watch_proc_t *p);
int watch_proc_running(const watch_proc_t *p);
void watch_proc_close(watch_proc_t *p);
/* Makes this process a child subreaper (Linux); 0 or negative code. */
int watch_become_subreaper(void);
/* Reaps every exited child (called on SIGCHLD); dispatches to procs. */
void watch_reap(watch_proc_t **procs, size_t n);
/* Is the process group empty (all members gone)? */
int watch_group_empty(pid_t pgid);
/* Sends sig to every direct child of this process that is not in `keep`
 * (orphans the subreaper adopted); returns how many were signalled. */
int watch_signal_orphans(int sig, const pid_t *keep, size_t nkeep);

/* ---- procstat.c ------------------------------------------------------ */
typedef struct watch_procstat_s {
  size_t nprocs;      /* processes in the group */
  uint64_t rss_bytes; /* summed over the group */
  uint64_t cpu_ticks; /* utime+stime summed over the group (incl. reaped children) */
} watch_procstat_t;
int watch_procstat_group(pid_t pgid, watch_procstat_t *out);

/* ---- status.c -------------------------------------------------------- */
enum watch_level {
  WATCH_LVL_INFO,
  WATCH_LVL_START,
  WATCH_LVL_RESTART,
  WATCH_LVL_WARN,
  WATCH_LVL_ERROR,
  WATCH_LVL_DEBUG
};
void watch_status_setup(int color, int quiet, int verbose);
/* "[devrun 12:34:56] <message>" to stderr, coloured by level on a TTY. */
void watch_status(enum watch_level lvl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int watch_status_verbose(void);

/* ---- runner.c -------------------------------------------------------- */
/* Runs the supervisor until the user stops it; returns the exit code. */
int watch_run(watch_opts_t *o);

/* ---- bridge.c: --inspect through devrun-inspect ---- */
int watch_bridge_setup(watch_opts_t *o);
void watch_bridge_stop(void);
/* The bridge's pid (never one of the app's orphans), or -1. */
pid_t watch_bridge_pid(void);

#endif
