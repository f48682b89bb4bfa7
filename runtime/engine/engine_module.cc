// engine_module.cc — ES modules in the engine layer (see engine.h).
//
// An rt_module owns a v8::Module and the links from its requests to the
// modules they resolved to.  The loader (JavaScript, through the module_wrap
// binding) compiles, resolves and links every module of a graph first; V8's
// synchronous resolve callback then only looks links up.  import() and
// import.meta are forwarded to C callbacks installed by the runtime.
#include <string>
#include <unordered_map>
#include <vector>

#include "engine_internal.hh"
#include "engine_vmmodule.hh"

using namespace v8;
using rt::iso;

struct rt_module_s {
  Global<Module> mod;
  Global<Object> wrap;
  Global<Value> url;
  std::unordered_map<std::string, rt_module *> links;
  rt_synthetic_eval_fn eval = nullptr;
  void *eval_data = nullptr;
};

static thread_local std::unordered_multimap<int, rt_module *> *by_hash;
static thread_local rt_dynamic_import_fn dyn_import_fn;
static thread_local rt_import_meta_fn import_meta_fn;

static rt_module *find(Local<Module> m) {
  auto range = by_hash->equal_range(m->GetIdentityHash());
  for (auto it = range.first; it != range.second; ++it)
    if (it->second->mod == m) return it->second;
  return nullptr;
}

static rt_module *track(Local<Module> m, Local<Value> url) {
  rt_module *r = new rt_module_s();
  r->mod.Reset(iso, m);
  r->url.Reset(iso, url);
  by_hash->emplace(m->GetIdentityHash(), r);
  return r;
}

// import() in a vm.SourceTextModule (engine_vmmodule.cc) goes to that
// file's hook, which recognises the module by its host-defined options.
static thread_local rt__vm_import_fn vm_import_fn;
void rt__module_on_vm_import(rt__vm_import_fn fn) { vm_import_fn = fn; }

static MaybeLocal<Promise> dyn_import(Local<Context> c, Local<Data> options,
                                      Local<Value> resource_name, Local<String> specifier,
                                      Local<FixedArray> assertions) {
  MaybeLocal<Promise> vm_promise;
  if (vm_import_fn && vm_import_fn(c, options, specifier, assertions, &vm_promise))
    return vm_promise;
  Local<Object> asrt = Object::New(iso);
  for (int i = 0; i + 1 < assertions->Length(); i += 2) {
    (void)asrt->Set(c, assertions->Get(c, i).As<Value>(), assertions->Get(c, i + 1).As<Value>());
  }
  if (!dyn_import_fn) return MaybeLocal<Promise>();
  rt_val p = dyn_import_fn(W(resource_name), W(specifier), W(asrt));
  if (!p) return MaybeLocal<Promise>();
  return L(p).As<Promise>();
}

// import.meta of modules the loader does not track (vm.SourceTextModule,
// engine_vmmodule.cc) goes to that file's hook.
static thread_local rt__untracked_meta_fn untracked_meta_fn;
void rt__module_on_untracked_meta(rt__untracked_meta_fn fn) { untracked_meta_fn = fn; }

static void import_meta(Local<Context> c, Local<Module> m, Local<Object> meta) {
  rt_module *r = find(m);
  if (r && import_meta_fn) import_meta_fn(r, W(meta));
  else if (!r && untracked_meta_fn) untracked_meta_fn(c, m, meta);
}

void rt__module_setup() {
  by_hash = new std::unordered_multimap<int, rt_module *>();
  iso->SetHostImportModuleDynamicallyCallback(dyn_import);
  iso->SetHostInitializeImportMetaObjectCallback(import_meta);
}

void rt__module_teardown() {
  for (auto &kv : *by_hash) {
    kv.second->mod.Reset();
    kv.second->wrap.Reset();
    kv.second->url.Reset();
    delete kv.second;
  }
  delete by_hash;
  by_hash = nullptr;
}

void rt_engine_on_dynamic_import(rt_dynamic_import_fn fn) { dyn_import_fn = fn; }
void rt_engine_on_import_meta(rt_import_meta_fn fn) { import_meta_fn = fn; }

// Keeps where an error was thrown (the import statement, the syntax error)
// on the exception itself, so that JavaScript may catch and rethrow it and
// the fatal-exception printer still shows the original source line.
static void remember_arrow(TryCatch &tc) {
  Local<Value> ex = tc.Exception();
  if (!ex.IsEmpty() && ex->IsObject() && !tc.Message().IsEmpty())
    rt_set_private(W(ex), "arrowInfo", rt__message_info(tc.Message()));
  tc.ReThrow();
}

rt_module *rt_module_compile(rt_val source, rt_val url) {
  ScriptOrigin origin(iso, L(url), 0, 0, false, -1, Local<Value>(), false, false, true);
  ScriptCompiler::Source src(L(source).As<String>(), origin);
  Local<Module> m;
  TryCatch tc(iso);
  if (!ScriptCompiler::CompileModule(iso, &src).ToLocal(&m)) {
    remember_arrow(tc);
    return nullptr;
  }
  return track(m, L(url));
}

