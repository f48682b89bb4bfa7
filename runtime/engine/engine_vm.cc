// engine_vm.cc — contexts and scripts for the vm module (see engine_vm.h).
//
// A sandbox becomes a context like Node's contextify: a new v8::Context whose
// global template has named-property interceptors.  Reads look in the
// sandbox, then in the context's own global (the builtins); writes and
// definitions go to the sandbox (and, not intercepted, to the global as
// well, so the builtins' own lookups keep working); deletes and enumeration
// follow the sandbox.  The sandbox points at its context through a private
// symbol holding a wrapper object that owns the VmContext; sandbox, wrapper
// and context are collected together (see VmContext).
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>
#include <string>
#include <vector>

#include "engine_internal.hh"
#include "engine_vm.h"

using namespace v8;
using rt::iso;

namespace {

// Lifetime: the sandbox, a wrapper object and the context keep each other
// alive through the V8 heap only (sandbox -> wrapper by a private symbol,
// wrapper -> sandbox and -> the context's global by private symbols, context
// -> wrapper by an embedder-data slot), so they are collected together; the
// VmContext's handles are all weak and it is freed with the wrapper.
struct VmContext {
  Global<Context> ctx;
  Global<Object> sandbox;
  Global<Object> wrapper;
};

// Embedder-data slot of a vm context holding its wrapper (high, to stay
// clear of slots others may use).
constexpr int kWrapperSlot = 37;

Local<Private> Key(const char *name) {
  return Private::ForApi(iso, String::NewFromUtf8(iso, name).ToLocalChecked());
}
Local<Private> ContextKey() {
  return Key("devrun:vm:context");
}

thread_local rt::TlsGlobal<ObjectTemplate> wrapper_tmpl;

VmContext *FromSandbox(Local<Value> v) {
  if (v.IsEmpty() || !v->IsObject()) return nullptr;
  Local<Context> cur = iso->GetCurrentContext();
  Local<Value> w;
  if (!v.As<Object>()->GetPrivate(cur, ContextKey()).ToLocal(&w) || !w->IsObject()) return nullptr;
  Local<Object> wo = w.As<Object>();
  if (wo->InternalFieldCount() < 1) return nullptr;
  return static_cast<VmContext *>(wo->GetAlignedPointerFromInternalField(0));
}

VmContext *Data(const PropertyCallbackInfo<Value> &info) {
  return static_cast<VmContext *>(info.Data().As<External>()->Value());
}

void Getter(Local<Name> property, const PropertyCallbackInfo<Value> &info) {
  VmContext *c = Data(info);
  Local<Context> ctx = c->ctx.Get(iso);
  Local<Object> sandbox = c->sandbox.Get(iso);
  MaybeLocal<Value> maybe = sandbox->GetRealNamedProperty(ctx, property);
  if (maybe.IsEmpty()) maybe = ctx->Global()->GetRealNamedProperty(ctx, property);
  Local<Value> rv;
  if (maybe.ToLocal(&rv)) {
    if (rv == sandbox) rv = ctx->Global();
    info.GetReturnValue().Set(rv);
  }
}

void Setter(Local<Name> property, Local<Value> value, const PropertyCallbackInfo<Value> &info) {
  VmContext *c = Data(info);
  Local<Context> ctx = c->ctx.Get(iso);
  Local<Object> sandbox = c->sandbox.Get(iso);
  PropertyAttribute attr = PropertyAttribute::None;
  bool read_only = false;
  if (ctx->Global()->GetRealNamedPropertyAttributes(ctx, property).To(&attr))
    read_only = (attr & PropertyAttribute::ReadOnly) != 0;
  if (sandbox->GetRealNamedPropertyAttributes(ctx, property).To(&attr))
    read_only = read_only || (attr & PropertyAttribute::ReadOnly) != 0;
  if (read_only) return;
  (void)sandbox->Set(ctx, property, value);
}

void Deleter(Local<Name> property, const PropertyCallbackInfo<Boolean> &info) {
  VmContext *c = static_cast<VmContext *>(info.Data().As<External>()->Value());
  Local<Context> ctx = c->ctx.Get(iso);
  Maybe<bool> ok = c->sandbox.Get(iso)->Delete(ctx, property);
  if (ok.FromMaybe(false)) return;
  info.GetReturnValue().Set(false);
}

void Enumerator(const PropertyCallbackInfo<Array> &info) {
  VmContext *c = static_cast<VmContext *>(info.Data().As<External>()->Value());
  Local<Context> ctx = c->ctx.Get(iso);
  Local<Array> names;
  if (c->sandbox.Get(iso)->GetPropertyNames(ctx).ToLocal(&names)) info.GetReturnValue().Set(names);
}

void Definer(Local<Name> property, const PropertyDescriptor &desc,
             const PropertyCallbackInfo<Value> &info) {
  VmContext *c = Data(info);
  Local<Context> ctx = c->ctx.Get(iso);
  Local<Object> sandbox = c->sandbox.Get(iso);
  auto copy_flags = [&desc](PropertyDescriptor *d) {
    if (desc.has_enumerable()) d->set_enumerable(desc.enumerable());
    if (desc.has_configurable()) d->set_configurable(desc.configurable());
  };
  if (desc.has_get() || desc.has_set()) {
    PropertyDescriptor d(desc.has_get() ? desc.get() : Local<Value>(Undefined(iso)),
                         desc.has_set() ? desc.set() : Local<Value>(Undefined(iso)));
    copy_flags(&d);
    (void)sandbox->DefineProperty(ctx, property, d);
  } else {
    Local<Value> value = desc.has_value() ? desc.value() : Local<Value>(Undefined(iso));
    if (desc.has_writable()) {
      PropertyDescriptor d(value, desc.writable());
      copy_flags(&d);
      (void)sandbox->DefineProperty(ctx, property, d);
    } else {
      PropertyDescriptor d(value);
      copy_flags(&d);
      (void)sandbox->DefineProperty(ctx, property, d);
    }
  }
}

void Descriptor(Local<Name> property, const PropertyCallbackInfo<Value> &info) {
  VmContext *c = Data(info);
  Local<Context> ctx = c->ctx.Get(iso);
  Local<Object> sandbox = c->sandbox.Get(iso);
  if (sandbox->HasOwnProperty(ctx, property).FromMaybe(false)) {
    Local<Value> desc;
    if (sandbox->GetOwnPropertyDescriptor(ctx, property).ToLocal(&desc))
      info.GetReturnValue().Set(desc);
  }
}

// A compiled, context-independent script, owned by a weak JS wrapper.
struct VmScript {
  Global<UnboundScript> script;
  Global<Object> wrapper;
};

thread_local rt::TlsGlobal<ObjectTemplate> script_tmpl;

VmScript *ScriptOf(Local<Value> v) {
  if (v.IsEmpty() || !v->IsObject()) return nullptr;
  Local<Object> o = v.As<Object>();
  if (o->InternalFieldCount() < 1) return nullptr;
  return static_cast<VmScript *>(o->GetAlignedPointerFromInternalField(0));
}

Local<Context> TargetContext(Local<Value> sandbox, bool *ok) {
  *ok = true;
  if (sandbox.IsEmpty() || sandbox->IsUndefined() || sandbox->IsNull())
    return iso->GetCurrentContext();
  VmContext *c = FromSandbox(sandbox);
  if (!c) {
    *ok = false;
    return Local<Context>();
  }
  return c->ctx.Get(iso);
}

// Watchdog: terminates execution after timeout_ms unless cancelled.
class Watchdog {
 public:
  explicit Watchdog(int64_t ms) {
    if (ms <= 0) return;
    active_ = true;
    Isolate *target = iso;  // the watchdog's own thread has no current isolate
    thread_ = std::thread([this, ms, target] {
      std::unique_lock<std::mutex> lk(mu_);
      if (!cv_.wait_for(lk, std::chrono::milliseconds(ms), [this] { return done_; })) {
        fired_ = true;
        target->TerminateExecution();
      }
    });
  }
  ~Watchdog() {
    if (!active_) return;
    {
      std::lock_guard<std::mutex> lk(mu_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  bool fired() const {
    return fired_;
  }

 private:
  bool active_ = false, done_ = false, fired_ = false;
  std::mutex mu_;
  std::condition_variable cv_;
  std::thread thread_;
};

// Node's decorateErrorStack: prefixes the stack of an Error thrown by vm
// code with "file:line\nsource line\n   ^^^\n\n", once.
void Decorate(TryCatch &tc) {
  Local<Value> ex = tc.Exception();
  Local<Message> msg = tc.Message();
  if (ex.IsEmpty() || !ex->IsObject() || msg.IsEmpty()) return;
  Local<Context> ctx = iso->GetCurrentContext();
  Local<Object> o = ex.As<Object>();
  Local<Private> key = Private::ForApi(iso, String::NewFromUtf8Literal(iso, "devrun:vm:decorated"));
  if (o->HasPrivate(ctx, key).FromMaybe(true)) return;
  Local<String> stack_key = String::NewFromUtf8Literal(iso, "stack");
  Local<Value> stack;
  if (!o->Get(ctx, stack_key).ToLocal(&stack) || !stack->IsString()) return;
  String::Utf8Value filename(iso, msg->GetScriptResourceName());
  Local<String> srcline;
  if (!msg->GetSourceLine(ctx).ToLocal(&srcline)) return;
  String::Utf8Value sl(iso, srcline);
  String::Utf8Value st(iso, stack);
  std::string line(*sl ? *sl : "", (size_t)sl.length());
  std::string buf = std::string(*filename ? *filename : "") + ":" +
                    std::to_string(msg->GetLineNumber(ctx).FromMaybe(0)) + "\n" + line + "\n";
  int start = msg->GetStartColumn(ctx).FromMaybe(0), end = msg->GetEndColumn(ctx).FromMaybe(0);
  if (!(start > end || start < 0 || (size_t)end > line.size())) {
    for (int i = 0; i < start; i++) buf += line[(size_t)i] == '\t' ? '\t' : ' ';
    for (int i = start; i < end; i++) buf += '^';
    buf += "\n";
  }
  buf += "\n";
  buf += std::string(*st ? *st : "", (size_t)st.length());
  Local<String> decorated;
  if (!String::NewFromUtf8(iso, buf.data(), NewStringType::kNormal, (int)buf.size())
           .ToLocal(&decorated))
    return;
  (void)o->Set(ctx, stack_key, decorated);
  (void)o->SetPrivate(ctx, key, True(iso));
  // Tell the runtime's fatal-exception printer (internal/process/execution)
  // that the arrow is already part of the stack: an "arrowInfo" without a
  // source line prints no second arrow.
  rt_set_private(W(o), "arrowInfo", W(Object::New(iso)));
}

}  // namespace

extern "C" {

bool rt_vm_make_context(rt_val sandbox_v, rt_val name) {
  (void)name;
  Local<Context> cur = iso->GetCurrentContext();
  Local<Object> sandbox = L(sandbox_v).As<Object>();
  VmContext *c = new VmContext();
  Local<ObjectTemplate> tmpl = ObjectTemplate::New(iso);
  tmpl->SetHandler(NamedPropertyHandlerConfiguration(Getter, Setter, nullptr, Deleter, Enumerator,
                                                     Definer, Descriptor, External::New(iso, c)));
  Local<Context> ctx = Context::New(iso, nullptr, tmpl);
  if (ctx.IsEmpty()) {
    delete c;
    rt_throw_error("could not create a context");
    return false;
  }
  ctx->SetSecurityToken(cur->GetSecurityToken());
  if (wrapper_tmpl.IsEmpty()) {
    Local<ObjectTemplate> t = ObjectTemplate::New(iso);
    t->SetInternalFieldCount(1);
    wrapper_tmpl.Reset(iso, t);
  }
  Local<Object> wrapper;
  if (!wrapper_tmpl.Get(iso)->NewInstance(cur).ToLocal(&wrapper)) {
    delete c;
    return false;
  }
  wrapper->SetAlignedPointerInInternalField(0, c);
  c->ctx.Reset(iso, ctx);
  c->ctx.SetWeak();
  c->sandbox.Reset(iso, sandbox);
  c->sandbox.SetWeak();
  c->wrapper.Reset(iso, wrapper);
  c->wrapper.SetWeak(
      c,
      [](const WeakCallbackInfo<VmContext> &info) {
        VmContext *p = info.GetParameter();
        p->wrapper.Reset();
        p->sandbox.Reset();
        p->ctx.Reset();
        delete p;
      },
      WeakCallbackType::kParameter);
  ctx->SetEmbedderData(kWrapperSlot, wrapper);
  if (!wrapper->SetPrivate(cur, Key("devrun:vm:sandbox"), sandbox).FromMaybe(false) ||
      !wrapper->SetPrivate(cur, Key("devrun:vm:global"), ctx->Global()).FromMaybe(false) ||
      !sandbox->SetPrivate(cur, ContextKey(), wrapper).FromMaybe(false))
    return false;
  return true;
}

bool rt_vm_is_context(rt_val sandbox) {
  return FromSandbox(L(sandbox)) != nullptr;
}

rt_val rt_vm_context_global(rt_val sandbox) {
  VmContext *c = FromSandbox(L(sandbox));
  if (!c) return nullptr;
  return W(c->ctx.Get(iso)->Global());
}

rt_val rt_vm_compile(rt_val source, rt_val filename, int line_offset, int column_offset,
                     const void *cache, size_t cache_len, bool *cache_rejected) {
  EscapableHandleScope hs(iso);
  ScriptOrigin origin(iso, L(filename), line_offset, column_offset);
  ScriptCompiler::CachedData *cd = nullptr;
  if (cache && cache_len)
    cd = new ScriptCompiler::CachedData(static_cast<const uint8_t *>(cache), (int)cache_len,
                                        ScriptCompiler::CachedData::BufferNotOwned);
  ScriptCompiler::Source src(L(source).As<String>(), origin, cd);
  Local<UnboundScript> us;
  {
    TryCatch tc(iso);
    if (!ScriptCompiler::CompileUnboundScript(
             iso, &src, cd ? ScriptCompiler::kConsumeCodeCache : ScriptCompiler::kNoCompileOptions)
             .ToLocal(&us)) {
      Decorate(tc);
      tc.ReThrow();
      return nullptr;
    }
  }
  if (cache_rejected) *cache_rejected = cd ? src.GetCachedData()->rejected : false;
  if (script_tmpl.IsEmpty()) {
    Local<ObjectTemplate> t = ObjectTemplate::New(iso);
    t->SetInternalFieldCount(1);
    script_tmpl.Reset(iso, t);
  }
  Local<Object> wrap;
  if (!script_tmpl.Get(iso)->NewInstance(iso->GetCurrentContext()).ToLocal(&wrap)) return nullptr;
  VmScript *s = new VmScript();
  s->script.Reset(iso, us);
  s->wrapper.Reset(iso, wrap);
  wrap->SetAlignedPointerInInternalField(0, s);
  s->wrapper.SetWeak(
      s,
      [](const WeakCallbackInfo<VmScript> &info) {
        VmScript *p = info.GetParameter();
        p->wrapper.Reset();
        p->script.Reset();
        delete p;
      },
      WeakCallbackType::kParameter);
  return W(hs.Escape(wrap));
}

rt_val rt_vm_run(rt_val script, rt_val sandbox, int64_t timeout_ms, bool display_errors) {
  VmScript *s = ScriptOf(L(script));
  if (!s) return rt_throw_type_error("not a compiled script");
  bool ok;
  Local<Context> ctx = TargetContext(sandbox ? L(sandbox) : Local<Value>(), &ok);
  if (!ok) return rt_throw_type_error("not a contextified object");
  EscapableHandleScope hs(iso);
  Context::Scope cs(ctx);
  Local<Script> bound = s->script.Get(iso)->BindToCurrentContext();
  TryCatch tc(iso);
  Local<Value> r;
  bool fired;
  {
    Watchdog wd(timeout_ms);
    (void)bound->Run(ctx).ToLocal(&r);
    fired = wd.fired();
  }
  // The watchdog may fire just after the script finished: the result stands.
  if (fired && !r.IsEmpty()) {
    iso->CancelTerminateExecution();
    fired = false;
  }
  if (tc.HasTerminated() || (fired && r.IsEmpty())) {
    iso->CancelTerminateExecution();
    if (fired) {
      char msg[96];
      snprintf(msg, sizeof msg, "Script execution timed out after %lldms", (long long)timeout_ms);
      Local<Value> e = Exception::Error(String::NewFromUtf8(iso, msg).ToLocalChecked());
      (void)e.As<Object>()->Set(iso->GetCurrentContext(), String::NewFromUtf8Literal(iso, "code"),
                                String::NewFromUtf8Literal(iso, "ERR_SCRIPT_EXECUTION_TIMEOUT"));
      tc.Reset();
      iso->ThrowException(e);
      tc.ReThrow();
      return nullptr;
    }
    tc.ReThrow();
    return nullptr;
  }
  if (r.IsEmpty()) {
    if (display_errors) Decorate(tc);
    tc.ReThrow();
    return nullptr;
  }
  return W(hs.Escape(r));
}

void *rt_vm_code_cache(rt_val script, size_t *len) {
  VmScript *s = ScriptOf(L(script));
  if (!s) return nullptr;
  ScriptCompiler::CachedData *cd = ScriptCompiler::CreateCodeCache(s->script.Get(iso));
  if (!cd) return nullptr;
  void *p = malloc((size_t)cd->length ? (size_t)cd->length : 1);
  if (!p) abort();
  memcpy(p, cd->data, (size_t)cd->length);
  *len = (size_t)cd->length;
  delete cd;
  return p;
}

rt_val rt_vm_compile_function(rt_val source, rt_val filename, int line_offset, int column_offset,
                              rt_val params, rt_val sandbox, rt_val extensions) {
  bool ok;
  Local<Context> ctx = TargetContext(sandbox ? L(sandbox) : Local<Value>(), &ok);
  if (!ok) return rt_throw_type_error("not a contextified object");
  EscapableHandleScope hs(iso);
  Context::Scope cs(ctx);
  std::vector<Local<String>> ps;
  if (params && L(params)->IsArray()) {
    Local<Array> arr = L(params).As<Array>();
    for (uint32_t i = 0; i < arr->Length(); i++) {
      Local<Value> v;
      if (!arr->Get(ctx, i).ToLocal(&v)) return nullptr;
      Local<String> s;
      if (!v->ToString(ctx).ToLocal(&s)) return nullptr;
      ps.push_back(s);
    }
  }
  std::vector<Local<Object>> exts;
  if (extensions && L(extensions)->IsArray()) {
    Local<Array> arr = L(extensions).As<Array>();
    for (uint32_t i = 0; i < arr->Length(); i++) {
      Local<Value> v;
      if (!arr->Get(ctx, i).ToLocal(&v)) return nullptr;
      if (v->IsObject()) exts.push_back(v.As<Object>());
    }
  }
  ScriptOrigin origin(iso, L(filename), line_offset, column_offset);
  ScriptCompiler::Source src(L(source).As<String>(), origin);
  Local<Function> fn;
  if (!ScriptCompiler::CompileFunction(ctx, &src, ps.size(), ps.empty() ? nullptr : ps.data(),
                                       exts.size(), exts.empty() ? nullptr : exts.data())
           .ToLocal(&fn))
    return nullptr;
  return W(hs.Escape(fn));
}

uint32_t rt_vm_cached_data_version_tag(void) {
  return ScriptCompiler::CachedDataVersionTag();
}

void rt_vm_heap_code_statistics(double out[4]) {
  HeapCodeStatistics st;
  iso->GetHeapCodeAndMetadataStatistics(&st);
  out[0] = (double)st.code_and_metadata_size();
  out[1] = (double)st.bytecode_and_metadata_size();
  out[2] = (double)st.external_script_source_size();
  out[3] = (double)st.cpu_profiler_metadata_size();
}

namespace {
class MallocOneByte : public String::ExternalOneByteStringResource {
 public:
  MallocOneByte(char *d, size_t n) : data_(d), len_(n) {}
  ~MallocOneByte() override {
    free(data_);
  }
  const char *data() const override {
    return data_;
  }
  size_t length() const override {
    return len_;
  }

 private:
  char *data_;
  size_t len_;
};
}  // namespace

rt_val rt_string_external_latin1(char *data, size_t len) {
  if (len > (size_t)String::kMaxLength) {
    free(data);
    return rt_throw_error("Cannot create a string longer than 0x%x characters", String::kMaxLength);
  }
  MallocOneByte *res = new MallocOneByte(data, len);
  Local<String> s;
  if (!String::NewExternalOneByte(iso, res).ToLocal(&s)) {
    delete res;
    return nullptr;
  }
  return W(s);
}

const uint8_t *rt_string_external_latin1_data(rt_val s, size_t *len) {
  Local<Value> v = L(s);
  if (!v->IsString()) return nullptr;
  Local<String> str = v.As<String>();
  if (!str->IsExternalOneByte()) return nullptr;
  const String::ExternalOneByteStringResource *r = str->GetExternalOneByteStringResource();
  if (!r) return nullptr;
  *len = r->length();
  return reinterpret_cast<const uint8_t *>(r->data());
}

}  // extern "C"

void rt__vm_teardown() {
  wrapper_tmpl.Reset();
  script_tmpl.Reset();
}
