/* main.c — devrun-js: command line, bootstrap and the process's life.
 *
 *   devrun-js [options] [script.js | -e code | -p code | -] [args...]
 *
 * Options we know are declared in the table below; anything else that starts
 * with "--" is offered to V8 (--max-old-space-size, --trace-gc, --expose-gc,
 * --stack-size ...) and is a usage error if V8 does not know it either.
 * Options end at the script name or at "--".
 */
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "devrun/exe.h"
#include "devrun/util.h"
#include "engine_tracing.h"
#include "runtime.h"

static const char usage[] =
    "Usage: devrun-js [options] [script.js | -e \"code\" | -p \"code\" | -] [arguments]\n"
    "\n"
    "Runs a JavaScript program (CommonJS or ES module) on V8 and libuv, as Node does.\n"
    "With no script and stdin not a terminal, the program is read from stdin.\n"
    "\n"
    "Options:\n"
    "  -e, --eval CODE          evaluate CODE as a script\n"
    "  -p, --print CODE         evaluate CODE and print the result\n"
    "  -r, --require MODULE     preload MODULE (CommonJS) before the main module\n"
    "  -i, --interactive        start the REPL even if stdin is not a terminal\n"
    "  --input-type=module      treat -e/-p/stdin input as an ES module\n"
    "  --inspect[=[host:]port]  start the inspector (default 127.0.0.1:9229)\n"
    "  --inspect-brk[=...]      ... and pause on the first statement\n"
    "  --inspect-wait[=...]     ... and wait for a debugger before running\n"
    "  --inspect-port=[host:]port  inspector address without starting it\n"
    "  --gc-trace=FILE          write one JSON line per GC to FILE\n"
    "  --heapsnapshot-signal=SIG  write a heap snapshot when SIG arrives\n"
    "  --heapsnapshot-near-heap-limit=N  write up to N snapshots near the heap limit\n"
    "  --cpu-prof, --cpu-prof-dir=DIR, --heap-prof  profiles, as Node names them\n"
    "  --trace-event-categories=LIST  record trace events of LIST (comma-separated)\n"
    "  --trace-events-enabled   the same with v8,node,node.async_hooks\n"
    "  --trace-event-file-pattern=PATTERN  trace file (${pid}, ${rotation};\n"
    "                           default node_trace.${rotation}.log)\n"
    "  --v8-options             print V8's options and exit\n"
    "  -v, --version            print the version and exit\n"
    "  -h, --help               print this help and exit\n"
    "  --                       end of options\n"
    "\n"
    "V8 options pass through: --max-old-space-size=MB, --stack-size=KB, --expose-gc,\n"
    "--trace-gc, --trace-gc-nvp and the rest of `devrun-js --v8-options`.\n"
    "\n"
    "Examples:\n"
    "  devrun-js app.js --port 8080\n"
    "  devrun-js -p \"process.versions.v8\"\n"
    "  echo \"console.log(1 + 1)\" | devrun-js\n"
    "  devrun-js --max-old-space-size=4096 --expose-gc build.mjs\n"
    "\n"
    "Documentation: docs/runtime.md\n";

enum { OPT_V8_OPTIONS = RT_OPT_V8_OPTIONS, OPT_INPUT_TYPE, OPT_INSPECT, OPT_INSPECT_BRK,
       OPT_INSPECT_WAIT, OPT_INSPECT_PORT, OPT_INSPECT_PUBLISH, OPT_GC_TRACE, OPT_SNAP_SIGNAL,
       OPT_SNAP_NEAR, OPT_CPU_PROF, OPT_CPU_PROF_DIR, OPT_HEAP_PROF, OPT_BUILD_CODE_CACHE,
       OPT_TRACE_CATEGORIES, OPT_TRACE_ENABLED, OPT_TRACE_PATTERN };

static const struct option long_options[] = {
    {"eval", required_argument, NULL, 'e'},
    {"print", required_argument, NULL, 'p'},
    {"require", required_argument, NULL, 'r'},
    {"interactive", no_argument, NULL, 'i'},
    {"version", no_argument, NULL, 'v'},
    {"help", no_argument, NULL, 'h'},
    {"v8-options", no_argument, NULL, OPT_V8_OPTIONS},
    {"input-type", required_argument, NULL, OPT_INPUT_TYPE},
    {"inspect", optional_argument, NULL, OPT_INSPECT},
    {"inspect-brk", optional_argument, NULL, OPT_INSPECT_BRK},
    {"inspect-wait", optional_argument, NULL, OPT_INSPECT_WAIT},
    {"inspect-port", required_argument, NULL, OPT_INSPECT_PORT},
    {"inspect-publish-uid", required_argument, NULL, OPT_INSPECT_PUBLISH},
    {"gc-trace", required_argument, NULL, OPT_GC_TRACE},
    {"heapsnapshot-signal", required_argument, NULL, OPT_SNAP_SIGNAL},
    {"heapsnapshot-near-heap-limit", required_argument, NULL, OPT_SNAP_NEAR},
    {"cpu-prof", no_argument, NULL, OPT_CPU_PROF},
    {"cpu-prof-dir", required_argument, NULL, OPT_CPU_PROF_DIR},
    {"heap-prof", no_argument, NULL, OPT_HEAP_PROF},
    {"trace-event-categories", required_argument, NULL, OPT_TRACE_CATEGORIES},
    {"trace-events-enabled", no_argument, NULL, OPT_TRACE_ENABLED},
    {"trace-event-file-pattern", required_argument, NULL, OPT_TRACE_PATTERN},
    {"build-code-cache", required_argument, NULL, OPT_BUILD_CODE_CACHE}, /* build step */
    {NULL, 0, NULL, 0}};

