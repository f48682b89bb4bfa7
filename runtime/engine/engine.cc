// engine.cc — the engine layer: devrun-js's only contact with V8's C++ API.
//
// Implements runtime/engine/engine.h.  One platform, one isolate and one main
// context per process, entered for the life of the process.  rt_val is a
// v8::Local<v8::Value> reinterpreted as a pointer (a Local is one pointer to
// a handle slot), so conversions cost nothing.  Modules live in engine_module.cc;
// the heap/GC part in engine_heap.cc.  Keep this file free of runtime logic:
// it only translates between the C API and V8.
#include "engine_internal.hh"

#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>

#include <libplatform/libplatform.h>

#include "engine_tracing.h"

using namespace v8;

namespace rt {
// Per thread: the main thread and each worker have their own isolate.
thread_local Isolate *iso;
thread_local TlsGlobal<Context> ctx;
// Per process: one platform and one array-buffer allocator (backing stores
// move between isolates when workers transfer ArrayBuffers).
static std::unique_ptr<Platform> g_platform;
static ArrayBuffer::Allocator *allocator;
// The main thread's isolate, for callers on other threads (the inspector's
// I/O thread interrupts the main thread's JavaScript).
static Isolate *main_iso;
static thread_local TlsGlobal<ObjectTemplate> slot_template;
static thread_local TlsGlobal<ObjectTemplate> tagged_template;  // 2 fields: pointer, tag
static thread_local std::unordered_map<std::string, Global<Private>> *privates;
rt_uncaught_fn uncaught_fn;
rt_reject_fn reject_fn;
static thread_local Isolate::Scope *iso_scope;
struct ScopeBox {
  HandleScope hs;
  explicit ScopeBox(Isolate *i) : hs(i) {}
};
static thread_local ScopeBox *root_scope;
static thread_local Context::Scope *ctx_scope;
}  // namespace rt

using namespace rt;

static inline Local<Context> C() { return iso->GetCurrentContext(); }

static Local<String> S(const char *s) {
  return String::NewFromUtf8(iso, s).ToLocalChecked();
}

// ---- lifecycle -------------------------------------------------------------

void rt_engine_set_flags(int *argc, char **argv, bool remove) {
  V8::SetFlagsFromCommandLine(argc, argv, remove);
}

void rt_engine_set_flags_string(const char *flags) { V8::SetFlagsFromString(flags); }

static void on_reject(PromiseRejectMessage msg) {
  if (!reject_fn) return;
  int ev;
  switch (msg.GetEvent()) {
    case kPromiseRejectWithNoHandler: ev = 0; break;
    case kPromiseHandlerAddedAfterReject: ev = 1; break;
    default: return;  // resolve/reject after resolved: ignored, as Node
  }
  Local<Value> reason = msg.GetValue();
  if (reason.IsEmpty()) reason = Undefined(iso);
  reject_fn(ev, W(msg.GetPromise()), W(reason));
}

int rt_engine_process_init(void) {
  V8::InitializeICU();
  // The tracing controller is engine_tracing.cc's (idle unless trace events
  // are enabled, as the platform's own default one).
  g_platform = platform::NewDefaultPlatform(2, platform::IdleTaskSupport::kDisabled,
                                            platform::InProcessStackDumping::kDisabled,
                                            std::unique_ptr<TracingController>(rt__tracing_controller()));
  V8::InitializePlatform(g_platform.get());
  V8::Initialize();
  allocator = ArrayBuffer::Allocator::NewDefaultAllocator();
  return 0;
}

