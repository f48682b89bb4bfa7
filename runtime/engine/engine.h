/* engine.h — the C API of devrun-js's engine layer: the wall between V8 and
 * the rest of the runtime.
 *
 * Everything above this header (bindings, the event loop, main) is C; only
 * the engine .cc files see V8's C++ API.  The layer is deliberately small:
 *
 *   - one engine per process (rt_engine_*): platform, isolate, main context;
 *   - values are opaque handles (rt_val) valid inside the current handle scope
 *     (rt_scope_open/rt_scope_close); a callback from JavaScript always runs
 *     inside a scope, code called from libuv opens its own;
 *   - rt_ref is a persistent handle that survives scopes (rt_ref_new/free);
 *   - native functions have the signature rt_native_fn and read their
 *     arguments through rt_args;
 *   - a call that throws returns NULL.  Inside a native callback the
 *     exception stays pending and propagates to the JavaScript caller when the
 *     callback returns; at the top level (rt_call_toplevel) it is handed to the
 *     uncaught-exception handler that main installed;
 *   - modules (ES) are opaque rt_module handles owned by the engine.
 *
 * To expose something new from V8, add the smallest C function here, implement
 * it in engine.cc, and keep V8 types out of this header.
 */
#ifndef DEVRUN_RT_ENGINE_H
#define DEVRUN_RT_ENGINE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rt_val_s *rt_val;        /* a v8::Local<v8::Value>, scope-bound */
typedef struct rt_ref_s rt_ref;         /* a v8::Global<v8::Value>, heap-allocated */
typedef struct rt_args_s rt_args;       /* FunctionCallbackInfo */
typedef struct rt_scope_s rt_scope;     /* HandleScope */
typedef struct rt_module_s rt_module;   /* an ES module record */

typedef void (*rt_native_fn)(rt_args *args);

/* ---- lifecycle --------------------------------------------------------- */

/* Passes flags through to V8 (argv style; V8 removes what it understood when
 * remove is true).  Call before rt_engine_init. */
void rt_engine_set_flags(int *argc, char **argv, bool remove);
void rt_engine_set_flags_string(const char *flags);
/* Creates the platform, the isolate and the main context, and enters them. */
int rt_engine_init(void);
void rt_engine_dispose(void);

/* Threads (worker_threads): the platform is created once per process
 * (rt_engine_process_init, done by rt_engine_init); every thread that runs
 * JavaScript creates its own isolate and context with rt_engine_isolate_new,
 * which become the calling thread's current ones for every other rt_*
 * function, and disposes them with rt_engine_isolate_dispose. */
typedef struct {
  size_t max_old_mb, max_young_mb, code_range_mb; /* 0: V8's default */
  void *stack_limit;                              /* lowest usable stack address, or NULL */
} rt_isolate_limits;
int rt_engine_process_init(void);
int rt_engine_isolate_new(const rt_isolate_limits *limits);
void rt_engine_isolate_dispose(void);
/* The calling thread's isolate (opaque), to hand to rt_engine_terminate. */
void *rt_engine_isolate(void);
/* Stops the JavaScript running in isolate (any thread may call it). */
void rt_engine_terminate(void *isolate);
bool rt_engine_is_terminating(void);
/* Prints V8's options (--v8-options). */
void rt_engine_print_v8_options(void);
const char *rt_engine_v8_version(void);

/* Handler for exceptions thrown at the top level (set by main). */
typedef void (*rt_uncaught_fn)(rt_val exception, rt_val message_info);
void rt_engine_on_uncaught(rt_uncaught_fn fn);
/* Handler for promise rejections without a handler (and handlers added later).
 * event: 0 = rejected with no handler, 1 = handler added after rejection. */
typedef void (*rt_reject_fn)(int event, rt_val promise, rt_val reason);
void rt_engine_on_promise_reject(rt_reject_fn fn);

/* ---- scopes and persistent handles ----------------------------------- */

