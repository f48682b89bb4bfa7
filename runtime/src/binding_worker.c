/* binding_worker.c — internalBinding('worker'): worker_threads' Worker, a
 * JavaScript environment on its own thread.
 *
 * Each worker is a thread with its own libuv loop, V8 isolate and context
 * and its own copy of every binding's state (all per-thread, see
 * runtime/src/runtime.h).  The parent and the worker share only:
 *  - the worker struct, guarded by its mutex: 'online', the uncaught error
 *    (a structured-clone message) and the exit code travel to the parent
 *    through parent_async; terminate() reaches the worker through
 *    V8's TerminateExecution (stops running JavaScript) and stop_async (stops
 *    its loop);
 *  - two pairs of entangled message ports (binding_messaging.c): the Worker
 *    object's and the worker's parentPort, and the stdio channel that
 *    carries stdin/stdout/stderr when the Worker asked for them as streams.
 * The worker's start-up data (filename or code, workerData, env, argv...)
 * is one structured-clone message made by internal/worker, read by
 * internal/main/worker on the new thread.
 *
 * A worker ends when its loop is empty (exit code process.exitCode or 0),
 * on process.exit(code) (reallyExit lands in rt_worker_exit), on an uncaught
 * exception (1, after reportError) or on terminate() (1).  The parent's
 * parent_async keeps the parent's loop alive while the worker runs, unless
 * worker.unref() was called. */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "devrun/util.h"
#include "engine_clone.h"
#include "messaging.h"
#include "runtime.h"

typedef struct rt_worker {
  int thread_id;
  rt_msg *init;            /* start-up data, read by the worker */
  rt_isolate_limits limits;
  size_t stack_bytes;
  port_core *child_port;   /* becomes the worker's parentPort */
  port_core *child_stdio;  /* the worker's end of the stdio channel (stdin/stdout/stderr: true) */
  int argc;
  char **argv;             /* the main program's argv, for the worker's env */
  const char *exec_path;

  uv_mutex_t mu;           /* guards the fields below */
  void *isolate;           /* while the worker's isolate exists */
  uv_async_t *stop_async;  /* while the worker's loop runs */
  bool terminate_requested;
  bool online;
  rt_msg *error;
  bool exited;
  bool oom;                /* ended by its heap limit (resourceLimits) */
  int exit_code;

  uv_async_t parent_async; /* on the parent's loop */
  uv_loop_t *parent_loop;
  uv_thread_t tid;
  bool started;
  bool thread_started;     /* tid is a thread to join */
  bool joined;
  struct rt_worker *reg_next;
  rt_ref *obj;             /* parent's handle object: ononline/onerror/onexit */
} rt_worker;

static atomic_int next_thread_id = 1;

/* Every worker of the process, so that a thread that ends (a worker, or the
 * main thread exiting through exit() with an inspector) can first end the
 * workers it started: their parent_async lives on its loop. */
static uv_mutex_t reg_mu;
static uv_once_t reg_once = UV_ONCE_INIT;
static rt_worker *reg_head;

static void reg_init(void) { uv_mutex_init(&reg_mu); }

static void reg_add(rt_worker *w) {
  uv_once(&reg_once, reg_init);
  uv_mutex_lock(&reg_mu);
  w->reg_next = reg_head;
  reg_head = w;
  uv_mutex_unlock(&reg_mu);
}

static void reg_remove(rt_worker *w) {
  uv_mutex_lock(&reg_mu);
  for (rt_worker **pp = &reg_head; *pp; pp = &(*pp)->reg_next) {
    if (*pp == w) {
      *pp = w->reg_next;
      break;
    }
  }
  uv_mutex_unlock(&reg_mu);
}

static void request_stop(rt_worker *w) {
  uv_mutex_lock(&w->mu);
  w->terminate_requested = true;
  if (w->isolate) rt_engine_terminate(w->isolate);
  if (w->stop_async) uv_async_send(w->stop_async);
  uv_mutex_unlock(&w->mu);
}

/* Terminates and joins the workers whose parent runs on loop (called on
 * that loop's thread, which alone joins them). */
void rt_workers_stop(uv_loop_t *loop) {
  uv_once(&reg_once, reg_init);
  for (;;) {
    rt_worker *target = NULL;
    uv_mutex_lock(&reg_mu);
    for (rt_worker *w = reg_head; w; w = w->reg_next) {
      if (w->parent_loop == loop && w->thread_started && !w->joined) {
        target = w;
        break;
      }
    }
    uv_mutex_unlock(&reg_mu);
    if (!target) return;
    request_stop(target);
    uv_thread_join(&target->tid);
    target->joined = true;
  }
}
static _Thread_local rt_worker *self_worker; /* the worker this thread runs */
static _Thread_local int self_thread_id;     /* 0 on the main thread */