int rt_engine_isolate_new(const rt_isolate_limits *lim) {
  Isolate::CreateParams params;
  params.array_buffer_allocator = allocator;
  if (lim) {
    if (lim->max_old_mb > 0 || lim->max_young_mb > 0) {
      params.constraints.ConfigureDefaultsFromHeapSize(0, 0);
      if (lim->max_old_mb > 0) params.constraints.set_max_old_generation_size_in_bytes(lim->max_old_mb << 20);
      if (lim->max_young_mb > 0)
        params.constraints.set_max_young_generation_size_in_bytes(lim->max_young_mb << 20);
    }
    if (lim->code_range_mb > 0) params.constraints.set_code_range_size_in_bytes(lim->code_range_mb << 20);
    if (lim->stack_limit) params.constraints.set_stack_limit(reinterpret_cast<uint32_t *>(lim->stack_limit));
  }
  iso = Isolate::New(params);
  if (!iso) return -1;
  if (!main_iso) main_iso = iso;
  iso->SetMicrotasksPolicy(MicrotasksPolicy::kExplicit);
  iso->SetPromiseRejectCallback(on_reject);
  iso->SetCaptureStackTraceForUncaughtExceptions(true, 10);
  privates = new std::unordered_map<std::string, Global<Private>>();
  rt__module_setup();
  iso_scope = new Isolate::Scope(iso);
  root_scope = new ScopeBox(iso);
  Local<Context> c = Context::New(iso);
  ctx.Reset(iso, c);
  ctx_scope = new Context::Scope(c);
  Local<ObjectTemplate> t = ObjectTemplate::New(iso);
  t->SetInternalFieldCount(1);
  slot_template.Reset(iso, t);
  Local<ObjectTemplate> tt = ObjectTemplate::New(iso);
  tt->SetInternalFieldCount(2);
  tagged_template.Reset(iso, tt);
  return 0;
}

int rt_engine_init(void) {
  if (rt_engine_process_init() < 0) return -1;
  return rt_engine_isolate_new(nullptr);
}

void rt_engine_isolate_dispose(void) {
  rt__vm_teardown();
  delete ctx_scope;
  ctx_scope = nullptr;
  ctx.Reset();
  slot_template.Reset();
  tagged_template.Reset();
  delete privates;
  privates = nullptr;
  rt__module_teardown();
  delete root_scope;
  root_scope = nullptr;
  delete iso_scope;
  iso_scope = nullptr;
  iso->Dispose();
  iso = nullptr;
}

void rt_engine_dispose(void) {
  rt_engine_isolate_dispose();
  V8::Dispose();
  V8::DisposePlatform();
  delete allocator;
}

void *rt_engine_isolate(void) { return iso; }

void rt_engine_terminate(void *isolate) {
  if (isolate) static_cast<Isolate *>(isolate)->TerminateExecution();
}

bool rt_engine_is_terminating(void) { return iso->IsExecutionTerminating(); }

void rt_engine_print_v8_options(void) {
  int argc = 2;
  char a0[] = "devrun-js", a1[] = "--help";
  char *argv[] = {a0, a1, nullptr};
  V8::SetFlagsFromCommandLine(&argc, argv, true);
}

const char *rt_engine_v8_version(void) { return V8::GetVersion(); }

void rt_engine_on_uncaught(rt_uncaught_fn fn) { uncaught_fn = fn; }
void rt_engine_on_promise_reject(rt_reject_fn fn) { reject_fn = fn; }

void rt_pump_platform(void) {
  while (platform::PumpMessageLoop(g_platform.get(), iso)) {
  }
}

// ---- scopes and references --------------------------------------------------

rt_scope *rt_scope_open(void) { return reinterpret_cast<rt_scope *>(new ScopeBox(iso)); }
void rt_scope_close(rt_scope *s) { delete reinterpret_cast<ScopeBox *>(s); }

struct rt_ref_s {
  Global<Value> g;
  void (*cb)(void *);
  void *data;
};

rt_ref *rt_ref_new(rt_val v) {
  rt_ref *r = new rt_ref_s();
  r->g.Reset(iso, L(v));
  return r;
}
rt_val rt_ref_get(const rt_ref *r) { return W(Local<Value>::New(iso, r->g)); }
void rt_ref_free(rt_ref *r) {
  if (!r) return;
  r->g.Reset();
  delete r;
}

static void weak_cb(const WeakCallbackInfo<rt_ref_s> &info) {
  rt_ref *r = info.GetParameter();
  r->g.Reset();
  void (*cb)(void *) = r->cb;
  void *data = r->data;
  delete r;
  if (cb) cb(data);
}

void rt_ref_set_weak(rt_ref *r, void (*cb)(void *), void *data) {
  r->cb = cb;
  r->data = data;
  r->g.SetWeak(r, weak_cb, WeakCallbackType::kParameter);
}

