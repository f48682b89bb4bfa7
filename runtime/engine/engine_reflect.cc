// engine_reflect.cc — reflection the runtime needs for util.inspect and
// util.types (value kinds, proxies, collection previews, constructor names),
// and structured clone on V8's ValueSerializer.  Part of the engine layer.
#include <cstdlib>
#include <cstring>

#include "engine_internal.hh"

using namespace v8;
using rt::iso;

bool rt_is_kind(rt_val v, rt_kind k) {
  Local<Value> x = L(v);
  switch (k) {
#define XX(name) \
  case RT_KIND_##name: return x->Is##name();
    RT_VALUE_KINDS(XX)
#undef XX
    default: return false;
  }
}

rt_val rt_proxy_target(rt_val v) {
  if (!L(v)->IsProxy()) return nullptr;
  return W(L(v).As<Proxy>()->GetTarget());
}
rt_val rt_proxy_handler(rt_val v) {
  if (!L(v)->IsProxy()) return nullptr;
  return W(L(v).As<Proxy>()->GetHandler());
}

rt_val rt_preview_entries(rt_val obj, bool *is_key_value) {
  Local<Array> entries;
  bool kv = false;
  if (!L(obj)->IsObject() || !L(obj).As<Object>()->PreviewEntries(&kv).ToLocal(&entries))
    return nullptr;
  if (is_key_value) *is_key_value = kv;
  return W(entries);
}

rt_val rt_own_non_index_properties(rt_val obj, bool only_enumerable) {
  Local<Array> keys;
  PropertyFilter f = only_enumerable ? static_cast<PropertyFilter>(ONLY_ENUMERABLE)
                                     : ALL_PROPERTIES;
  if (!L(obj)
           .As<Object>()
           ->GetPropertyNames(iso->GetCurrentContext(), KeyCollectionMode::kOwnOnly, f,
                              IndexFilter::kSkipIndices, KeyConversionMode::kNoNumbers)
           .ToLocal(&keys))
    return nullptr;
  return W(keys);
}

rt_val rt_constructor_name(rt_val obj) { return W(L(obj).As<Object>()->GetConstructorName()); }

namespace {
class SerDelegate : public ValueSerializer::Delegate {
 public:
  void ThrowDataCloneError(Local<String> message) override {
    Local<Context> c = iso->GetCurrentContext();
    Local<Value> ctor;
    Local<Value> err;
    // DOMException [DataCloneError] when the runtime has installed it.
    if (c->Global()->Get(c, String::NewFromUtf8Literal(iso, "DOMException")).ToLocal(&ctor) &&
        ctor->IsFunction()) {
      Local<Value> args[2] = {message, String::NewFromUtf8Literal(iso, "DataCloneError")};
      Local<Object> e;
      if (ctor.As<Function>()->NewInstance(c, 2, args).ToLocal(&e)) {
        iso->ThrowException(e);
        return;
      }
    }
    err = Exception::Error(message);
    iso->ThrowException(err);
  }
};
}  // namespace

void *rt_serialize(rt_val v, size_t *len) {
  SerDelegate d;
  ValueSerializer ser(iso, &d);
  ser.WriteHeader();
  if (!ser.WriteValue(iso->GetCurrentContext(), L(v)).FromMaybe(false)) return nullptr;
  std::pair<uint8_t *, size_t> r = ser.Release();
  *len = r.second;
  return r.first;  // allocated with realloc by the default delegate
}

rt_val rt_deserialize(const void *data, size_t len) {
  ValueDeserializer des(iso, static_cast<const uint8_t *>(data), len);
  Local<Context> c = iso->GetCurrentContext();
  if (!des.ReadHeader(c).FromMaybe(false)) return nullptr;
  Local<Value> r;
  if (!des.ReadValue(c).ToLocal(&r)) return nullptr;
  return W(r);
}

rt_val rt_structured_clone(rt_val v) {
  size_t n = 0;
  void *p = rt_serialize(v, &n);
  if (!p) return nullptr;
  rt_val r = rt_deserialize(p, n);
  free(p);
  return r;
}

rt_val rt_run_in_new_context(rt_val source, rt_val name, rt_val sandbox) {
  EscapableHandleScope hs(iso);
  Local<Context> nc = Context::New(iso);
  nc->SetSecurityToken(iso->GetCurrentContext()->GetSecurityToken());
  Context::Scope cs(nc);
  if (sandbox && L(sandbox)->IsObject()) {
    Local<Object> sb = L(sandbox).As<Object>();
    Local<Array> keys;
    if (sb->GetOwnPropertyNames(nc).ToLocal(&keys)) {
      for (uint32_t i = 0; i < keys->Length(); i++) {
        Local<Value> k = keys->Get(nc, i).ToLocalChecked();
        (void)nc->Global()->Set(nc, k, sb->Get(nc, k).ToLocalChecked());
      }
    }
  }
  ScriptOrigin origin(iso, L(name));
  ScriptCompiler::Source src(L(source).As<String>(), origin);
  Local<Script> script;
  if (!ScriptCompiler::Compile(nc, &src).ToLocal(&script)) return nullptr;
  Local<Value> r;
  if (!script->Run(nc).ToLocal(&r)) return nullptr;
  return W(hs.Escape(r));
}