/* ---- the worker thread ---------------------------------------------------- */

static void close_walk_cb(uv_handle_t *h, void *arg) {
  (void)arg;
  if (!uv_is_closing(h)) uv_close(h, NULL);
}

static void stop_cb(uv_async_t *a) {
  rt_env *env = rt_env_current;
  if (!env->exiting) {
    env->exiting = true;
    env->exit_code = 1;
  }
  uv_stop(a->loop);
}

/* process.exit() and fatal errors in a worker end its thread, not the
 * process: stop JavaScript and the loop; worker_thread does the rest. */
void rt_worker_exit(int code) {
  rt_env *env = rt_env_current;
  if (!env->exiting) {
    env->exiting = true;
    env->exit_code = code;
  }
  rt_engine_terminate(rt_engine_isolate());
  uv_stop(env->loop);
}

bool rt_is_worker_thread(void) { return self_worker != NULL; }

static void notify_parent(rt_worker *w) { uv_async_send(&w->parent_async); }

/* The worker's heap is nearly full: end the worker (as Node does, with
 * ERR_WORKER_OUT_OF_MEMORY for the parent) instead of the process, giving
 * V8 room to unwind. */
static size_t near_heap_limit(void *data, size_t current, size_t initial) {
  (void)initial;
  rt_worker *w = data;
  uv_mutex_lock(&w->mu);
  w->oom = true;
  uv_mutex_unlock(&w->mu);
  rt_worker_exit(1);
  return current * 2;
}

static void worker_thread(void *arg) {
  rt_worker *w = arg;
  self_worker = w;
  self_thread_id = w->thread_id;
  uv_loop_t loop;
  uv_async_t stop;
  int code = 1;
  /* Out of descriptors (EMFILE) there is no loop: the worker exits with 1. */
  if (uv_loop_init(&loop) != 0) goto done;
  if (uv_async_init(&loop, &stop, stop_cb) != 0) {
    uv_loop_close(&loop);
    goto done;
  }
  uv_unref((uv_handle_t *)&stop);

  rt_env env = {0};
  env.loop = &loop;
  env.argc = w->argc;
  env.argv = w->argv;
  env.exec_path = w->exec_path;
  rt_env_current = &env;

  /* V8 must stop before the thread's stack ends: leave it the stack below
   * this frame minus a margin for C code (Node keeps 192 KiB). */
  char here;
  w->limits.stack_limit = &here - (w->stack_bytes - (256 << 10));
  if (rt_engine_isolate_new(&w->limits) < 0) {
    uv_close((uv_handle_t *)&stop, NULL);
    uv_run(&loop, UV_RUN_DEFAULT);
    uv_loop_close(&loop);
    goto done;
  }

  rt_on_near_heap_limit(near_heap_limit, w);
  uv_mutex_lock(&w->mu);
  w->isolate = rt_engine_isolate();
  w->stop_async = &stop;
  bool terminated = w->terminate_requested;
  uv_mutex_unlock(&w->mu);

  if (!terminated) {
    rt_scope *s = rt_scope_open();
    rt_val require = rt_env_bootstrap(&env);
    rt_val id = rt_string("internal/main/worker");
    rt_val run = require ? rt_call_toplevel(require, rt_undefined(), 1, &id) : NULL;
    /* internal/worker/io gives ports their prototype on this thread. */
    rt_val io_id = rt_string("internal/worker/io");
    if (run && rt_call_toplevel(require, rt_undefined(), 1, &io_id)) {
      rt_val argv[3] = {rt_msg_deserialize(w->init, NULL), rt_port_wrap(w->child_port),
                        rt_port_wrap(w->child_stdio)};
      w->child_port = NULL;
      w->child_stdio = NULL;
      rt_msg_free(w->init);
      w->init = NULL;
      if (argv[0] && argv[1] && argv[2]) {
        uv_mutex_lock(&w->mu);
        w->online = true;
        uv_mutex_unlock(&w->mu);
        notify_parent(w);
        rt_make_callback(run, rt_undefined(), 3, argv);
      }
    }
    rt_scope_close(s);
    code = rt_env_run_loop();
    uv_mutex_lock(&w->mu);
    terminated = w->terminate_requested;
    uv_mutex_unlock(&w->mu);
    if (terminated && !env.exiting) {
      env.exiting = true;
      env.exit_code = 1;
    }
    if (env.exiting)
      code = env.exit_code;
    else
      code = rt_env_emit_exit(code);
  }

  rt_workers_stop(&loop); /* workers this worker started end with it, as in Node */
  rt_messaging_thread_teardown();
  uv_mutex_lock(&w->mu);
  w->stop_async = NULL;
  w->isolate = NULL;
  uv_mutex_unlock(&w->mu);
  uv_walk(&loop, close_walk_cb, NULL);
  uv_run(&loop, UV_RUN_DEFAULT);
  rt_engine_isolate_dispose();
  uv_loop_close(&loop);
  rt_thread_run_at_exit();

done:
  /* start-up data never read (terminated or failed during start-up): its
   * bytes, backing stores and transferred ports */
  rt_msg_free(w->init);
  w->init = NULL;
  if (w->child_port) rt_port_core_release(w->child_port);
  if (w->child_stdio) rt_port_core_release(w->child_stdio);
  w->child_port = NULL;
  w->child_stdio = NULL;
  uv_mutex_lock(&w->mu);
  w->exited = true;
  w->exit_code = code;
  uv_mutex_unlock(&w->mu);
  notify_parent(w);
}