// ---- values -----------------------------------------------------------------

rt_val rt_undefined(void) { return W(Undefined(iso)); }
rt_val rt_null(void) { return W(Null(iso)); }
rt_val rt_bool(bool b) { return W(Boolean::New(iso, b)); }
rt_val rt_number(double d) { return W(Number::New(iso, d)); }
rt_val rt_int(int64_t i) {
  if (i >= INT32_MIN && i <= INT32_MAX) return W(Integer::New(iso, (int32_t)i));
  return W(Number::New(iso, (double)i));
}
rt_val rt_bigint(int64_t i) { return W(BigInt::New(iso, i)); }
rt_val rt_biguint(uint64_t i) { return W(BigInt::NewFromUnsigned(iso, i)); }
rt_val rt_string(const char *s) {
  Local<String> r;
  if (!String::NewFromUtf8(iso, s).ToLocal(&r)) return nullptr;
  return W(r);
}
rt_val rt_string_n(const char *s, size_t n) {
  Local<String> r;
  if (n > (size_t)String::kMaxLength) {
    rt_throw_error("Cannot create a string longer than 0x%x characters", String::kMaxLength);
    return nullptr;
  }
  if (!String::NewFromUtf8(iso, s, NewStringType::kNormal, (int)n).ToLocal(&r)) return nullptr;
  return W(r);
}
rt_val rt_string_latin1(const uint8_t *s, size_t n) {
  Local<String> r;
  if (!String::NewFromOneByte(iso, s, NewStringType::kNormal, (int)n).ToLocal(&r)) return nullptr;
  return W(r);
}
rt_val rt_string_utf16(const uint16_t *s, size_t n) {
  Local<String> r;
  if (!String::NewFromTwoByte(iso, s, NewStringType::kNormal, (int)n).ToLocal(&r)) return nullptr;
  return W(r);
}
rt_val rt_global(void) { return W(C()->Global()); }

bool rt_is_undefined(rt_val v) { return L(v)->IsUndefined(); }
bool rt_is_null(rt_val v) { return L(v)->IsNull(); }
bool rt_is_nullish(rt_val v) { return L(v)->IsNullOrUndefined(); }
bool rt_is_true(rt_val v) { return L(v)->IsTrue(); }
bool rt_is_bool(rt_val v) { return L(v)->IsBoolean(); }
bool rt_is_number(rt_val v) { return L(v)->IsNumber(); }
bool rt_is_int32(rt_val v) { return L(v)->IsInt32(); }
bool rt_is_string(rt_val v) { return L(v)->IsString(); }
bool rt_is_symbol(rt_val v) { return L(v)->IsSymbol(); }
bool rt_is_bigint(rt_val v) { return L(v)->IsBigInt(); }
bool rt_is_object(rt_val v) { return L(v)->IsObject(); }
bool rt_is_function(rt_val v) { return L(v)->IsFunction(); }
bool rt_is_array(rt_val v) { return L(v)->IsArray(); }
bool rt_is_promise(rt_val v) { return L(v)->IsPromise(); }
bool rt_is_array_buffer(rt_val v) { return L(v)->IsArrayBuffer(); }
bool rt_is_array_buffer_view(rt_val v) { return L(v)->IsArrayBufferView(); }
bool rt_is_uint8array(rt_val v) { return L(v)->IsUint8Array(); }
bool rt_is_native_error(rt_val v) { return L(v)->IsNativeError(); }
bool rt_strict_equals(rt_val a, rt_val b) { return L(a)->StrictEquals(L(b)); }

double rt_to_number(rt_val v) { return L(v)->NumberValue(C()).FromMaybe(NAN); }
int64_t rt_to_int64(rt_val v) { return L(v)->IntegerValue(C()).FromMaybe(0); }
int32_t rt_to_int32(rt_val v) { return L(v)->Int32Value(C()).FromMaybe(0); }
bool rt_to_bool(rt_val v) { return L(v)->BooleanValue(iso); }
int64_t rt_bigint_to_int64(rt_val v, bool *lossless) {
  return L(v).As<BigInt>()->Int64Value(lossless);
}