typedef struct {
  const char *mode; /* "file", "eval", "print", "stdin" */
  const char *code;
  const char *input_type;
  char **preload;
  int npreload;
} run_opts;

/* Builds the options object handed to internal/main/run. */
static rt_val options_object(rt_env *env, run_opts *ro, int script_index) {
  rt_val o = rt_object();
  rt_set(o, "mode", rt_string(ro->mode));
  if (ro->code) rt_set(o, "code", rt_string(ro->code));
  if (ro->input_type) rt_set(o, "inputType", rt_string(ro->input_type));
  rt_val pre = rt_array(0);
  for (int i = 0; i < ro->npreload; i++) rt_set_i(pre, (uint32_t)i, rt_string(ro->preload[i]));
  rt_set(o, "preload", pre);
  rt_val argv = rt_array(0);
  uint32_t k = 0;
  rt_set_i(argv, k++, rt_string(env->exec_path));
  for (int i = script_index; i < env->argc; i++) rt_set_i(argv, k++, rt_string(env->argv[i]));
  rt_set(o, "argv", argv);
  rt_val exec_argv = rt_array(0);
  for (int i = 0; i < env->exec_argc; i++)
    rt_set_i(exec_argv, (uint32_t)i, rt_string(env->exec_argv[i]));
  rt_set(o, "execArgv", exec_argv);
  rt_set(o, "argv0", rt_string(env->argv[0]));
  return o;
}

int rt_inspector_option(int opt, const char *arg); /* inspector_hooks.c */
int rt_inspector_boot(const char *script);         /* inspector_hooks.c */

/* Node options without an argument of their own that the JavaScript side
 * honours from process.execArgv. */
static const char *const node_flags[] = {
    "--unhandled-rejections=", "--no-warnings", "--no-deprecation", "--throw-deprecation",
    "--trace-deprecation", "--trace-warnings", "--title=", "--experimental-vm-modules",
    "--experimental-websocket", NULL};

static bool is_node_flag(const char *arg) {
  for (int i = 0; node_flags[i]; i++) {
    size_t n = strlen(node_flags[i]);
    if (node_flags[i][n - 1] == '=' ? !strncmp(arg, node_flags[i], n) : !strcmp(arg, node_flags[i]))
      return true;
  }
  return false;
}

/* Run by --build-code-cache: loads and exercises the builtins so that their
 * code cache covers what programs use. */
static const char warmup_script[] =
    "for (const id of require('module').builtinModules) {\n"
    "  if (id === 'sys' || id === '_stream_wrap') continue; /* deprecated: would print DEP0025/DEP0125 */\n"
    "  try { require(id); } catch {}\n"
    "}\n"
    "try { require('util').inspect({ a: [1, 'x', new Map([[1, { b: null }]])], c: new Set([1]) }); } catch {}\n"
    "try { require('util').format('%s %d %j', 'a', 1, {}); } catch {}\n";

