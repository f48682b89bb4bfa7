/* config.c — options from files: devrun.json and package.json's "devrun".
 *
 * Precedence, lowest first: built-in defaults, package.json "devrun" key,
 * devrun.json (or --config FILE), command-line flags.  The file keys mirror
 * the long options in camelCase:
 *
 *   watch: "src" | ["src","lib"]     ignore: "x" | [..]    ext: "js,json" | [..]
 *   exec: "python3 app.py"           script: "app.js"      args: [..]
 *   debounce, delay, killTimeout: ms (number) or "2s"       signal: "SIGINT" | 2
 *   poll: true | ms                  restartOnCrash, exitOnCrash, clear,
 *   crashLimit: n, crashWindow: ms   verbose, quiet, stdinCommands: bool
 *   env: {"KEY": "value"}            envFile: ".env"        instances: n
 *   inspect: true | "host:port"      gitignore, defaultIgnores: bool
 *
 * A wrong type is an error naming the file and key; an unknown key is a
 * warning (a typo should not stop the app, but should not go unnoticed).
 * Also here: watch_opts_init() (the defaults), duration and signal parsing.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "devrun/buf.h"
#include "devrun/err.h"
#include "devrun/util.h"
#include "watch.h"

static const char *const default_exts[] = {"js", "mjs", "cjs", "json", "node", "env", NULL};

void watch_opts_init(watch_opts_t *o) {
  memset(o, 0, sizeof(*o));
  for (size_t i = 0; default_exts[i]; i++) watch_strv_push(&o->exts, default_exts[i]);
  o->debounce_ms = 50;
  o->kill_timeout_ms = 5000;
  o->signal = SIGTERM;
  o->crash_limit = 5;
  o->crash_window_ms = 60000;
  o->stdin_commands = -1;
  o->color = -1;
  o->instances = 1;
  o->default_ignores = 1;
  o->gitignore = 1;
  o->hash_limit = 4096;
}

void watch_opts_release(watch_opts_t *o) {
  watch_strv_release(&o->watch);
  watch_strv_release(&o->ignore);
  watch_strv_release(&o->exts);
  watch_strv_release(&o->args);
  watch_strv_release(&o->rtflags);
  watch_strv_release(&o->env);
  free(o->exec);
  free(o->env_file);
  memset(o, 0, sizeof(*o));
}

long watch_parse_ms(const char *s) {
  if (!s || !*s) return -1;
  errno = 0;
  char *end;
  double v = strtod(s, &end);
  if (errno || end == s || v < 0 || v != v) return -1;
  if (!strcmp(end, "s"))
    v *= 1000;
  else if (!strcmp(end, "m") || !strcmp(end, "min"))
    v *= 60000;
  else if (*end && strcmp(end, "ms"))
    return -1;
  if (v > 86400000.0 * 7) return -1;
  return (long)(v + 0.5);
}

static const struct {
  const char *name;
  int num;
} signals[] = {
    {"HUP", SIGHUP},   {"INT", SIGINT},     {"QUIT", SIGQUIT}, {"KILL", SIGKILL}, {"USR1", SIGUSR1},
    {"USR2", SIGUSR2}, {"TERM", SIGTERM},   {"ALRM", SIGALRM}, {"CONT", SIGCONT}, {"STOP", SIGSTOP},
    {"TSTP", SIGTSTP}, {"WINCH", SIGWINCH}, {"ABRT", SIGABRT}, {"PIPE", SIGPIPE}, {"SEGV", SIGSEGV},
    {"BUS", SIGBUS},   {"FPE", SIGFPE},     {"ILL", SIGILL},   {"TRAP", SIGTRAP}, {"XCPU", SIGXCPU},
    {NULL, 0},
};

int watch_parse_signal(const char *s) {
  if (!s || !*s) return -1;
  char *end;
  long n = strtol(s, &end, 10);
  if (!*end) return n > 0 && n < 32 ? (int)n : -1;
  if (!strncasecmp(s, "SIG", 3)) s += 3;
  for (size_t i = 0; signals[i].name; i++)
    if (!strcasecmp(s, signals[i].name)) return signals[i].num;
  return -1;
}

const char *watch_signal_name(int sig) {
  static char buf[16];
  for (size_t i = 0; signals[i].name; i++)
    if (signals[i].num == sig) {
      snprintf(buf, sizeof(buf), "SIG%s", signals[i].name);
      return buf;
    }
  snprintf(buf, sizeof(buf), "signal %d", sig);
  return buf;
}

/* ---- JSON ------------------------------------------------------------ */

typedef struct ctx_s {
  const char *what;
  char *err;
} ctx_t;

static int fail(ctx_t *c, const char *key, const char *expect) {
  if (!c->err) {
    dr_buf_t b = DR_BUF_INIT;
    dr_buf_addf(&b, "%s: \"%s\" must be %s", c->what, key, expect);
    c->err = dr_buf_detach(&b, NULL);
  }
  return DR_EFORMAT;
}