rt_scope *rt_scope_open(void);
void rt_scope_close(rt_scope *s);
rt_ref *rt_ref_new(rt_val v);
rt_val rt_ref_get(const rt_ref *r);
void rt_ref_free(rt_ref *r);
/* Makes the reference weak: when only it keeps v alive, cb(data) runs and the
 * reference is freed by the engine. */
void rt_ref_set_weak(rt_ref *r, void (*cb)(void *data), void *data);

/* ---- values ------------------------------------------------------------ */

rt_val rt_undefined(void);
rt_val rt_null(void);
rt_val rt_bool(bool b);
rt_val rt_number(double d);
rt_val rt_int(int64_t i); /* a Number (exact up to 2^53) */
rt_val rt_bigint(int64_t i);
rt_val rt_biguint(uint64_t i);
rt_val rt_string(const char *utf8);
rt_val rt_string_n(const char *utf8, size_t len);
rt_val rt_string_latin1(const uint8_t *s, size_t len);
rt_val rt_string_utf16(const uint16_t *s, size_t len);
rt_val rt_global(void);

bool rt_is_undefined(rt_val v);
bool rt_is_null(rt_val v);
bool rt_is_nullish(rt_val v);
bool rt_is_true(rt_val v);
bool rt_is_bool(rt_val v);
bool rt_is_number(rt_val v);
bool rt_is_int32(rt_val v);
bool rt_is_string(rt_val v);
bool rt_is_symbol(rt_val v);
bool rt_is_bigint(rt_val v);
bool rt_is_object(rt_val v);
bool rt_is_function(rt_val v);
bool rt_is_array(rt_val v);
bool rt_is_promise(rt_val v);
bool rt_is_array_buffer(rt_val v);
bool rt_is_array_buffer_view(rt_val v);
bool rt_is_uint8array(rt_val v);
bool rt_is_native_error(rt_val v);
bool rt_strict_equals(rt_val a, rt_val b);

double rt_to_number(rt_val v);  /* NaN when not convertible */
int64_t rt_to_int64(rt_val v);
int32_t rt_to_int32(rt_val v);
bool rt_to_bool(rt_val v);
int64_t rt_bigint_to_int64(rt_val v, bool *lossless);
/* UTF-8 of v (ToString) in a malloc'd NUL-terminated buffer; caller frees.
 * Returns NULL if ToString threw. */
char *rt_to_utf8(rt_val v, size_t *len);
/* UTF-8 length and write into dst (no NUL); returns bytes written. */
size_t rt_string_utf8_length(rt_val s);
size_t rt_string_write_utf8(rt_val s, char *dst, size_t cap);
size_t rt_string_length(rt_val s); /* UTF-16 code units */
bool rt_string_is_one_byte(rt_val s);
size_t rt_string_write_latin1(rt_val s, uint8_t *dst, size_t start, size_t len);
size_t rt_string_write_utf16(rt_val s, uint16_t *dst, size_t start, size_t len);
/* typeof as a static string. */
const char *rt_typeof(rt_val v);

/* ---- objects and arrays ----------------------------------------------- */

rt_val rt_object(void);
rt_val rt_object_null_proto(void);
rt_val rt_array(size_t len);
uint32_t rt_array_length(rt_val arr);
rt_val rt_get(rt_val obj, const char *key);        /* NULL if it threw */
rt_val rt_get_v(rt_val obj, rt_val key);
rt_val rt_get_i(rt_val obj, uint32_t i);
bool rt_set(rt_val obj, const char *key, rt_val v); /* false if it threw */
bool rt_set_v(rt_val obj, rt_val key, rt_val v);
bool rt_set_i(rt_val obj, uint32_t i, rt_val v);
bool rt_has(rt_val obj, const char *key);
bool rt_delete(rt_val obj, const char *key);
/* Own enumerable string keys, as an array (Object.keys). */
rt_val rt_keys(rt_val obj);
rt_val rt_get_prototype(rt_val obj);
bool rt_set_prototype(rt_val obj, rt_val proto);
/* Defines a non-enumerable data property. */
bool rt_define_hidden(rt_val obj, const char *key, rt_val v);
/* Sets obj[key] = a new native function named key. */
void rt_set_method(rt_val obj, const char *key, rt_native_fn fn);
/* Internal pointer slots on objects made by rt_object_with_slots. */
rt_val rt_object_with_slots(void);
/* An object with a pointer slot (rt_object_set_ptr/get_ptr) and a type tag
 * (the address of a static of the caller's, aligned to at least 2 bytes as
 * V8 requires) that rt_object_has_tag checks
 * without a property lookup. */