char *rt_to_utf8(rt_val v, size_t *len) {
  Local<String> s;
  if (!L(v)->ToString(C()).ToLocal(&s)) return nullptr;
  size_t n = (size_t)s->Utf8Length(iso);
  char *buf = (char *)malloc(n + 1);
  if (!buf) abort();
  s->WriteUtf8(iso, buf, (int)n, nullptr, String::NO_NULL_TERMINATION | String::REPLACE_INVALID_UTF8);
  buf[n] = 0;
  if (len) *len = n;
  return buf;
}

size_t rt_string_utf8_length(rt_val s) { return (size_t)L(s).As<String>()->Utf8Length(iso); }
size_t rt_string_write_utf8(rt_val s, char *dst, size_t cap) {
  int nchars = 0;
  return (size_t)L(s).As<String>()->WriteUtf8(
      iso, dst, (int)(cap > INT32_MAX ? INT32_MAX : cap), &nchars,
      String::NO_NULL_TERMINATION | String::REPLACE_INVALID_UTF8);
}
size_t rt_string_length(rt_val s) { return (size_t)L(s).As<String>()->Length(); }
bool rt_string_is_one_byte(rt_val s) { return L(s).As<String>()->IsOneByte(); }
size_t rt_string_write_latin1(rt_val s, uint8_t *dst, size_t start, size_t len) {
  return (size_t)L(s).As<String>()->WriteOneByte(iso, dst, (int)start, (int)len,
                                                 String::NO_NULL_TERMINATION);
}
size_t rt_string_write_utf16(rt_val s, uint16_t *dst, size_t start, size_t len) {
  return (size_t)L(s).As<String>()->Write(iso, dst, (int)start, (int)len,
                                          String::NO_NULL_TERMINATION);
}

const char *rt_typeof(rt_val v) {
  Local<Value> x = L(v);
  if (x->IsUndefined()) return "undefined";
  if (x->IsNull()) return "object";
  if (x->IsBoolean()) return "boolean";
  if (x->IsNumber()) return "number";
  if (x->IsString()) return "string";
  if (x->IsSymbol()) return "symbol";
  if (x->IsBigInt()) return "bigint";
  if (x->IsFunction()) return "function";
  return "object";
}

// ---- objects ----------------------------------------------------------------

rt_val rt_object(void) { return W(Object::New(iso)); }
rt_val rt_object_null_proto(void) {
  Local<Object> o = Object::New(iso);
  (void)o->SetPrototype(C(), Null(iso));
  return W(o);
}
rt_val rt_array(size_t len) { return W(Array::New(iso, (int)len)); }
uint32_t rt_array_length(rt_val a) { return L(a).As<Array>()->Length(); }

rt_val rt_get(rt_val obj, const char *key) {
  Local<Value> r;
  if (!L(obj).As<Object>()->Get(C(), S(key)).ToLocal(&r)) return nullptr;
  return W(r);
}
rt_val rt_get_v(rt_val obj, rt_val key) {
  Local<Value> r;
  if (!L(obj).As<Object>()->Get(C(), L(key)).ToLocal(&r)) return nullptr;
  return W(r);
}
rt_val rt_get_i(rt_val obj, uint32_t i) {
  Local<Value> r;
  if (!L(obj).As<Object>()->Get(C(), i).ToLocal(&r)) return nullptr;
  return W(r);
}
bool rt_set(rt_val obj, const char *key, rt_val v) {
  return L(obj).As<Object>()->Set(C(), S(key), L(v)).FromMaybe(false);
}
bool rt_set_v(rt_val obj, rt_val key, rt_val v) {
  return L(obj).As<Object>()->Set(C(), L(key), L(v)).FromMaybe(false);
}
bool rt_set_i(rt_val obj, uint32_t i, rt_val v) {
  return L(obj).As<Object>()->Set(C(), i, L(v)).FromMaybe(false);
}
bool rt_has(rt_val obj, const char *key) {
  return L(obj).As<Object>()->Has(C(), S(key)).FromMaybe(false);
}
bool rt_delete(rt_val obj, const char *key) {
  return L(obj).As<Object>()->Delete(C(), S(key)).FromMaybe(false);
}
rt_val rt_keys(rt_val obj) {
  Local<Array> r;
  if (!L(obj).As<Object>()->GetOwnPropertyNames(C()).ToLocal(&r)) return nullptr;
  return W(r);
}
rt_val rt_get_prototype(rt_val obj) { return W(L(obj).As<Object>()->GetPrototype()); }
bool rt_set_prototype(rt_val obj, rt_val proto) {
  return L(obj).As<Object>()->SetPrototype(C(), L(proto)).FromMaybe(false);
}
bool rt_define_hidden(rt_val obj, const char *key, rt_val v) {
  return L(obj)
      .As<Object>()
      ->DefineOwnProperty(C(), S(key), L(v), DontEnum)
      .FromMaybe(false);
}