static int get_list(ctx_t *c, const char *key, json_t *v, watch_strv_t *out, int split) {
  if (json_is_string(v)) {
    if (split)
      watch_strv_split(out, json_string_value(v));
    else
      watch_strv_push(out, json_string_value(v));
    return 0;
  }
  if (!json_is_array(v)) return fail(c, key, "a string or an array of strings");
  size_t i;
  json_t *e;
  json_array_foreach(v, i, e) {
    if (!json_is_string(e)) return fail(c, key, "a string or an array of strings");
    watch_strv_push(out, json_string_value(e));
  }
  return 0;
}

static int get_ms(ctx_t *c, const char *key, json_t *v, unsigned *out) {
  long ms = -1;
  if (json_is_integer(v) && json_integer_value(v) >= 0 && json_integer_value(v) <= 604800000)
    ms = (long)json_integer_value(v);
  else if (json_is_real(v) && json_real_value(v) >= 0 && json_real_value(v) <= 604800000)
    ms = (long)json_real_value(v);
  else if (json_is_string(v))
    ms = watch_parse_ms(json_string_value(v));
  if (ms < 0) return fail(c, key, "a duration in milliseconds (or a string like \"2s\")");
  *out = (unsigned)ms;
  return 0;
}

static int get_uint(ctx_t *c, const char *key, json_t *v, unsigned *out, unsigned min,
                    unsigned max) {
  if (!json_is_integer(v) || json_integer_value(v) < min || json_integer_value(v) > max) {
    char expect[64];
    snprintf(expect, sizeof(expect), "an integer from %u to %u", min, max);
    return fail(c, key, expect);
  }
  *out = (unsigned)json_integer_value(v);
  return 0;
}

static int get_bool(ctx_t *c, const char *key, json_t *v, int *out) {
  if (!json_is_boolean(v)) return fail(c, key, "true or false");
  *out = json_is_true(v);
  return 0;
}

static int get_str(ctx_t *c, const char *key, json_t *v, char **out) {
  if (!json_is_string(v)) return fail(c, key, "a string");
  free(*out);
  *out = dr_strdup(json_string_value(v));
  return 0;
}