rt_val rt_object_with_tag(const void *tag);
bool rt_object_has_tag(rt_val obj, const void *tag);
void rt_object_set_ptr(rt_val obj, void *p);
void *rt_object_get_ptr(rt_val obj);
/* A private symbol-keyed hidden value (not visible to JS). */
bool rt_set_private(rt_val obj, const char *key, rt_val v);
rt_val rt_get_private(rt_val obj, const char *key);

/* ---- functions and calls ---------------------------------------------- */

rt_val rt_function(rt_native_fn fn, const char *name, void *data);
/* Calls fn(recv, argv...).  Returns NULL if it threw (the exception is pending
 * for the JavaScript caller when inside a native callback). */
rt_val rt_call(rt_val fn, rt_val recv, int argc, rt_val *argv);
/* The same, from outside JavaScript (a libuv callback): opens no scope itself,
 * runs under a TryCatch and reports an exception to the uncaught handler. */
rt_val rt_call_toplevel(rt_val fn, rt_val recv, int argc, rt_val *argv);
rt_val rt_new(rt_val ctor, int argc, rt_val *argv);

int rt_argc(rt_args *a);
rt_val rt_arg(rt_args *a, int i); /* undefined past the end */
rt_val rt_this(rt_args *a);
rt_val rt_new_target(rt_args *a);
void *rt_data(rt_args *a);
void rt_return(rt_args *a, rt_val v);
void rt_return_int(rt_args *a, int64_t i);
void rt_return_number(rt_args *a, double d);
void rt_return_bool(rt_args *a, bool b);
void rt_return_string(rt_args *a, const char *utf8);

/* Class-like constructor: a native function usable with `new`, whose instances
 * have `slots` internal pointer fields.  Add prototype methods with
 * rt_class_method; rt_class_function returns the constructor. */
typedef struct rt_class_s rt_class;
rt_class *rt_class_new(const char *name, rt_native_fn ctor, int slots);
void rt_class_method(rt_class *c, const char *name, rt_native_fn fn);
rt_val rt_class_function(rt_class *c);

/* ---- exceptions ------------------------------------------------------- */

/* Each throws and returns NULL, so `return rt_throw_type_error(...)` reads well
 * in helpers that return rt_val. */
rt_val rt_throw(rt_val exception);
rt_val rt_throw_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
rt_val rt_throw_type_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
rt_val rt_throw_range_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
rt_val rt_error(const char *msg);
rt_val rt_type_error(const char *msg);
rt_val rt_range_error(const char *msg);
rt_val rt_syntax_error(const char *msg);

/* Message info of a thrown value: a JS object {sourceLine, resourceName,
 * lineNumber, startColumn, endColumn} or undefined. */
rt_val rt_exception_message_info(rt_val exception);

/* ---- scripts ---------------------------------------------------------- */

/* Compiles and runs a classic script; NULL if it threw (pending). */
rt_val rt_run_script(rt_val source, rt_val name);
/* Compiles `source` as the body of a function with the given parameters
 * (the CommonJS wrapper).  NULL if compilation threw. */
rt_val rt_compile_function(rt_val source, rt_val name, int nparams, const char *const *params,
                           const void *cache, size_t cache_len, bool *cache_rejected);