static MaybeLocal<Value> synthetic_steps(Local<Context> c, Local<Module> m) {
  rt_module *r = find(m);
  if (r && r->eval) r->eval(r, r->eval_data);
  Local<Promise::Resolver> res;
  if (!Promise::Resolver::New(c).ToLocal(&res)) return MaybeLocal<Value>();
  (void)res->Resolve(c, Undefined(iso));
  return res->GetPromise();
}

rt_module *rt_module_synthetic(rt_val url, rt_val export_names, rt_synthetic_eval_fn eval,
                               void *data) {
  Local<Array> names = L(export_names).As<Array>();
  std::vector<Local<String>> v;
  Local<Context> c = iso->GetCurrentContext();
  for (uint32_t i = 0; i < names->Length(); i++)
    v.push_back(names->Get(c, i).ToLocalChecked().As<String>());
  Local<Module> m = Module::CreateSyntheticModule(iso, L(url).As<String>(), v, synthetic_steps);
  rt_module *r = track(m, L(url));
  r->eval = eval;
  r->eval_data = data;
  return r;
}

bool rt_module_set_export(rt_module *m, rt_val name, rt_val value) {
  return Local<Module>::New(iso, m->mod)
      ->SetSyntheticModuleExport(iso, L(name).As<String>(), L(value))
      .FromMaybe(false);
}

rt_val rt_module_requests(rt_module *m) {
  Local<Context> c = iso->GetCurrentContext();
  Local<FixedArray> reqs = Local<Module>::New(iso, m->mod)->GetModuleRequests();
  Local<Array> out = Array::New(iso, reqs->Length());
  for (int i = 0; i < reqs->Length(); i++) {
    Local<ModuleRequest> rq = reqs->Get(c, i).As<ModuleRequest>();
    Local<Object> o = Object::New(iso);
    (void)o->Set(c, String::NewFromUtf8Literal(iso, "specifier"), rq->GetSpecifier());
    Local<Object> asrt = Object::New(iso);
    Local<FixedArray> a = rq->GetImportAssertions();
    for (int j = 0; j + 2 < a->Length() + 1 && j + 1 < a->Length(); j += 3)
      (void)asrt->Set(c, a->Get(c, j).As<Value>(), a->Get(c, j + 1).As<Value>());
    (void)o->Set(c, String::NewFromUtf8Literal(iso, "assert"), asrt);
    (void)out->Set(c, (uint32_t)i, o);
  }
  return W(out);
}

void rt_module_link(rt_module *m, int i, rt_module *dep) {
  Local<Context> c = iso->GetCurrentContext();
  Local<FixedArray> reqs = Local<Module>::New(iso, m->mod)->GetModuleRequests();
  Local<ModuleRequest> rq = reqs->Get(c, i).As<ModuleRequest>();
  String::Utf8Value spec(iso, rq->GetSpecifier());
  m->links[std::string(*spec, spec.length())] = dep;
}

static MaybeLocal<Module> resolve_cb(Local<Context>, Local<String> specifier, Local<FixedArray>,
                                     Local<Module> referrer) {
  rt_module *r = find(referrer);
  String::Utf8Value spec(iso, specifier);
  if (r) {
    auto it = r->links.find(std::string(*spec, spec.length()));
    if (it != r->links.end()) return Local<Module>::New(iso, it->second->mod);
  }
  std::string msg = std::string("Cannot resolve module '") + *spec + "'";
  iso->ThrowException(Exception::Error(String::NewFromUtf8(iso, msg.c_str()).ToLocalChecked()));
  return MaybeLocal<Module>();
}

bool rt_module_instantiate(rt_module *m) {
  TryCatch tc(iso);
  bool ok = Local<Module>::New(iso, m->mod)
                ->InstantiateModule(iso->GetCurrentContext(), resolve_cb)
                .FromMaybe(false);
  if (!ok && tc.HasCaught()) remember_arrow(tc);
  return ok;
}

rt_val rt_module_evaluate(rt_module *m) {
  Local<Value> r;
  if (!Local<Module>::New(iso, m->mod)->Evaluate(iso->GetCurrentContext()).ToLocal(&r))
    return nullptr;
  return W(r);
}

rt_val rt_module_namespace(rt_module *m) {
  return W(Local<Module>::New(iso, m->mod)->GetModuleNamespace());
}
bool rt_module_is_graph_async(rt_module *m) {
  return Local<Module>::New(iso, m->mod)->IsGraphAsync();
}
int rt_module_status(rt_module *m) { return (int)Local<Module>::New(iso, m->mod)->GetStatus(); }
rt_val rt_module_exception(rt_module *m) {
  return W(Local<Module>::New(iso, m->mod)->GetException());
}
rt_val rt_module_url(rt_module *m) { return W(Local<Value>::New(iso, m->url)); }

rt_val rt_module_wrap(rt_module *m) {
  if (!m->wrap.IsEmpty()) return W(Local<Object>::New(iso, m->wrap));
  rt_val o = rt_object_with_slots();
  rt_object_set_ptr(o, m);
  m->wrap.Reset(iso, L(o).As<Object>());
  return o;
}

rt_module *rt_module_from_wrap(rt_val v) {
  if (!v || !L(v)->IsObject()) return nullptr;
  if (L(v).As<Object>()->InternalFieldCount() < 1) return nullptr;
  return static_cast<rt_module *>(rt_object_get_ptr(v));
}