static void trampoline(const FunctionCallbackInfo<Value> &info);

struct fn_pack {
  rt_native_fn fn;
  void *data;
};

static Local<Value> pack_data(rt_native_fn fn, void *data) {
  fn_pack *p = new fn_pack{fn, data};  // lives as long as the function: never freed
  return External::New(iso, p);
}

static void trampoline(const FunctionCallbackInfo<Value> &info) {
  fn_pack *p = static_cast<fn_pack *>(info.Data().As<External>()->Value());
  p->fn(reinterpret_cast<rt_args *>(const_cast<FunctionCallbackInfo<Value> *>(&info)));
}

rt_val rt_function(rt_native_fn fn, const char *name, void *data) {
  Local<Function> f;
  if (!Function::New(C(), trampoline, pack_data(fn, data), 0, ConstructorBehavior::kAllow)
           .ToLocal(&f))
    return nullptr;
  if (name) f->SetName(S(name));
  return W(f);
}

void rt_set_method(rt_val obj, const char *key, rt_native_fn fn) {
  Local<FunctionTemplate> t = FunctionTemplate::New(iso, trampoline, pack_data(fn, nullptr),
                                                    Local<Signature>(), 0,
                                                    ConstructorBehavior::kThrow);
  Local<Function> f = t->GetFunction(C()).ToLocalChecked();
  f->SetName(S(key));
  (void)L(obj).As<Object>()->Set(C(), S(key), f);
}

rt_val rt_object_with_slots(void) {
  return W(slot_template.Get(iso)->NewInstance(C()).ToLocalChecked());
}
void rt_object_set_ptr(rt_val obj, void *p) {
  L(obj).As<Object>()->SetAlignedPointerInInternalField(0, p);
}
rt_val rt_object_with_tag(const void *tag) {
  Local<Object> o = tagged_template.Get(iso)->NewInstance(C()).ToLocalChecked();
  o->SetAlignedPointerInInternalField(0, nullptr);
  o->SetAlignedPointerInInternalField(1, const_cast<void *>(tag));
  return W(o);
}
bool rt_object_has_tag(rt_val obj, const void *tag) {
  Local<Value> v = L(obj);
  if (!v->IsObject()) return false;
  Local<Object> o = v.As<Object>();
  return o->InternalFieldCount() == 2 && o->GetAlignedPointerFromInternalField(1) == tag;
}
void *rt_object_get_ptr(rt_val obj) {
  Local<Object> o = L(obj).As<Object>();
  if (o->InternalFieldCount() < 1) return nullptr;
  return o->GetAlignedPointerFromInternalField(0);
}

static Local<Private> priv(const char *key) {
  auto it = privates->find(key);
  if (it != privates->end()) return Local<Private>::New(iso, it->second);
  Local<Private> p = Private::New(iso, S(key));
  (*privates)[key].Reset(iso, p);
  return p;
}
bool rt_set_private(rt_val obj, const char *key, rt_val v) {
  return L(obj).As<Object>()->SetPrivate(C(), priv(key), L(v)).FromMaybe(false);
}
rt_val rt_get_private(rt_val obj, const char *key) {
  Local<Value> r;
  if (!L(obj).As<Object>()->GetPrivate(C(), priv(key)).ToLocal(&r)) return nullptr;
  return W(r);
}

// ---- calls --------------------------------------------------------------------