/* Code cache for a function made by rt_compile_function; malloc'd, caller frees. */
void *rt_function_code_cache(rt_val fn, size_t *len);

/* ---- promises and microtasks ------------------------------------------ */

rt_val rt_promise_new(rt_val *resolver_out);
void rt_resolver_resolve(rt_val resolver, rt_val v);
void rt_resolver_reject(rt_val resolver, rt_val v);
rt_val rt_resolver_promise(rt_val resolver);
int rt_promise_state(rt_val p); /* 0 pending, 1 fulfilled, 2 rejected */
rt_val rt_promise_result(rt_val p);
void rt_promise_mark_handled(rt_val p);
void rt_run_microtasks(void);
void rt_enqueue_microtask(rt_val fn);

/* ---- array buffers ---------------------------------------------------- */

/* A new ArrayBuffer that owns a copy of / zero-filled memory of len bytes. */
rt_val rt_array_buffer(size_t len, bool zero);
/* An ArrayBuffer that takes ownership of malloc'd data (freed by the engine). */
rt_val rt_array_buffer_take(void *data, size_t len);
void *rt_array_buffer_data(rt_val ab, size_t *len);
rt_val rt_uint8array(rt_val ab, size_t offset, size_t len);
/* Detaches an ArrayBuffer (its contents move elsewhere: transfer). */
bool rt_array_buffer_detach(rt_val ab);
/* Data pointer/length of any ArrayBufferView (or ArrayBuffer). */
void *rt_view_data(rt_val view, size_t *len);

/* ---- ES modules ------------------------------------------------------- */

/* Compiles source text as a module.  NULL if it threw (SyntaxError pending). */
rt_module *rt_module_compile(rt_val source, rt_val url);
/* A synthetic module with the given export names (JS array of strings);
 * evaluating it calls eval(data) which sets exports with rt_module_set_export. */
typedef void (*rt_synthetic_eval_fn)(rt_module *m, void *data);
rt_module *rt_module_synthetic(rt_val url, rt_val export_names, rt_synthetic_eval_fn eval,
                               void *data);
bool rt_module_set_export(rt_module *m, rt_val name, rt_val value);
/* Requested specifiers: a JS array of {specifier, assert} objects. */
rt_val rt_module_requests(rt_module *m);
/* Links request i of m to dep (must be done for every request first). */
void rt_module_link(rt_module *m, int i, rt_module *dep);
bool rt_module_instantiate(rt_module *m); /* false: exception pending */
rt_val rt_module_evaluate(rt_module *m);  /* a promise, or NULL */
rt_val rt_module_namespace(rt_module *m);
/* True if evaluating m's graph needs top-level await (after instantiate). */
bool rt_module_is_graph_async(rt_module *m);
int rt_module_status(rt_module *m); /* v8::Module::Status */
rt_val rt_module_exception(rt_module *m);
rt_val rt_module_url(rt_module *m);
/* A JS object wrapping the module (for the loader); rt_module_from_wrap goes
 * back. */
rt_val rt_module_wrap(rt_module *m);
rt_module *rt_module_from_wrap(rt_val v);

/* Dynamic import(): called with the referrer's resource name and specifier,
 * must return a promise. */
typedef rt_val (*rt_dynamic_import_fn)(rt_val referrer, rt_val specifier, rt_val assertions);
void rt_engine_on_dynamic_import(rt_dynamic_import_fn fn);
/* import.meta: called once per module to fill meta. */
typedef void (*rt_import_meta_fn)(rt_module *m, rt_val meta);
void rt_engine_on_import_meta(rt_import_meta_fn fn);


/* ---- reflection (util.inspect, util.types) ------------------------------ */