/* ---- the parent's side ---------------------------------------------------- */

static void call_js(rt_worker *w, const char *name, rt_val arg) {
  if (!w->obj) return;
  rt_val o = rt_ref_get(w->obj);
  rt_val fn = rt_get(o, name);
  if (fn && rt_is_function(fn)) rt_make_callback(fn, o, 1, &arg);
}

static void parent_close_cb(uv_handle_t *h) {
  rt_worker *w = h->data;
  reg_remove(w);
  uv_mutex_destroy(&w->mu);
  free(w);
}

static void parent_cb(uv_async_t *a) {
  rt_worker *w = a->data;
  uv_mutex_lock(&w->mu);
  bool online = w->online;
  w->online = false;
  rt_msg *err = w->error;
  w->error = NULL;
  bool exited = w->exited;
  bool oom = w->oom;
  int code = w->exit_code;
  uv_mutex_unlock(&w->mu);
  rt_scope *s = rt_scope_open();
  if (online) call_js(w, "ononline", rt_undefined());
  if (err) {
    rt_val ex = NULL;
    rt_val v = rt_msg_deserialize(err, &ex);
    rt_msg_free(err);
    call_js(w, "onerror", v ? v : (ex ? ex : rt_undefined()));
  }
  if (exited) {
    if (w->thread_started && !w->joined) {
      uv_thread_join(&w->tid);
      w->joined = true;
    }
    if (oom) call_js(w, "onoom", rt_undefined());
    rt_ref *obj = w->obj;
    call_js(w, "onexit", rt_int(code));
    w->obj = NULL;
    rt_ref_free(obj);
    uv_close((uv_handle_t *)&w->parent_async, parent_close_cb);
  }
  rt_scope_close(s);
}

static rt_worker *worker_of(rt_val v) {
  if (!v || !rt_is_object(v)) return NULL;
  rt_val mark = rt_get_private(v, "worker:handle");
  if (!mark || !rt_is_true(mark)) return NULL;
  return rt_object_get_ptr(v);
}

static size_t mb(rt_val limits, const char *key) {
  if (!limits || !rt_is_object(limits)) return 0;
  rt_val v = rt_get(limits, key);
  if (!v || !rt_is_number(v)) return 0;
  double d = rt_to_number(v);
  return d > 0 && d < 1 << 20 ? (size_t)d : 0;
}

/* createWorker(init, transferList, resourceLimits) -> handle with .threadId
 * and .port (the parent's MessagePort); the thread starts with start(). */