rt_val rt_call(rt_val fn, rt_val recv, int argc, rt_val *argv) {
  Local<Value> r;
  if (!L(fn)->IsFunction()) {
    rt_throw_type_error("not a function");
    return nullptr;
  }
  if (!L(fn).As<Function>()
           ->Call(C(), recv ? L(recv) : Undefined(iso).As<Value>(), argc,
                  reinterpret_cast<Local<Value> *>(argv))
           .ToLocal(&r))
    return nullptr;
  return W(r);
}

void rt__report(TryCatch &tc) {
  if (!tc.HasCaught()) return;
  if (tc.HasTerminated()) return;
  Local<Value> ex = tc.Exception();
  Local<Value> info = Undefined(iso);
  if (!tc.Message().IsEmpty()) info = L(rt__message_info(tc.Message()));
  tc.Reset();
  if (uncaught_fn)
    uncaught_fn(W(ex), W(info));
  else
    fprintf(stderr, "uncaught exception\n");
}

rt_val rt_call_toplevel(rt_val fn, rt_val recv, int argc, rt_val *argv) {
  TryCatch tc(iso);
  tc.SetVerbose(false);
  Local<Value> r;
  if (!L(fn).As<Function>()
           ->Call(C(), recv ? L(recv) : Undefined(iso).As<Value>(), argc,
                  reinterpret_cast<Local<Value> *>(argv))
           .ToLocal(&r)) {
    rt__report(tc);
    return nullptr;
  }
  return W(r);
}

rt_val rt_new(rt_val ctor, int argc, rt_val *argv) {
  Local<Object> r;
  if (!L(ctor).As<Function>()
           ->NewInstance(C(), argc, reinterpret_cast<Local<Value> *>(argv))
           .ToLocal(&r))
    return nullptr;
  return W(r);
}

static inline const FunctionCallbackInfo<Value> &I(rt_args *a) {
  return *reinterpret_cast<const FunctionCallbackInfo<Value> *>(a);
}
int rt_argc(rt_args *a) { return I(a).Length(); }
rt_val rt_arg(rt_args *a, int i) { return W(I(a)[i]); }
rt_val rt_this(rt_args *a) { return W(I(a).This()); }
rt_val rt_new_target(rt_args *a) { return W(I(a).NewTarget()); }
void *rt_data(rt_args *a) {
  return static_cast<fn_pack *>(I(a).Data().As<External>()->Value())->data;
}
void rt_return(rt_args *a, rt_val v) {
  if (v) I(a).GetReturnValue().Set(L(v));
}
void rt_return_int(rt_args *a, int64_t i) {
  if (i >= INT32_MIN && i <= INT32_MAX)
    I(a).GetReturnValue().Set((int32_t)i);
  else
    I(a).GetReturnValue().Set((double)i);
}
void rt_return_number(rt_args *a, double d) { I(a).GetReturnValue().Set(d); }
void rt_return_bool(rt_args *a, bool b) { I(a).GetReturnValue().Set(b); }
void rt_return_string(rt_args *a, const char *s) { I(a).GetReturnValue().Set(S(s)); }

struct rt_class_s {
  Global<FunctionTemplate> t;
};

rt_class *rt_class_new(const char *name, rt_native_fn ctor, int slots) {
  rt_class *c = new rt_class_s();
  Local<FunctionTemplate> t = FunctionTemplate::New(iso, trampoline, pack_data(ctor, nullptr));
  t->SetClassName(S(name));
  t->InstanceTemplate()->SetInternalFieldCount(slots);
  c->t.Reset(iso, t);
  return c;
}

void rt_class_method(rt_class *c, const char *name, rt_native_fn fn) {
  Local<FunctionTemplate> t = Local<FunctionTemplate>::New(iso, c->t);
  Local<FunctionTemplate> m = FunctionTemplate::New(iso, trampoline, pack_data(fn, nullptr),
                                                    Local<Signature>(), 0,
                                                    ConstructorBehavior::kThrow);
  m->SetClassName(S(name));
  t->PrototypeTemplate()->Set(S(name), m);
}

rt_val rt_class_function(rt_class *c) {
  return W(Local<FunctionTemplate>::New(iso, c->t)->GetFunction(C()).ToLocalChecked());
}

// ---- exceptions ---------------------------------------------------------------

