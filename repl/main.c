/* main.c — devrun-repl: options, mode selection, the local runtime.
 *
 *   devrun-repl                      local: start devrun-js (or --runtime)
 *                                    with the inspector and evaluate there
 *   devrun-repl --attach 9229        attach to a running inspector target
 *   devrun-repl --attach ws://...    (devrun-js, devrun-inspect, node, ...)
 * Full screen when stdin and stdout are terminals, line mode otherwise
 * (or with --line).  Exit: 0 normal end, 1 failure, 2 bad usage.
 */
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "devrun/err.h"
#include "devrun/exe.h"
#include "devrun/util.h"
#include "repl.h"

static const char usage[] =
    "usage: devrun-repl [options]\n"
    "       devrun-repl --attach [host:]port | ws://host:port/id\n"
    "\n"
    "A JavaScript REPL and terminal debugger speaking the Chrome DevTools\n"
    "Protocol.  Without --attach it starts devrun-js with the inspector on a\n"
    "private loopback port and evaluates there, with Node's REPL semantics.\n"
    "\n"
    "options:\n"
    "  -a, --attach TARGET   attach to an inspector: PORT, HOST:PORT or a ws:// URL\n"
    "  -r, --runtime PATH    runtime for local mode (default: devrun-js next to\n"
    "                        devrun-repl; `node` works too)\n"
    "  -l, --line            line mode even on a terminal (read stdin, print results)\n"
    "      --color WHEN      auto (default), always or never; NO_COLOR=1 means never\n"
    "  -h, --help            show this help\n"
    "  -V, --version         show the version\n"
    "\n"
    "environment:\n"
    "  DEVRUN_REPL_HISTORY       history file (default ~/.devrun_repl_history; '' disables)\n"
    "  DEVRUN_REPL_HISTORY_SIZE  entries kept (default 1000)\n"
    "  NO_COLOR                  disable colors\n"
    "\n"
    "examples:\n"
    "  devrun-repl                                  # local REPL on devrun-js\n"
    "  devrun-repl --runtime node                   # local REPL on Node\n"
    "  node --inspect=127.0.0.1:9229 app.js & devrun-repl --attach 9229\n"
    "  echo '1 + 2' | devrun-repl --runtime node     # line mode: prints 3\n"
    "\n"
    "Type .help inside for dot-commands, debugger commands and keys;\n"
    "see docs/repl.md.\n";

enum { OPT_COLOR = 256 };

static const struct option options[] = {
    {"attach", required_argument, NULL, 'a'},
    {"runtime", required_argument, NULL, 'r'},
    {"line", no_argument, NULL, 'l'},
    {"color", required_argument, NULL, OPT_COLOR},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

/* devrun-js in the directory of this binary, else "devrun-js" on PATH. */
static char *default_runtime(void) {
  char *sib = dr_exe_sibling("devrun-js");
  return sib ? sib : dr_strdup("devrun-js");
}

int main(int argc, char **argv) {
  const char *attach = NULL, *runtime = NULL, *color_when = "auto";
  int line = 0, c, rc, color, ui;
  repl_child_t child = {0, -1, -1, NULL};
  repl_session_cbs_t cbs = {0};
  repl_session_t *s;
  char err[1024], *rt = NULL;

  setlocale(LC_ALL, "");
  dr_set_progname("devrun-repl");
  signal(SIGPIPE, SIG_IGN);
  while ((c = getopt_long(argc, argv, "a:r:lhV", options, NULL)) != -1) {
    switch (c) {
      case 'a':
        attach = optarg;
        break;
      case 'r':
        runtime = optarg;
        break;
      case 'l':
        line = 1;
        break;
      case OPT_COLOR:
        if (strcmp(optarg, "auto") && strcmp(optarg, "always") && strcmp(optarg, "never")) {
          dr_error("--color must be auto, always or never, not '%s'", optarg);
          return 2;
        }
        color_when = optarg;
        break;
      case 'h':
        fputs(usage, stdout);
        return 0;
      case 'V':
        printf("devrun-repl %s\n", DEVRUN_VERSION);
        return 0;
      default:
        fprintf(stderr, "Try 'devrun-repl --help'.\n");
        return 2;
    }
  }
  if (optind < argc) {
    dr_error("unexpected argument '%s'", argv[optind]);
    fprintf(stderr, "Try 'devrun-repl --help'.\n");
    return 2;
  }
  if (attach && runtime) {
    dr_error("--attach and --runtime do not go together");
    return 2;
  }
  ui = !line && isatty(0) && isatty(1);
  if (!strcmp(color_when, "always"))
    color = 1;
  else if (!strcmp(color_when, "never"))
    color = 0;
  else
    color = isatty(1) && !(getenv("NO_COLOR") && *getenv("NO_COLOR"));
  if (getenv("NO_COLOR") && *getenv("NO_COLOR") && strcmp(color_when, "always")) color = 0;

  if (!attach) {
    rt = runtime ? dr_strdup(runtime) : default_runtime();
    if (repl_child_start(&child, rt, err, sizeof(err)) < 0) {
      dr_error("%s", err);
      free(rt);
      return 1;
    }
  }
  if (ui)
    repl_ui_callbacks(&cbs);
  else
    repl_line_callbacks(&cbs);
  s = repl_session_new(&cbs, color, 80);
  repl_session_show_console(s, attach != NULL);
  rc = repl_session_attach(s, attach ? attach : child.ws_url, err, sizeof(err));
  if (rc < 0) {
    dr_error("%s", err);
    repl_session_free(s);
    repl_child_stop(&child);
    free(rt);
    return rc == DR_EUSAGE ? 2 : 1;
  }
  rc = ui ? repl_ui_run(s, attach ? NULL : &child, color)
          : repl_line_run(s, attach ? NULL : &child, color);
  repl_session_free(s);
  repl_child_stop(&child);
  free(rt);
  return rc;
}
