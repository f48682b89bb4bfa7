/* main.c — `devrun`: run an app and restart it on every real change.
 *
 * This file is the command's front: git-style dispatch of `devrun <sub>` to
 * a `devrun-<sub>` binary, the declared options table (getopt_long), the
 * help text, and the merge of configuration files with the command line.
 * The work itself is done by runner.c (see watch.h for the map of files).
 *
 * Dispatch rule: when the first argument is not an option, an existing path
 * always means the app (`devrun app.js`); otherwise `devrun heap ...` runs
 * `devrun-heap ...` found next to this binary or else on PATH.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "devrun/buf.h"
#include "devrun/exe.h"
#include "devrun/util.h"
#include "watch.h"

enum {
  O_DEBOUNCE = 256,
  O_KILL_TIMEOUT,
  O_POLL,
  O_EXIT_ON_CRASH,
  O_CRASH_LIMIT,
  O_CRASH_WINDOW,
  O_ENV_FILE,
  O_STDIN_COMMANDS,
  O_NO_STDIN_COMMANDS,
  O_INSTANCES,
  O_INSPECT,
  O_INSPECT_BRK,
  O_INSPECT_WAIT,
  O_INSPECT_PORT,
  O_DEPS,
  O_NO_GITIGNORE,
  O_NO_DEFAULT_IGNORES,
  O_CONFIG,
  O_NO_CONFIG,
  O_COLOR,
  O_NO_COLOR,
};

static const struct option options[] = {
    {"watch", required_argument, NULL, 'w'},
    {"ignore", required_argument, NULL, 'i'},
    {"ext", required_argument, NULL, 'e'},
    {"exec", required_argument, NULL, 'x'},
    {"debounce", required_argument, NULL, O_DEBOUNCE},
    {"delay", required_argument, NULL, 'd'},
    {"signal", required_argument, NULL, 's'},
    {"kill-timeout", required_argument, NULL, O_KILL_TIMEOUT},
    {"poll", optional_argument, NULL, O_POLL},
    {"restart-on-crash", no_argument, NULL, 'r'},
    {"exit-on-crash", no_argument, NULL, O_EXIT_ON_CRASH},
    {"crash-limit", required_argument, NULL, O_CRASH_LIMIT},
    {"crash-window", required_argument, NULL, O_CRASH_WINDOW},
    {"clear", no_argument, NULL, 'c'},
    {"env-file", required_argument, NULL, O_ENV_FILE},
    {"verbose", no_argument, NULL, 'v'},
    {"quiet", no_argument, NULL, 'q'},
    {"stdin-commands", no_argument, NULL, O_STDIN_COMMANDS},
    {"no-stdin-commands", no_argument, NULL, O_NO_STDIN_COMMANDS},
    {"instances", required_argument, NULL, O_INSTANCES},
    {"inspect", optional_argument, NULL, O_INSPECT},
    {"inspect-brk", optional_argument, NULL, O_INSPECT_BRK},
    {"inspect-wait", optional_argument, NULL, O_INSPECT_WAIT},
    {"inspect-port", required_argument, NULL, O_INSPECT_PORT},
    {"deps", no_argument, NULL, O_DEPS},
    {"no-gitignore", no_argument, NULL, O_NO_GITIGNORE},
    {"no-default-ignores", no_argument, NULL, O_NO_DEFAULT_IGNORES},
    {"config", required_argument, NULL, O_CONFIG},
    {"no-config", no_argument, NULL, O_NO_CONFIG},
    {"color", no_argument, NULL, O_COLOR},
    {"no-color", no_argument, NULL, O_NO_COLOR},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};
static const char short_options[] = "+w:i:e:x:d:s:rcvqPhV";

static void usage(FILE *f) {
  fputs(
      "usage: devrun [options] <app.js> [args...]\n"
      "       devrun [options] -- <command> [args...]\n"
      "       devrun [options] --exec '<shell command>' [args...]\n"
      "       devrun <sub> [args...]          runs devrun-<sub> (heap, repl, inspect, js, ...)\n"
      "\n"
      "Runs the app and restarts it on every real change to the watched files:\n"
      "once per save, only when the content changed, after the previous process\n"
      "and all its children are gone.\n"
      "\n"
      "What to watch:\n"
      "  -w, --watch PATH          watch PATH (a directory, recursively, or a file); repeatable;\n"
      "                            default: the current directory\n"
      "  -e, --ext LIST            extensions that count (default: js,mjs,cjs,json,node,env;\n"
      "                            '*' for every file)\n"
      "  -i, --ignore GLOB         ignore paths matching GLOB (.gitignore syntax, '!' "
      "re-includes);\n"
      "                            repeatable\n"
      "      --no-gitignore        do not read .gitignore/.ignore files\n"
      "      --no-default-ignores  do not ignore .git, node_modules, coverage, dist, build, ...\n"
      "      --poll[=MS]           poll every MS ms (default 250) instead of native events\n"
      "                            (network filesystems, Docker and WSL mounts)\n"
      "      --debounce MS         quiet period that ends a batch of events (default 50)\n"
      "      --deps                restart only for files the app loaded (its module graph)\n"
      "\n"
      "How to run:\n"
      "  -x, --exec CMD            run CMD with /bin/sh (extra arguments are appended)\n"
      "      --env-file FILE       load KEY=value variables from FILE (watched too)\n"
      "  -d, --delay MS            wait MS before each start (default 0)\n"
      "  -s, --signal SIG          stop signal (default SIGTERM)\n"
      "      --kill-timeout MS     SIGKILL the app's process group if it has not exited MS after\n"
      "                            the stop signal (default 5000)\n"
      "      --instances N         run N instances, restarted one at a time\n"
      "      --inspect[=[HOST:]PORT], --inspect-brk[=...], --inspect-wait[=...], "
      "--inspect-port=PORT\n"
      "                            passed to the runtime (devrun-js)\n"
      "\n"
      "Crashes:\n"
      "  (default)                 report the crash and wait for changes\n"
      "  -r, --restart-on-crash    restart with exponential backoff (100 ms .. 10 s)\n"
      "      --crash-limit N       ... but stop after N crashes (default 5)\n"
      "      --crash-window MS     ... within MS (default 60000)\n"
      "      --exit-on-crash       exit with the app's status when it crashes\n"
      "\n"
      "Terminal and output:\n"
      "  -c, --clear               clear the screen before each start\n"
      "      --stdin-commands      read 'rs' (restart) and 'stats' from stdin even if not a TTY\n"
      "      --no-stdin-commands   do not; on a TTY the app then owns the terminal (raw mode)\n"
      "  -v, --verbose             explain every decision\n"
      "  -q, --quiet               only warnings and errors\n"
      "      --color, --no-color   force colours on or off (default: on a TTY, unless NO_COLOR)\n"
      "      --config FILE         read options from FILE instead of ./devrun.json\n"
      "      --no-config           ignore devrun.json and package.json's \"devrun\" key\n"
      "  -h, --help                show this help\n"
      "  -V, --version             show the version\n"
      "\n"
      "Durations take an optional unit: 250, 250ms, 2s.  Options also come from ./devrun.json\n"
      "and the \"devrun\" key of ./package.json (command line wins).  Environment: DEVRUN_JS\n"
      "overrides the runtime used for app.js; NO_COLOR turns colours off.\n"
      "\n"
      "Examples:\n"
      "  devrun app.js --port 3000          run app.js with devrun-js, restart on change\n"
      "  devrun -w src -w config server.js  watch only src/ and config/\n"
      "  devrun -e py -- python3 app.py     supervise any command\n"
      "  devrun -x 'make && ./server'       a shell command\n"
      "  devrun --restart-on-crash --kill-timeout 2s app.js\n"
      "  devrun --inspect=9229 app.js       debugger flags go to the runtime\n"
      "  devrun heap summary x.heapsnapshot runs devrun-heap\n"
      "\n"
      "While running: type 'rs' + Enter to restart, 'stats' + Enter for pid, uptime, RSS,\n"
      "CPU%% and restarts; SIGHUP restarts; Ctrl-C stops the app and exits with its status.\n"
      "See docs/watch.md.\n",
      f);
}

/* `devrun <sub>`: exec devrun-<sub> next to us, else from PATH. */
static int try_dispatch(int argc, char **argv) {
  const char *sub = argv[1];
  struct stat st;
  if (stat(sub, &st) == 0) return 0; /* an existing path is the app */
  for (const char *p = sub; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-')) return 0;
  char name[256];
  snprintf(name, sizeof(name), "devrun-%s", sub);
  char **nargv = dr_calloc((size_t)argc + 1, sizeof(char *));
  nargv[0] = name;
  for (int i = 2; i < argc; i++) nargv[i - 1] = argv[i];
  char *path = dr_exe_sibling(name);
  if (path) {
    execv(path, nargv);
    dr_error("cannot run '%s': %s", path, strerror(errno));
    exit(1);
  }
  execvp(name, nargv);
  free(nargv);
  if (errno != ENOENT) {
    dr_error("cannot run '%s': %s", name, strerror(errno));
    exit(1);
  }
  return -1;
}

static int bad_value(const char *opt, const char *val, const char *expect) {
  dr_error("invalid value '%s' for %s: expected %s", val, opt, expect);
  return -1;
}

static int parse_uint(const char *s, unsigned min, unsigned max, unsigned *out) {
  char *end;
  errno = 0;
  unsigned long v = strtoul(s, &end, 10);
  if (errno || end == s || *end || v < min || v > max || *s == '-') return -1;
  *out = (unsigned)v;
  return 0;
}

static int set_ms(const char *opt, const char *val, unsigned *out) {
  long ms = watch_parse_ms(val);
  if (ms < 0) return bad_value(opt, val, "a duration such as 250, 250ms or 2s");
  *out = (unsigned)ms;
  return 0;
}

static void add_rtflag(watch_opts_t *o, const char *name, const char *val) {
  dr_buf_t b = DR_BUF_INIT;
  dr_buf_adds(&b, name);
  if (val) dr_buf_addf(&b, "=%s", val);
  watch_strv_push(&o->rtflags, b.buf);
  dr_buf_release(&b);
}

/* Applies one option; returns 0, 1 for exit-0 (help/version), -1 bad usage. */
static int apply_option(watch_opts_t *o, int c, const char *arg) {
  switch (c) {
    case 'w':
      if (!o->watch_from_cli) watch_strv_clear(&o->watch);
      o->watch_from_cli = 1;
      watch_strv_push(&o->watch, arg);
      return 0;
    case 'i':
      watch_strv_push(&o->ignore, arg);
      return 0;
    case 'e':
      if (!o->exts_from_cli) watch_strv_clear(&o->exts);
      o->exts_from_cli = 1;
      watch_strv_split(&o->exts, arg);
      return 0;
    case 'x':
      free(o->exec);
      o->exec = dr_strdup(arg);
      o->mode = WATCH_MODE_EXEC;
      watch_strv_clear(&o->args);
      return 0;
    case O_DEBOUNCE:
      return set_ms("--debounce", arg, &o->debounce_ms);
    case 'd':
      return set_ms("--delay", arg, &o->delay_ms);
    case O_KILL_TIMEOUT:
      return set_ms("--kill-timeout", arg, &o->kill_timeout_ms);
    case O_CRASH_WINDOW:
      return set_ms("--crash-window", arg, &o->crash_window_ms);
    case 's': {
      int sig = watch_parse_signal(arg);
      if (sig < 0) return bad_value("--signal", arg, "a signal name (SIGTERM, INT, ...) or number");
      o->signal = sig;
      return 0;
    }
    case O_POLL:
    case 'P':
      if (arg) {
        if (set_ms("--poll", arg, &o->poll_ms) < 0) return -1;
        if (!o->poll_ms) return bad_value("--poll", arg, "an interval above 0");
      } else {
        o->poll_ms = 250;
      }
      return 0;
    case 'r':
      o->restart_on_crash = 1;
      return 0;
    case O_EXIT_ON_CRASH:
      o->exit_on_crash = 1;
      return 0;
    case O_CRASH_LIMIT:
      if (parse_uint(arg, 1, 1000000, &o->crash_limit) < 0)
        return bad_value("--crash-limit", arg, "a number >= 1");
      return 0;
    case 'c':
      o->clear = 1;
      return 0;
    case O_ENV_FILE:
      free(o->env_file);
      o->env_file = dr_strdup(arg);
      return 0;
    case 'v':
      o->verbose = 1;
      o->quiet = 0;
      return 0;
    case 'q':
      o->quiet = 1;
      o->verbose = 0;
      return 0;
    case O_STDIN_COMMANDS:
      o->stdin_commands = 1;
      return 0;
    case O_NO_STDIN_COMMANDS:
      o->stdin_commands = 0;
      return 0;
    case O_INSTANCES:
      if (parse_uint(arg, 1, 256, &o->instances) < 0)
        return bad_value("--instances", arg, "a number from 1 to 256");
      return 0;
    case O_INSPECT:
      add_rtflag(o, "--inspect", arg);
      return 0;
    case O_INSPECT_BRK:
      add_rtflag(o, "--inspect-brk", arg);
      return 0;
    case O_INSPECT_WAIT:
      add_rtflag(o, "--inspect-wait", arg);
      return 0;
    case O_INSPECT_PORT:
      add_rtflag(o, "--inspect-port", arg);
      return 0;
    case O_DEPS:
      o->deps = 1;
      return 0;
    case O_NO_GITIGNORE:
      o->gitignore = 0;
      return 0;
    case O_NO_DEFAULT_IGNORES:
      o->default_ignores = 0;
      return 0;
    case O_COLOR:
      o->color = 1;
      return 0;
    case O_NO_COLOR:
      o->color = 0;
      return 0;
    case O_CONFIG:
    case O_NO_CONFIG:
      return 0; /* handled in the first pass */
    case 'h':
      usage(stdout);
      return 1;
    case 'V':
      printf("devrun %s\n", DEVRUN_VERSION);
      return 1;
    default:
      fprintf(stderr, "Try 'devrun --help' for more information.\n");
      return -1;
  }
}

int main(int argc, char **argv) {
  dr_set_progname("devrun");
  if (argc > 1 && argv[1][0] != '-' && try_dispatch(argc, argv) < 0) {
    dr_error("'%s' is neither a file nor a devrun command (no devrun-%s found)", argv[1], argv[1]);
    fprintf(stderr, "Try 'devrun --help' for more information.\n");
    return 2;
  }

  /* First pass: --config/--no-config (and --help/--version early). */
  const char *config = NULL;
  int no_config = 0, c, rc = 0;
  opterr = 0;
  while ((c = getopt_long(argc, argv, short_options, options, NULL)) != -1) {
    if (c == O_CONFIG)
      config = optarg;
    else if (c == O_NO_CONFIG)
      no_config = 1;
    else if (c == 'h') {
      usage(stdout);
      return 0;
    } else if (c == 'V') {
      printf("devrun %s\n", DEVRUN_VERSION);
      return 0;
    }
  }
  watch_opts_t o;
  watch_opts_init(&o);
  if (!no_config && watch_config_load(&o, config) < 0) {
    rc = 2;
    goto out;
  }

  /* Second pass: the command line wins over the files. */
  optind = 0;
  opterr = 1;
  while ((c = getopt_long(argc, argv, short_options, options, NULL)) != -1) {
    int r = apply_option(&o, c, optarg);
    if (r) {
      rc = r > 0 ? 0 : 2;
      goto out;
    }
  }
  int after_dashdash = optind > 0 && optind <= argc && !strcmp(argv[optind - 1], "--");
  if (optind < argc) {
    if (o.mode != WATCH_MODE_EXEC || after_dashdash) {
      if (!after_dashdash) {
        free(o.exec);
        o.exec = NULL;
      }
      watch_strv_clear(&o.args);
      o.mode = after_dashdash ? WATCH_MODE_ARGV : WATCH_MODE_APP;
    }
    if (o.mode == WATCH_MODE_EXEC) watch_strv_clear(&o.args);
    for (int i = optind; i < argc; i++) watch_strv_push(&o.args, argv[i]);
  }
  if (o.mode == WATCH_MODE_NONE || (o.mode != WATCH_MODE_EXEC && !o.args.n)) {
    dr_error("nothing to run: give an app (devrun app.js), a command (devrun -- cmd) or --exec");
    fprintf(stderr, "Try 'devrun --help' for more information.\n");
    rc = 2;
    goto out;
  }
  if (o.mode == WATCH_MODE_APP) {
    struct stat st;
    if (stat(o.args.v[0], &st) != 0) {
      dr_error("cannot open '%s': %s", o.args.v[0], strerror(errno));
      rc = 2;
      goto out;
    }
  } else if (o.rtflags.n) {
    dr_warn(
        "--inspect flags are passed to the runtime only when devrun runs an app.js; "
        "put them in the command instead");
  }
  if (o.exit_on_crash && o.restart_on_crash) {
    dr_error("--exit-on-crash and --restart-on-crash cannot be used together");
    rc = 2;
    goto out;
  }
  if (o.color < 0) {
    const char *nc = getenv("NO_COLOR");
    o.color = isatty(STDERR_FILENO) && !(nc && *nc);
  }
  watch_status_setup(o.color, o.quiet, o.verbose);
  if (o.deps && o.mode != WATCH_MODE_APP)
    watch_status(WATCH_LVL_WARN,
                 "--deps works with devrun app.js (the runtime reports what it loads): "
                 "watching everything as usual");
  if (watch_bridge_setup(&o) < 0) {
    rc = 1;
    goto out;
  }
  rc = watch_run(&o);
  watch_bridge_stop();
out:
  watch_opts_release(&o);
  return rc;
}