rt_val rt_throw(rt_val ex) {
  iso->ThrowException(L(ex));
  return nullptr;
}

#define VFMT(buf, fmt)              \
  char buf[1024];                   \
  va_list ap;                       \
  va_start(ap, fmt);                \
  vsnprintf(buf, sizeof buf, fmt, ap); \
  va_end(ap)

rt_val rt_throw_error(const char *fmt, ...) {
  VFMT(b, fmt);
  iso->ThrowException(Exception::Error(S(b)));
  return nullptr;
}
rt_val rt_throw_type_error(const char *fmt, ...) {
  VFMT(b, fmt);
  iso->ThrowException(Exception::TypeError(S(b)));
  return nullptr;
}
rt_val rt_throw_range_error(const char *fmt, ...) {
  VFMT(b, fmt);
  iso->ThrowException(Exception::RangeError(S(b)));
  return nullptr;
}
rt_val rt_error(const char *m) { return W(Exception::Error(S(m))); }
rt_val rt_type_error(const char *m) { return W(Exception::TypeError(S(m))); }
rt_val rt_range_error(const char *m) { return W(Exception::RangeError(S(m))); }
rt_val rt_syntax_error(const char *m) { return W(Exception::SyntaxError(S(m))); }

rt_val rt__message_info(Local<Message> msg) {
  Local<Context> c = C();
  Local<Object> o = Object::New(iso);
  Local<String> line;
  if (msg->GetSourceLine(c).ToLocal(&line)) (void)o->Set(c, S("sourceLine"), line);
  (void)o->Set(c, S("resourceName"), msg->GetScriptResourceName());
  (void)o->Set(c, S("lineNumber"), Integer::New(iso, msg->GetLineNumber(c).FromMaybe(0)));
  (void)o->Set(c, S("startColumn"), Integer::New(iso, msg->GetStartColumn(c).FromMaybe(0)));
  (void)o->Set(c, S("endColumn"), Integer::New(iso, msg->GetEndColumn(c).FromMaybe(0)));
  return W(o);
}

rt_val rt_exception_message_info(rt_val ex) {
  Local<Message> m = Exception::CreateMessage(iso, L(ex));
  if (m.IsEmpty()) return rt_undefined();
  return rt__message_info(m);
}

// ---- scripts ------------------------------------------------------------------

rt_val rt_run_script(rt_val source, rt_val name) {
  ScriptOrigin origin(iso, L(name));
  ScriptCompiler::Source src(L(source).As<String>(), origin);
  Local<Script> script;
  if (!ScriptCompiler::Compile(C(), &src).ToLocal(&script)) return nullptr;
  Local<Value> r;
  if (!script->Run(C()).ToLocal(&r)) return nullptr;
  return W(r);
}

rt_val rt_compile_function(rt_val source, rt_val name, int nparams, const char *const *params,
                           const void *cache, size_t cache_len, bool *cache_rejected) {
  ScriptOrigin origin(iso, L(name));
  ScriptCompiler::CachedData *cd = nullptr;
  if (cache && cache_len)
    cd = new ScriptCompiler::CachedData(static_cast<const uint8_t *>(cache), (int)cache_len,
                                        ScriptCompiler::CachedData::BufferNotOwned);
  ScriptCompiler::Source src(L(source).As<String>(), origin, cd);  // src owns cd
  Local<String> ps[16];
  if (nparams > 16) nparams = 16;
  for (int i = 0; i < nparams; i++) ps[i] = S(params[i]);
  Local<Function> fn;
  if (!ScriptCompiler::CompileFunction(C(), &src, (size_t)nparams, ps, 0, nullptr,
                                       cd ? ScriptCompiler::kConsumeCodeCache
                                          : ScriptCompiler::kNoCompileOptions)
           .ToLocal(&fn))
    return nullptr;
  if (cache_rejected) *cache_rejected = cd ? src.GetCachedData()->rejected : false;
  return W(fn);
}

void *rt_function_code_cache(rt_val fn, size_t *len) {
  ScriptCompiler::CachedData *cd = ScriptCompiler::CreateCodeCacheForFunction(L(fn).As<Function>());
  if (!cd) return nullptr;
  void *p = malloc((size_t)cd->length);
  memcpy(p, cd->data, (size_t)cd->length);
  *len = (size_t)cd->length;
  delete cd;
  return p;
}

