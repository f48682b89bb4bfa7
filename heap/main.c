/* main.c — devrun-heap: heap-snapshot and GC-trace analysis.
 *
 * A git-style dispatcher: `devrun-heap <command> [options] FILE...`, each
 * command in a cmd_*.c file with its own getopt_long table.  To add a
 * command, write cmd_<name>() and add a row to `commands` below and to the
 * usage text.
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "devrun/err.h"
#include "devrun/util.h"
#include "heap.h"

static const struct command {
  const char *name;
  int (*fn)(int, char **);
  const char *help;
} commands[] = {
    {"summary", cmd_summary, "per-constructor count, shallow and retained size"},
    {"top", cmd_top, "largest objects by retained size, with retainer paths"},
    {"retainers", cmd_retainers,
     "shortest retainer paths from the GC roots (--id N | --class NAME)"},
    {"diff", cmd_diff, "per-constructor new/deleted objects between two snapshots"},
    {"leaks", cmd_leaks, "three-snapshot leak search (BASELINE TARGET FINAL)"},
    {"dups", cmd_dups, "duplicated strings and the memory they waste"},
    {"closures", cmd_closures, "closures retaining large contexts"},
    {"listeners", cmd_listeners, "EventEmitters with many listeners"},
    {"gc", cmd_gc, "GC statistics and heap trend from --trace-gc, --trace-gc-nvp or --gc-trace"},
    {"report", cmd_report, "one self-contained HTML report"},
    {"info", cmd_info, "what a snapshot contains (meta, counts)"},
};

static void usage(FILE *f) {
  fprintf(f, "usage: devrun-heap <command> [options] FILE...\n\ncommands:\n");
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].help);
  fprintf(f,
          "\nEvery command takes --help, --json (machine output) and --color=auto|always|never.\n"
          "\nexamples:\n"
          "  devrun-heap summary --top 20 app.heapsnapshot\n"
          "  devrun-heap retainers --class Session app.heapsnapshot\n"
          "  devrun-heap leaks s1.heapsnapshot s2.heapsnapshot s3.heapsnapshot\n"
          "  devrun-heap gc gc.log\n"
          "  devrun-heap report -o heap.html s1.heapsnapshot s2.heapsnapshot s3.heapsnapshot\n"
          "\nSee docs/heap.md.\n");
}

int main(int argc, char **argv) {
  dr_set_progname("devrun-heap");
  /* Big arrays come and go (leaks loads three snapshots in turn): keep them
   * in their own mappings so freeing returns the memory to the system
   * (glibc would otherwise raise the threshold after the first free). */
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
    usage(stdout);
    return 0;
  }
  if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
    printf("devrun-heap %s\n", DEVRUN_VERSION);
    return 0;
  }
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    if (!strcmp(argv[1], commands[i].name)) return commands[i].fn(argc - 1, argv + 1);
  dr_error("unknown command '%s' (see devrun-heap --help)", argv[1]);
  return 2;
}