int main(int argc, char **argv) {
  const char *code_cache_out = NULL;
  dr_set_progname("devrun-js");
  run_opts ro = {.mode = "file"};
  ro.preload = dr_calloc((size_t)argc, sizeof(char *));
  char **v8argv = dr_calloc((size_t)argc + 2, sizeof(char *));
  int v8argc = 1;
  v8argv[0] = argv[0];
  bool print_v8_options = false;
  const char *trace_categories = NULL; /* trace events (engine_tracing.h) */

  opterr = 0;
  int c;
  /* "+" stops at the first non-option: the script and its arguments. */
  while ((c = getopt_long(argc, argv, "+e:p:r:vhi", long_options, NULL)) != -1) {
    switch (c) {
      case 'e': ro.mode = "eval"; ro.code = optarg; break;
      case 'p':
        ro.mode = "print";
        ro.code = optarg;
        /* "-pe code" is -p -e code, as Node reads it */
        if (!strcmp(optarg, "e") && argv[optind - 1][0] == '-' && optind < argc) ro.code = argv[optind++];
        break;
      case 'r': ro.preload[ro.npreload++] = optarg; break;
      case 'i': break; /* kept in execArgv; internal/main/run starts the REPL */
      case 'v': printf("v%s\n", "20.20.2-devrun." DEVRUN_VERSION); return 0;
      case 'h': fputs(usage, stdout); return 0;
      case OPT_V8_OPTIONS: print_v8_options = true; break;
      case OPT_BUILD_CODE_CACHE:
        code_cache_out = optarg;
        ro.mode = "eval";
        ro.code = warmup_script;
        break;
      case OPT_TRACE_CATEGORIES: trace_categories = optarg; break;
      case OPT_TRACE_ENABLED: if (!trace_categories) trace_categories = "v8,node,node.async_hooks"; break;
      case OPT_TRACE_PATTERN: rt_tracing_set_file_pattern(optarg); break;
      case OPT_INPUT_TYPE:
        if (strcmp(optarg, "module") && strcmp(optarg, "commonjs")) {
          fprintf(stderr, "devrun-js: --input-type must be \"module\" or \"commonjs\"\n");
          return 9;
        }
        ro.input_type = optarg;
        break;
      case OPT_INSPECT: case OPT_INSPECT_BRK: case OPT_INSPECT_WAIT: case OPT_INSPECT_PORT:
      case OPT_INSPECT_PUBLISH: case OPT_GC_TRACE: case OPT_SNAP_SIGNAL: case OPT_SNAP_NEAR:
      case OPT_CPU_PROF: case OPT_CPU_PROF_DIR: case OPT_HEAP_PROF:
        if (rt_inspector_option(c, optarg) < 0) return 9;
        break;
      case '?': {
        const char *bad = argv[optind - 1];
        if (optopt && strncmp(bad, "--", 2) != 0) {
          if (optopt == 'e' || optopt == 'p' || optopt == 'r')
            fprintf(stderr, "devrun-js: %s requires an argument\n", bad);
          else
            fprintf(stderr, "devrun-js: bad option: %s\n", bad);
          return 9;
        }
        if (is_node_flag(bad)) break; /* kept in execArgv, read by the JS side */
        v8argv[v8argc++] = (char *)bad; /* maybe a V8 flag */
        break;
      }
    }
  }
  int script_index = optind;
  if (optind > 1 && strcmp(argv[optind - 1], "--") == 0) { /* getopt consumed "--" */
  }

  if (v8argc > 1 || print_v8_options) {
    int n = v8argc;
    rt_engine_set_flags(&n, v8argv, true);
    for (int i = 1; i < n; i++) {
      fprintf(stderr, "devrun-js: bad option: %s\n", v8argv[i]);
      return 9;
    }
  }
  if (print_v8_options) {
    rt_engine_print_v8_options();
    return 0;
  }

  if (!strcmp(ro.mode, "file")) {
    if (script_index >= argc) {
      ro.mode = "stdin";
    } else if (!strcmp(argv[script_index], "-")) {
      ro.mode = "stdin"; /* "-" stays in process.argv, as in Node */
    }
  }

  signal(SIGPIPE, SIG_IGN);
  rt_env env = {0};
  env.loop = uv_default_loop();
  env.argc = argc;
  env.argv = argv;
  env.exec_argc = optind - 1 - (optind > 1 && !strcmp(argv[optind - 1], "--") ? 1 : 0);
  env.exec_argv = argv + 1;
  env.exec_path = dr_exe_path();
  if (!env.exec_path) env.exec_path = dr_strdup(argv[0]);
  rt_env_current = &env;

  /* What Node 18+ turns on by default in this V8. */
  rt_engine_set_flags_string("--harmony-import-assertions");
  rt_engine_on_uncaught(rt_on_uncaught);
  rt_engine_on_promise_reject(rt_on_promise_reject);
  if (trace_categories && *trace_categories) { /* first preload: trace_events sets up the JS side */
    memmove(ro.preload + 1, ro.preload, (size_t)ro.npreload * sizeof(char *));
    ro.preload[0] = "trace_events";
    ro.npreload++;
  }
  int terr = trace_categories && *trace_categories ? rt_tracing_enable(trace_categories) : 0;
  if (terr < 0) {
    fprintf(stderr, "devrun-js: cannot open the trace event file: %s\n", strerror(-terr));
    return 9;
  }
  double t0 = dr_now_ms();
  if (rt_engine_init() < 0) dr_die("cannot initialize V8");
  double t1 = dr_now_ms();
  rt_heap_boot();
  if (code_cache_out)
    rt_code_cache_start_dump();
  else
    rt_code_cache_load(env.exec_path);
  bool trace_startup = getenv("DEVRUN_TRACE_STARTUP") != NULL;

  rt_scope *scope = rt_scope_open();
  rt_val require = rt_env_bootstrap(&env);
  if (!require) return 1;

  rt_val id = rt_string("internal/main/run");
  rt_val run = rt_call_toplevel(require, rt_undefined(), 1, &id);
  if (!run) return 1;
  if (rt_inspector_boot(!strcmp(ro.mode, "file") ? argv[script_index] : NULL) < 0) return 12;
  rt_val opts = options_object(&env, &ro, script_index);
  rt_make_callback(run, rt_undefined(), 1, &opts);
  rt_scope_close(scope);
  if (trace_startup)
    fprintf(stderr, "devrun-js: V8 init %.2f ms, bootstrap and main %.2f ms\n", t1 - t0,
            dr_now_ms() - t1);

  int code = rt_env_run_loop();
  if (code_cache_out) return rt_code_cache_write(code_cache_out) < 0 ? 1 : 0;
  rt_exit(code);
}