// ---- promises -------------------------------------------------------------------

rt_val rt_promise_new(rt_val *resolver_out) {
  Local<Promise::Resolver> r = Promise::Resolver::New(C()).ToLocalChecked();
  *resolver_out = W(r);
  return W(r->GetPromise());
}
void rt_resolver_resolve(rt_val r, rt_val v) {
  (void)L(r).As<Promise::Resolver>()->Resolve(C(), L(v));
}
void rt_resolver_reject(rt_val r, rt_val v) {
  (void)L(r).As<Promise::Resolver>()->Reject(C(), L(v));
}
rt_val rt_resolver_promise(rt_val r) { return W(L(r).As<Promise::Resolver>()->GetPromise()); }
int rt_promise_state(rt_val p) { return (int)L(p).As<Promise>()->State(); }
rt_val rt_promise_result(rt_val p) { return W(L(p).As<Promise>()->Result()); }
void rt_promise_mark_handled(rt_val p) { L(p).As<Promise>()->MarkAsHandled(); }
void rt_run_microtasks(void) { iso->PerformMicrotaskCheckpoint(); }
void rt_enqueue_microtask(rt_val fn) { iso->EnqueueMicrotask(L(fn).As<Function>()); }

// ---- array buffers --------------------------------------------------------------

rt_val rt_array_buffer(size_t len, bool zero) {
  std::unique_ptr<BackingStore> bs;
  if (zero) {
    bs = ArrayBuffer::NewBackingStore(iso, len);
  } else {
    void *p = malloc(len ? len : 1);
    if (!p) {
      rt_throw_range_error("Array buffer allocation failed");
      return nullptr;
    }
    bs = ArrayBuffer::NewBackingStore(
        p, len, [](void *data, size_t, void *) { free(data); }, nullptr);
  }
  if (!bs || (len && !bs->Data())) {
    rt_throw_range_error("Array buffer allocation failed");
    return nullptr;
  }
  return W(ArrayBuffer::New(iso, std::move(bs)));
}

rt_val rt_array_buffer_take(void *data, size_t len) {
  std::unique_ptr<BackingStore> bs = ArrayBuffer::NewBackingStore(
      data, len, [](void *d, size_t, void *) { free(d); }, nullptr);
  return W(ArrayBuffer::New(iso, std::move(bs)));
}

void *rt_array_buffer_data(rt_val ab, size_t *len) {
  Local<ArrayBuffer> b = L(ab).As<ArrayBuffer>();
  if (len) *len = b->ByteLength();
  return b->Data();
}

rt_val rt_uint8array(rt_val ab, size_t off, size_t len) {
  return W(Uint8Array::New(L(ab).As<ArrayBuffer>(), off, len));
}

bool rt_array_buffer_detach(rt_val ab) {
  Local<ArrayBuffer> b = L(ab).As<ArrayBuffer>();
  if (!b->IsDetachable()) return false;
  b->Detach();
  return true;
}

void *rt_view_data(rt_val v, size_t *len) {
  Local<Value> x = L(v);
  if (x->IsArrayBuffer()) return rt_array_buffer_data(v, len);
  if (x->IsSharedArrayBuffer()) {
    Local<SharedArrayBuffer> b = x.As<SharedArrayBuffer>();
    if (len) *len = b->ByteLength();
    return b->Data();
  }
  Local<ArrayBufferView> view = x.As<ArrayBufferView>();
  if (len) *len = view->ByteLength();
  if (view->ByteLength() == 0) return nullptr;
  return static_cast<char *>(view->Buffer()->Data()) + view->ByteOffset();
}

// ---- misc -------------------------------------------------------------------------

void rt_request_interrupt(void (*fn)(void *), void *data) {
  struct pk {
    void (*fn)(void *);
    void *data;
  };
  pk *p = new pk{fn, data};
  main_iso->RequestInterrupt(
      [](Isolate *, void *d) {
        pk *q = static_cast<pk *>(d);
        q->fn(q->data);
        delete q;
      },
      p);
}

void rt_terminate_execution(void) { iso->TerminateExecution(); }
