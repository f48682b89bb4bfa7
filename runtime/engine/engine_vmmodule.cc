// engine_vmmodule.cc — module records for vm.SourceTextModule and
// vm.SyntheticModule (see engine_vmmodule.h).
//
// A VmModule owns a v8::Module, the context it belongs to, and the links the
// user's linker chose for its requests (specifier -> dependency record).  JS
// holds it through a wrap (an object with two internal fields: the record
// and a tag telling it from other wraps); the wrap is weak, and the record is
// freed when the wrap is collected.  A record keeps the wraps of its linked
// dependencies alive (strongly), as V8 needs them as long as the parent.
//
// V8 finds records through module identity: its resolve callback and the
// synthetic evaluation steps get a v8::Module, looked up in a per-thread
// multimap keyed by identity hash.  import() gets the referrer's host-defined
// options, which for a vm module carry a marker and the record's id; the
// loader's import() and import.meta callbacks hand vm modules' to this file
// (engine_vmmodule.hh).
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "engine_internal.hh"
#include "engine_vm.h"
#include "engine_vmmodule.h"
#include "engine_vmmodule.hh"

using namespace v8;
using rt::iso;

namespace {

struct VmModule {
  uint32_t id;
  int hash;  // the module's identity hash (not computable in a weak callback)
  Global<Module> mod;
  Global<Context> ctx;
  Global<Object> wrap;  // weak
  Global<Value> identifier;
  Global<Function> steps;  // synthetic modules only
  std::unordered_map<std::string, VmModule *> links;
  std::vector<Global<Object>> dep_wraps;  // keep the linked records alive
};

// Marks the host-defined options of a vm module: [kMarker, id].
constexpr int32_t kMarker = 0x766d6d64;  // "vmmd"
// Tells a vm module wrap from other objects with internal fields.
int wrap_tag;

// A pointer, never freed: a thread_local Global would be reset at thread
// exit, after a worker's isolate is gone.
thread_local Global<ObjectTemplate> *wrap_tmpl;
thread_local std::unordered_multimap<int, VmModule *> *by_hash;
thread_local std::unordered_map<uint32_t, VmModule *> *by_id;
thread_local uint32_t next_id = 1;
thread_local rt_vmmod_import_fn import_fn;
thread_local rt_vmmod_meta_fn meta_fn;

VmModule *Find(Local<Module> m) {
  if (!by_hash) return nullptr;
  auto range = by_hash->equal_range(m->GetIdentityHash());
  for (auto it = range.first; it != range.second; ++it)
    if (it->second->mod == m) return it->second;
  return nullptr;
}

VmModule *Of(rt_val v) {
  if (!v) return nullptr;
  Local<Value> l = L(v);
  if (!l->IsObject()) return nullptr;
  Local<Object> o = l.As<Object>();
  if (o->InternalFieldCount() != 2 || o->GetAlignedPointerFromInternalField(1) != &wrap_tag)
    return nullptr;
  return static_cast<VmModule *>(o->GetAlignedPointerFromInternalField(0));
}

VmModule *Need(rt_val v) {
  VmModule *m = Of(v);
  if (!m) rt_throw_type_error("not a vm module record");
  return m;
}

void Forget(VmModule *m) {
  auto range = by_hash->equal_range(m->hash);
  for (auto it = range.first; it != range.second; ++it) {
    if (it->second == m) {
      by_hash->erase(it);
      break;
    }
  }
  by_id->erase(m->id);
}

void WrapGone(const WeakCallbackInfo<VmModule> &info) {
  VmModule *m = info.GetParameter();
  Forget(m);
  m->wrap.Reset();
  m->mod.Reset();
  m->ctx.Reset();
  m->identifier.Reset();
  m->steps.Reset();
  for (auto &g : m->dep_wraps) g.Reset();
  delete m;
}

// The context of a sandbox, or the current one.
bool TargetContext(rt_val sandbox, Local<Context> *out) {
  if (!sandbox || rt_is_nullish(sandbox)) {
    *out = iso->GetCurrentContext();
    return true;
  }
  rt_val global = rt_vm_context_global(sandbox);
  if (!global) {
    rt_throw_type_error("not a contextified object");
    return false;
  }
  return L(global).As<Object>()->GetCreationContext().ToLocal(out);
}

// Registers a new record for m and returns its wrap.
rt_val Track(Local<Module> m, Local<Context> ctx, Local<Value> identifier, uint32_t id) {
  if (!by_hash) {
    by_hash = new std::unordered_multimap<int, VmModule *>();
    by_id = new std::unordered_map<uint32_t, VmModule *>();
  }
  if (!wrap_tmpl) {
    Local<ObjectTemplate> t = ObjectTemplate::New(iso);
    t->SetInternalFieldCount(2);
    wrap_tmpl = new Global<ObjectTemplate>(iso, t);
  }
  Local<Object> wrap;
  if (!wrap_tmpl->Get(iso)->NewInstance(iso->GetCurrentContext()).ToLocal(&wrap)) return nullptr;
  VmModule *r = new VmModule();
  r->id = id;
  r->hash = m->GetIdentityHash();
  r->mod.Reset(iso, m);
  r->ctx.Reset(iso, ctx);
  r->identifier.Reset(iso, identifier);
  r->wrap.Reset(iso, wrap);
  wrap->SetAlignedPointerInInternalField(0, r);
  wrap->SetAlignedPointerInInternalField(1, &wrap_tag);
  r->wrap.SetWeak(r, WrapGone, WeakCallbackType::kParameter);
  by_hash->emplace(r->hash, r);
  (*by_id)[id] = r;
  return W(wrap);
}

MaybeLocal<Module> Resolve(Local<Context>, Local<String> specifier, Local<FixedArray>,
                           Local<Module> referrer) {
  VmModule *r = Find(referrer);
  String::Utf8Value spec(iso, specifier);
  std::string s(*spec ? *spec : "", (size_t)spec.length());
  if (r) {
    auto it = r->links.find(s);
    if (it != r->links.end()) return it->second->mod.Get(iso);
  }
  std::string msg = "request for '" + s + "' is not in cache";
  iso->ThrowException(Exception::Error(String::NewFromUtf8(iso, msg.c_str()).ToLocalChecked()));
  return MaybeLocal<Module>();
}

// Node's SyntheticModuleEvaluationStepsCallback: calls the steps once, with
// the wrap as `this`; a throw rejects evaluation, the return value is
// ignored.
MaybeLocal<Value> SyntheticSteps(Local<Context> c, Local<Module> m) {
  VmModule *r = Find(m);
  if (r && !r->steps.IsEmpty()) {
    Local<Function> fn = r->steps.Get(iso);
    r->steps.Reset();
    Local<Value> ret;
    // As Node: catch and rethrow, so that V8 finds the exception pending.
    TryCatch tc(iso);
    if (!fn->Call(c, r->wrap.Get(iso), 0, nullptr).ToLocal(&ret)) {
      if (tc.HasCaught() && !tc.HasTerminated()) tc.ReThrow();
      return MaybeLocal<Value>();
    }
  }
  Local<Promise::Resolver> res;
  if (!Promise::Resolver::New(c).ToLocal(&res)) return MaybeLocal<Value>();
  (void)res->Resolve(c, Undefined(iso));
  return res->GetPromise();
}

// import() from a vm module: the referrer's host-defined options carry the
// marker and the record's id.  Anything else is left to the loader.
bool VmImport(Local<Context> c, Local<Data> options, Local<String> specifier,
              Local<FixedArray> assertions, MaybeLocal<Promise> *promise) {
  if (options.IsEmpty() || !options->IsFixedArray()) return false;
  // Host-defined options arrive as a FixedArray of the primitives given.
  Local<FixedArray> o = options.As<FixedArray>();
  if (o->Length() != 2 || !o->Get(c, 0).As<Value>()->IsInt32() ||
      o->Get(c, 0).As<Int32>()->Value() != kMarker)
    return false;
  rt_val wrap = nullptr;
  uint32_t id = o->Get(c, 1).As<Uint32>()->Value();
  if (by_id) {
    auto it = by_id->find(id);
    if (it != by_id->end()) wrap = W(it->second->wrap.Get(iso));
  }
  if (!wrap) wrap = rt_undefined();  // collected: still a vm module
  Local<Object> asrt = Object::New(iso);
  (void)asrt->SetPrototype(c, Null(iso));
  for (int i = 0; i + 1 < assertions->Length(); i += 2)
    (void)asrt->Set(c, assertions->Get(c, i).As<Value>(), assertions->Get(c, i + 1).As<Value>());
  rt_val p = import_fn ? import_fn(wrap, W(specifier), W(asrt))
                       : rt_throw_error("import() is not available in this module");
  *promise = p ? L(p).As<Promise>() : MaybeLocal<Promise>();
  return true;
}

// Watchdog: terminates execution after ms unless destroyed first.
class Watchdog {
 public:
  explicit Watchdog(int64_t ms) {
    if (ms <= 0) return;
    active_ = true;
    Isolate *isolate = iso;
    thread_ = std::thread([this, ms, isolate] {
      std::unique_lock<std::mutex> lk(mu_);
      if (!cv_.wait_for(lk, std::chrono::milliseconds(ms), [this] { return done_; })) {
        fired_ = true;
        isolate->TerminateExecution();
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
  bool fired() {
    std::lock_guard<std::mutex> lk(mu_);
    return fired_;
  }

 private:
  bool active_ = false, done_ = false, fired_ = false;
  std::mutex mu_;
  std::condition_variable cv_;
  std::thread thread_;
};

}  // namespace

extern "C" {

rt_val rt_vmmod_compile(rt_val identifier, rt_val sandbox, rt_val source, int line_offset,
                        int column_offset, const void *cache, size_t cache_len,
                        bool *cache_rejected) {
  Local<Context> ctx;
  if (!TargetContext(sandbox, &ctx)) return nullptr;
  EscapableHandleScope hs(iso);
  uint32_t id = next_id++;
  Local<PrimitiveArray> hdo = PrimitiveArray::New(iso, 2);
  hdo->Set(iso, 0, Int32::New(iso, kMarker));
  hdo->Set(iso, 1, Integer::NewFromUnsigned(iso, id));
  ScriptOrigin origin(iso, L(identifier), line_offset, column_offset, false, -1, Local<Value>(),
                      false, false, true, hdo);
  ScriptCompiler::CachedData *cd = nullptr;
  if (cache && cache_len)
    cd = new ScriptCompiler::CachedData(static_cast<const uint8_t *>(cache), (int)cache_len,
                                        ScriptCompiler::CachedData::BufferNotOwned);
  ScriptCompiler::Source src(L(source).As<String>(), origin, cd);
  Local<Module> m;
  {
    Context::Scope cs(ctx);
    TryCatch tc(iso);
    if (!ScriptCompiler::CompileModule(
             iso, &src, cd ? ScriptCompiler::kConsumeCodeCache : ScriptCompiler::kNoCompileOptions)
             .ToLocal(&m)) {
      // Where the SyntaxError is, for the fatal-exception printer.
      Local<Value> ex = tc.Exception();
      if (!ex.IsEmpty() && ex->IsObject() && !tc.Message().IsEmpty())
        rt_set_private(W(ex), "arrowInfo", rt__message_info(tc.Message()));
      tc.ReThrow();
      return nullptr;
    }
  }
  if (cache_rejected) *cache_rejected = cd ? src.GetCachedData()->rejected : false;
  rt_val w = Track(m, ctx, L(identifier), id);
  if (!w) return nullptr;
  return W(hs.Escape(L(w)));
}

rt_val rt_vmmod_synthetic(rt_val identifier, rt_val sandbox, rt_val export_names, rt_val steps) {
  Local<Context> ctx;
  if (!TargetContext(sandbox, &ctx)) return nullptr;
  EscapableHandleScope hs(iso);
  Local<Context> cur = iso->GetCurrentContext();
  Local<Array> names = L(export_names).As<Array>();
  std::vector<Local<String>> v;
  for (uint32_t i = 0; i < names->Length(); i++) {
    Local<Value> n;
    if (!names->Get(cur, i).ToLocal(&n)) return nullptr;
    if (!n->IsString()) return rt_throw_type_error("export names must be strings");
    v.push_back(n.As<String>());
  }
  Local<String> name;
  if (!L(identifier)->ToString(cur).ToLocal(&name)) return nullptr;
  Local<Module> m = Module::CreateSyntheticModule(iso, name, v, SyntheticSteps);
  rt_val w = Track(m, ctx, L(identifier), next_id++);
  if (!w) return nullptr;
  Of(w)->steps.Reset(iso, L(steps).As<Function>());
  return W(hs.Escape(L(w)));
}

bool rt_vmmod_is_wrap(rt_val v) {
  return Of(v) != nullptr;
}

rt_val rt_vmmod_requests(rt_val wrap) {
  VmModule *r = Need(wrap);
  if (!r) return nullptr;
  Local<Context> c = iso->GetCurrentContext();
  Local<Module> m = r->mod.Get(iso);
  Local<Array> out = Array::New(iso, 0);
  if (m->IsSyntheticModule()) return W(out);
  Local<FixedArray> reqs = m->GetModuleRequests();
  for (int i = 0; i < reqs->Length(); i++) {
    Local<ModuleRequest> rq = reqs->Get(c, i).As<ModuleRequest>();
    Local<Object> o = Object::New(iso);
    (void)o->Set(c, String::NewFromUtf8Literal(iso, "specifier"), rq->GetSpecifier());
    // Import assertions come as (key, value, source offset) triples.
    Local<Object> attrs = Object::New(iso);
    (void)attrs->SetPrototype(c, Null(iso));
    Local<FixedArray> a = rq->GetImportAssertions();
    for (int j = 0; j + 1 < a->Length(); j += 3)
      (void)attrs->Set(c, a->Get(c, j).As<Value>(), a->Get(c, j + 1).As<Value>());
    (void)o->Set(c, String::NewFromUtf8Literal(iso, "attributes"), attrs);
    (void)out->Set(c, (uint32_t)i, o);
  }
  return W(out);
}

bool rt_vmmod_link(rt_val wrap, rt_val specifiers, rt_val deps) {
  VmModule *r = Need(wrap);
  if (!r) return false;
  Local<Context> c = iso->GetCurrentContext();
  Local<Array> specs = L(specifiers).As<Array>(), ds = L(deps).As<Array>();
  if (specs->Length() != ds->Length()) {
    rt_throw_error("link: specifiers and modules differ in length");
    return false;
  }
  for (uint32_t i = 0; i < specs->Length(); i++) {
    Local<Value> s, d;
    if (!specs->Get(c, i).ToLocal(&s) || !ds->Get(c, i).ToLocal(&d)) return false;
    VmModule *dep = Need(W(d));
    if (!dep) return false;
    String::Utf8Value sv(iso, s);
    r->links[std::string(*sv ? *sv : "", (size_t)sv.length())] = dep;
    r->dep_wraps.emplace_back(iso, d.As<Object>());
  }
  return true;
}

bool rt_vmmod_instantiate(rt_val wrap) {
  VmModule *r = Need(wrap);
  if (!r) return false;
  Local<Context> ctx = r->ctx.Get(iso);
  Context::Scope cs(ctx);
  TryCatch tc(iso);
  bool ok = r->mod.Get(iso)->InstantiateModule(ctx, Resolve).FromMaybe(false);
  if (!ok && tc.HasCaught()) tc.ReThrow();
  return ok;
}

rt_val rt_vmmod_evaluate(rt_val wrap, int64_t timeout_ms) {
  VmModule *r = Need(wrap);
  if (!r) return nullptr;
  EscapableHandleScope hs(iso);
  Local<Context> ctx = r->ctx.Get(iso);
  Context::Scope cs(ctx);
  TryCatch tc(iso);
  Local<Value> res;
  bool fired;
  {
    Watchdog wd(timeout_ms);
    (void)r->mod.Get(iso)->Evaluate(ctx).ToLocal(&res);
    fired = wd.fired();
  }
  if (fired && !res.IsEmpty() && !tc.HasTerminated()) {
    iso->CancelTerminateExecution();  // fired just after the module finished
    fired = false;
  }
  if (tc.HasTerminated() || fired) {
    iso->CancelTerminateExecution();
    if (fired) {
      char msg[96];
      snprintf(msg, sizeof msg, "Script execution timed out after %lldms", (long long)timeout_ms);
      Local<Value> e = Exception::Error(String::NewFromUtf8(iso, msg).ToLocalChecked());
      (void)e.As<Object>()->Set(ctx, String::NewFromUtf8Literal(iso, "code"),
                                String::NewFromUtf8Literal(iso, "ERR_SCRIPT_EXECUTION_TIMEOUT"));
      tc.Reset();
      iso->ThrowException(e);
    }
    tc.ReThrow();
    return nullptr;
  }
  if (res.IsEmpty()) {
    tc.ReThrow();
    return nullptr;
  }
  return W(hs.Escape(res));
}

rt_val rt_vmmod_namespace(rt_val wrap) {
  VmModule *r = Need(wrap);
  if (!r) return nullptr;
  Local<Module> m = r->mod.Get(iso);
  if (m->GetStatus() < Module::kInstantiated)
    return rt_throw_error("cannot get namespace, module has not been instantiated");
  return W(m->GetModuleNamespace());
}

int rt_vmmod_status(rt_val wrap) {
  VmModule *r = Of(wrap);
  return r ? (int)r->mod.Get(iso)->GetStatus() : -1;
}

rt_val rt_vmmod_error(rt_val wrap) {
  VmModule *r = Need(wrap);
  if (!r) return nullptr;
  Local<Module> m = r->mod.Get(iso);
  if (m->GetStatus() != Module::kErrored) return rt_undefined();
  return W(m->GetException());
}

rt_val rt_vmmod_identifier(rt_val wrap) {
  VmModule *r = Need(wrap);
  if (!r) return nullptr;
  return W(r->identifier.Get(iso));
}

bool rt_vmmod_set_export(rt_val wrap, rt_val name, rt_val value) {
  VmModule *r = Need(wrap);
  if (!r) return false;
  Local<Module> m = r->mod.Get(iso);
  if (!m->IsSyntheticModule()) {
    rt_throw_type_error("not a synthetic module");
    return false;
  }
  return m->SetSyntheticModuleExport(iso, L(name).As<String>(), L(value)).FromMaybe(false);
}

void *rt_vmmod_code_cache(rt_val wrap, size_t *len) {
  VmModule *r = Need(wrap);
  if (!r) return nullptr;
  Local<Module> m = r->mod.Get(iso);
  if (!m->IsSourceTextModule()) {
    rt_throw_type_error("not a source text module");
    return nullptr;
  }
  ScriptCompiler::CachedData *cd = ScriptCompiler::CreateCodeCache(m->GetUnboundModuleScript());
  if (!cd) {
    *len = 0;
    void *p = malloc(1);
    if (!p) abort();
    return p;
  }
  void *p = malloc((size_t)cd->length ? (size_t)cd->length : 1);
  if (!p) abort();
  memcpy(p, cd->data, (size_t)cd->length);
  *len = (size_t)cd->length;
  delete cd;
  return p;
}

static void UntrackedMeta(Local<Context>, Local<Module> m, Local<Object> meta) {
  VmModule *r = Find(m);
  if (r && meta_fn) meta_fn(W(r->wrap.Get(iso)), W(meta));
}

void rt_vmmod_on_import_meta(rt_vmmod_meta_fn fn) {
  meta_fn = fn;
  rt__module_on_untracked_meta(UntrackedMeta);
}

void rt_vmmod_on_dynamic_import(rt_vmmod_import_fn fn) {
  import_fn = fn;
  rt__module_on_vm_import(VmImport);
}

}  // extern "C"