static void create_worker(rt_args *a) {
  rt_msg *init = rt_msg_serialize(rt_arg(a, 0), rt_arg(a, 1));
  if (!init) return;
  rt_messaging_detach_ports(init); /* ports in transferList now belong to the message */
  rt_worker *w = dr_calloc(1, sizeof *w);
  uv_mutex_init(&w->mu);
  w->init = init;
  w->thread_id = atomic_fetch_add(&next_thread_id, 1);
  rt_val lim = rt_arg(a, 2);
  w->limits.max_old_mb = mb(lim, "maxOldGenerationSizeMb");
  w->limits.max_young_mb = mb(lim, "maxYoungGenerationSizeMb");
  w->limits.code_range_mb = mb(lim, "codeRangeSizeMb");
  size_t stack_mb = mb(lim, "stackSizeMb");
  w->stack_bytes = (stack_mb ? stack_mb : 4) << 20;
  rt_env *env = rt_env_current;
  w->argc = env->argc;
  w->argv = env->argv;
  w->exec_path = env->exec_path;
  port_core *mine, *stdio;
  rt_port_pair(&mine, &w->child_port);
  rt_port_pair(&stdio, &w->child_stdio);
  uv_async_init(env->loop, &w->parent_async, parent_cb);
  w->parent_async.data = w;
  w->parent_loop = env->loop;
  reg_add(w);

  rt_val o = rt_object_with_slots();
  rt_object_set_ptr(o, w);
  rt_set_private(o, "worker:handle", rt_bool(true));
  rt_set(o, "threadId", rt_int(w->thread_id));
  rt_val port = rt_port_wrap(mine);
  rt_val stdio_port = port ? rt_port_wrap(stdio) : NULL;
  if (!stdio_port) {
    /* no descriptor for a port (EMFILE is thrown): undo, or parent_async
     * would keep the loop alive forever (a wrapped port closes when its
     * peer goes) */
    if (!port) rt_port_core_release(mine);
    rt_port_core_release(stdio);
    rt_port_core_release(w->child_port);
    rt_port_core_release(w->child_stdio);
    rt_msg_free(w->init);
    uv_close((uv_handle_t *)&w->parent_async, parent_close_cb);
    return;
  }
  rt_set(o, "port", port);
  rt_set(o, "stdioPort", stdio_port);
  w->obj = rt_ref_new(o);
  rt_return(a, o);
}

static void start(rt_args *a) {
  rt_worker *w = worker_of(rt_arg(a, 0));
  if (!w || w->started) return;
  w->started = true;
  uv_thread_options_t opt = {.flags = UV_THREAD_HAS_STACK_SIZE, .stack_size = w->stack_bytes};
  int r = uv_thread_create_ex(&w->tid, &opt, worker_thread, w);
  if (r < 0) {
    uv_mutex_lock(&w->mu);
    w->exited = true;
    w->exit_code = 1;
    uv_mutex_unlock(&w->mu);
    notify_parent(w); /* 'exit' follows, and the handle is released */
    rt_throw_errno(r, "uv_thread_create", NULL, NULL);
    return;
  }
  w->thread_started = true;
}

static void terminate(rt_args *a) {
  rt_worker *w = worker_of(rt_arg(a, 0));
  if (!w) return;
  request_stop(w);
}

static void ref_(rt_args *a) {
  rt_worker *w = worker_of(rt_arg(a, 0));
  if (!w || uv_is_closing((uv_handle_t *)&w->parent_async)) return;
  if (rt_is_true(rt_arg(a, 1)))
    uv_ref((uv_handle_t *)&w->parent_async);
  else
    uv_unref((uv_handle_t *)&w->parent_async);
}

/* ---- the worker's side ---------------------------------------------------- */

/* reportError(err): the worker's uncaught exception, for the parent's
 * 'error' event.  Values that cannot be cloned are sent as their string. */
static void report_error(rt_args *a) {
  rt_worker *w = self_worker;
  if (!w) return;
  rt_val err = rt_arg(a, 0);
  rt_msg *m = rt_msg_serialize(err, NULL);
  if (!m) {
    rt_val fallback = rt_arg(a, 1);
    m = rt_msg_serialize(fallback, NULL);
    if (!m) return;
  }
  uv_mutex_lock(&w->mu);
  if (w->error) rt_msg_free(w->error);
  w->error = m;
  uv_mutex_unlock(&w->mu);
  notify_parent(w);
}

static void exit_(rt_args *a) { rt_worker_exit(rt_to_int32(rt_arg(a, 0))); }

void rt_binding_init_worker(rt_val e) {
  rt_messaging_init();
  rt_set(e, "isMainThread", rt_bool(self_worker == NULL));
  rt_set(e, "threadId", rt_int(self_thread_id));
  rt_set(e, "execPath", rt_string(rt_env_current->exec_path ? rt_env_current->exec_path : ""));
  rt_set_method(e, "createWorker", create_worker);
  rt_set_method(e, "start", start);
  rt_set_method(e, "terminate", terminate);
  rt_set_method(e, "ref", ref_);
  rt_set_method(e, "reportError", report_error);
  rt_set_method(e, "exit", exit_);
}