static int apply_key(watch_opts_t *o, ctx_t *c, const char *key, json_t *v) {
  if (!strcmp(key, "watch")) {
    watch_strv_clear(&o->watch);
    return get_list(c, key, v, &o->watch, 0);
  }
  if (!strcmp(key, "ignore")) return get_list(c, key, v, &o->ignore, 0);
  if (!strcmp(key, "ext")) {
    watch_strv_clear(&o->exts);
    return get_list(c, key, v, &o->exts, 1);
  }
  if (!strcmp(key, "exec")) {
    int r = get_str(c, key, v, &o->exec);
    if (!r) o->mode = WATCH_MODE_EXEC;
    return r;
  }
  if (!strcmp(key, "script")) {
    if (!json_is_string(v)) return fail(c, key, "a string");
    if (o->mode != WATCH_MODE_EXEC) {
      watch_strv_clear(&o->args);
      watch_strv_push(&o->args, json_string_value(v));
      o->mode = WATCH_MODE_APP;
    }
    return 0;
  }
  if (!strcmp(key, "args")) {
    watch_strv_t tmp = WATCH_STRV_INIT;
    int r = get_list(c, key, v, &tmp, 0);
    for (size_t i = 0; !r && i < tmp.n; i++) watch_strv_push(&o->args, tmp.v[i]);
    watch_strv_release(&tmp);
    return r;
  }
  if (!strcmp(key, "debounce")) return get_ms(c, key, v, &o->debounce_ms);
  if (!strcmp(key, "delay")) return get_ms(c, key, v, &o->delay_ms);
  if (!strcmp(key, "killTimeout")) return get_ms(c, key, v, &o->kill_timeout_ms);
  if (!strcmp(key, "crashWindow")) return get_ms(c, key, v, &o->crash_window_ms);
  if (!strcmp(key, "crashLimit")) return get_uint(c, key, v, &o->crash_limit, 1, 1000000);
  if (!strcmp(key, "instances")) return get_uint(c, key, v, &o->instances, 1, 256);
  if (!strcmp(key, "signal")) {
    int sig = json_is_string(v) ? watch_parse_signal(json_string_value(v))
              : json_is_integer(v) && json_integer_value(v) > 0 && json_integer_value(v) < 32
                  ? (int)json_integer_value(v)
                  : -1;
    if (sig < 0) return fail(c, key, "a signal name like \"SIGTERM\" or a number");
    o->signal = sig;
    return 0;
  }
  if (!strcmp(key, "poll")) {
    if (json_is_boolean(v)) {
      o->poll_ms = json_is_true(v) ? 250 : 0;
      return 0;
    }
    int r = get_ms(c, key, v, &o->poll_ms);
    if (!r && o->poll_ms == 0) o->poll_ms = 250;
    return r;
  }
  if (!strcmp(key, "restartOnCrash")) return get_bool(c, key, v, &o->restart_on_crash);
  if (!strcmp(key, "exitOnCrash")) return get_bool(c, key, v, &o->exit_on_crash);
  if (!strcmp(key, "clear")) return get_bool(c, key, v, &o->clear);
  if (!strcmp(key, "verbose")) return get_bool(c, key, v, &o->verbose);
  if (!strcmp(key, "quiet")) return get_bool(c, key, v, &o->quiet);
  if (!strcmp(key, "stdinCommands")) return get_bool(c, key, v, &o->stdin_commands);
  if (!strcmp(key, "gitignore")) return get_bool(c, key, v, &o->gitignore);
  if (!strcmp(key, "defaultIgnores")) return get_bool(c, key, v, &o->default_ignores);
  if (!strcmp(key, "deps")) return get_bool(c, key, v, &o->deps);
  if (!strcmp(key, "envFile")) return get_str(c, key, v, &o->env_file);
  if (!strcmp(key, "inspect")) {
    if (json_is_true(v))
      watch_strv_push(&o->rtflags, "--inspect");
    else if (json_is_string(v)) {
      dr_buf_t b = DR_BUF_INIT;
      dr_buf_addf(&b, "--inspect=%s", json_string_value(v));
      watch_strv_push(&o->rtflags, b.buf);
      dr_buf_release(&b);
    } else if (!json_is_false(v))
      return fail(c, key, "true, false or \"host:port\"");
    return 0;
  }
  if (!strcmp(key, "env")) {
    if (!json_is_object(v)) return fail(c, key, "an object of strings");
    const char *k;
    json_t *e;
    json_object_foreach(v, k, e) {
      dr_buf_t b = DR_BUF_INIT;
      if (json_is_string(e))
        dr_buf_addf(&b, "%s=%s", k, json_string_value(e));
      else if (json_is_integer(e))
        dr_buf_addf(&b, "%s=%lld", k, (long long)json_integer_value(e));
      else if (json_is_boolean(e))
        dr_buf_addf(&b, "%s=%s", k, json_is_true(e) ? "true" : "false");
      else {
        dr_buf_release(&b);
        return fail(c, "env", "an object of strings");
      }
      if (!*k || strchr(k, '=')) {
        dr_buf_release(&b);
        return fail(c, "env", "an object whose keys are variable names");
      }
      watch_strv_push(&o->env, b.buf);
      dr_buf_release(&b);
    }
    return 0;
  }
  if (!o->quiet) dr_warn("%s: unknown key \"%s\" (ignored)", c->what, key);
  return 0;
}

int watch_config_apply_json(watch_opts_t *o, const char *what, const char *text, size_t len,
                            int is_package_json, char **err) {
  ctx_t c = {what, NULL};
  json_error_t je;
  json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
  int r = 0;
  *err = NULL;
  if (!root) {
    dr_buf_t b = DR_BUF_INIT;
    dr_buf_addf(&b, "%s: invalid JSON at line %d: %s", what, je.line, je.text);
    *err = dr_buf_detach(&b, NULL);
    return DR_EFORMAT;
  }
  json_t *cfg = root;
  if (is_package_json) {
    cfg = json_is_object(root) ? json_object_get(root, "devrun") : NULL;
    if (!cfg) goto out; /* no "devrun" key: nothing to do */
  }
  if (!json_is_object(cfg)) {
    r = fail(&c, is_package_json ? "devrun" : "(top level)", "an object");
    goto out;
  }
  const char *key;
  json_t *v;
  json_object_foreach(cfg, key, v) {
    if ((r = apply_key(o, &c, key, v)) < 0) break;
  }
out:
  json_decref(root);
  *err = c.err;
  return r;
}

static int load_file(watch_opts_t *o, const char *path, int pkg, int must_exist) {
  dr_buf_t b = DR_BUF_INIT;
  int r = dr_buf_read_file(&b, path);
  if (r < 0) {
    dr_buf_release(&b);
    if (r == DR_ENOENT && !must_exist) return 0;
    return dr_error("cannot open '%s': %s", path, dr_strerror(r)), r;
  }
  char *err = NULL;
  r = watch_config_apply_json(o, path, b.buf, b.len, pkg, &err);
  if (r < 0) dr_error("%s", err ? err : "bad configuration");
  free(err);
  dr_buf_release(&b);
  return r;
}

int watch_config_load(watch_opts_t *o, const char *path) {
  int r = load_file(o, "package.json", 1, 0);
  if (r < 0) return r;
  return path ? load_file(o, path, 0, 1) : load_file(o, "devrun.json", 0, 0);
}