/* Every v8::Value::IsXxx predicate that util.types exposes. */
#define RT_VALUE_KINDS(XX)                                                              \
  XX(External) XX(Date) XX(ArgumentsObject) XX(BigIntObject) XX(BooleanObject)           \
  XX(NumberObject) XX(StringObject) XX(SymbolObject) XX(NativeError) XX(RegExp)          \
  XX(AsyncFunction) XX(GeneratorFunction) XX(GeneratorObject) XX(Promise) XX(Map)        \
  XX(Set) XX(MapIterator) XX(SetIterator) XX(WeakMap) XX(WeakSet) XX(ArrayBuffer)        \
  XX(DataView) XX(SharedArrayBuffer) XX(Proxy) XX(ModuleNamespaceObject)                 \
  XX(ArrayBufferView) XX(TypedArray) XX(Uint8Array) XX(Uint8ClampedArray)                \
  XX(Uint16Array) XX(Uint32Array) XX(Int8Array) XX(Int16Array) XX(Int32Array)           \
  XX(Float32Array) XX(Float64Array) XX(BigInt64Array) XX(BigUint64Array)

typedef enum {
#define XX(k) RT_KIND_##k,
  RT_VALUE_KINDS(XX)
#undef XX
  RT_KIND__COUNT
} rt_kind;

bool rt_is_kind(rt_val v, rt_kind k);
/* Proxy target and handler (NULL when not a proxy). */
rt_val rt_proxy_target(rt_val v);
rt_val rt_proxy_handler(rt_val v);
/* Entries of a Map/Set/WeakMap/WeakSet or of their iterators (flat array);
 * *is_key_value says whether they come in key, value pairs. */
rt_val rt_preview_entries(rt_val obj, bool *is_key_value);
/* Own keys that are not array indices; only_enumerable filters. */
rt_val rt_own_non_index_properties(rt_val obj, bool only_enumerable);
rt_val rt_constructor_name(rt_val obj);
/* Structured clone of v (V8's ValueSerializer); NULL with a DataCloneError
 * pending if v cannot be cloned. */
rt_val rt_structured_clone(rt_val v);
/* Serializes to a malloc'd buffer (caller frees) / deserializes. */
void *rt_serialize(rt_val v, size_t *len);
rt_val rt_deserialize(const void *data, size_t len);
/* Runs code as a script in a fresh context (vm.runInNewContext minimal). */
rt_val rt_run_in_new_context(rt_val source, rt_val name, rt_val sandbox);

/* ---- heap and GC -------------------------------------------------------- */

typedef struct rt_heap_stats_s {
  size_t total_heap_size, total_heap_size_executable, total_physical_size,
      total_available_size, used_heap_size, heap_size_limit, malloced_memory,
      peak_malloced_memory, external_memory, number_of_native_contexts,
      number_of_detached_contexts;
} rt_heap_stats;
void rt_heap_statistics(rt_heap_stats *st);
typedef struct rt_space_stats_s {
  const char *name;
  size_t size, used, available, physical;
} rt_space_stats;
/* Fills up to max spaces; returns the count. */
int rt_heap_space_statistics(rt_space_stats *out, int max);
/* GC hooks: type is a bitmask of V8's GCType, flags V8's GCCallbackFlags. */
typedef void (*rt_gc_fn)(int type, int flags, void *data);
void rt_gc_add_hooks(rt_gc_fn prologue, rt_gc_fn epilogue, void *data);
void rt_gc_request_full(void);
void rt_adjust_external_memory(int64_t delta);
/* Writes a heap snapshot to path; returns 0 or a negative errno. */
int rt_heap_snapshot_write(const char *path);
/* Asks V8 to call fn on the main thread's JS thread as soon as possible
 * (thread-safe; any thread may call it). */
void rt_request_interrupt(void (*fn)(void *), void *data);
/* Raises near-heap-limit callback: fn(data) returns a new limit (0 keeps). */
void rt_on_near_heap_limit(size_t (*fn)(void *data, size_t current, size_t initial), void *data);
void rt_terminate_execution(void);

#ifdef __cplusplus
}
#endif
#endif
