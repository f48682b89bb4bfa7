// engine_serdes.cc — v8.Serializer / v8.Deserializer over V8's value
// serializer (see engine_serdes.h).  Each JS instance owns a context object
// in its internal field; the object is freed when the instance is collected.
//
//   Serializer: writeHeader(), writeValue(v) -> true, releaseBuffer() ->
//     ArrayBuffer, transferArrayBuffer(id, ab), writeUint32(n),
//     writeUint64(hi, lo), writeDouble(d), writeRawBytes(view),
//     _setTreatArrayBufferViewsAsHostObjects(bool)
//   Deserializer(view): readHeader() -> true, readValue(), readUint32(),
//     readUint64() -> [hi, lo], readDouble(), _readRawBytes(n) -> offset into
//     the view, getWireFormatVersion(), transferArrayBuffer(id, ab); sets
//     this.buffer = view.
#include <cstdlib>
#include <cstring>

#include "engine_internal.hh"
#include "engine_serdes.h"

using namespace v8;
using rt::iso;

namespace {

Local<String> Str(const char *s) {
  return String::NewFromUtf8(iso, s).ToLocalChecked();
}

void ThrowTypeError(const char *code, const char *msg) {
  Local<Value> e = Exception::TypeError(Str(msg));
  (void)e.As<Object>()->Set(iso->GetCurrentContext(), Str("code"), Str(code));
  iso->ThrowException(e);
}

// Calls this[name](args...) if it is a function; *found tells whether it was.
MaybeLocal<Value> CallHook(Local<Object> self, const char *name, int argc, Local<Value> *argv,
                           bool *found) {
  Local<Context> ctx = iso->GetCurrentContext();
  Local<Value> fn;
  *found = false;
  if (!self->Get(ctx, Str(name)).ToLocal(&fn)) return MaybeLocal<Value>();
  if (!fn->IsFunction()) return Undefined(iso);
  *found = true;
  return fn.As<Function>()->Call(ctx, self, argc, argv);
}

class SerCtx : public ValueSerializer::Delegate {
 public:
  explicit SerCtx(Local<Object> self) : ser_(iso, this) {
    self_.Reset(iso, self);
    self_.SetWeak(
        this, [](const WeakCallbackInfo<SerCtx> &i) { delete i.GetParameter(); },
        WeakCallbackType::kParameter);
  }
  Local<Object> self() {
    return self_.Get(iso);
  }

  void ThrowDataCloneError(Local<String> message) override {
    Local<Value> argv[1] = {message};
    bool found;
    Local<Value> err;
    if (!CallHook(self(), "_getDataCloneError", 1, argv, &found).ToLocal(&err)) return;
    if (!found || !err->IsObject()) err = Exception::Error(message);
    iso->ThrowException(err);
  }

  Maybe<bool> WriteHostObject(Isolate *isolate, Local<Object> object) override {
    Local<Value> argv[1] = {object};
    bool found;
    Local<Value> r;
    if (!CallHook(self(), "_writeHostObject", 1, argv, &found).ToLocal(&r)) return Nothing<bool>();
    if (!found) return ValueSerializer::Delegate::WriteHostObject(isolate, object);
    return Just(true);
  }

  Maybe<uint32_t> GetSharedArrayBufferId(Isolate *isolate, Local<SharedArrayBuffer> sab) override {
    Local<Value> argv[1] = {sab};
    bool found;
    Local<Value> r;
    if (!CallHook(self(), "_getSharedArrayBufferId", 1, argv, &found).ToLocal(&r))
      return Nothing<uint32_t>();
    if (!found) return ValueSerializer::Delegate::GetSharedArrayBufferId(isolate, sab);
    return r->Uint32Value(iso->GetCurrentContext());
  }

  ValueSerializer ser_;

 private:
  Global<Object> self_;
};

class DesCtx : public ValueDeserializer::Delegate {
 public:
  DesCtx(Local<Object> self, const uint8_t *data, size_t len)
      : data_(data), des_(iso, data, len, this) {
    self_.Reset(iso, self);
    self_.SetWeak(
        this, [](const WeakCallbackInfo<DesCtx> &i) { delete i.GetParameter(); },
        WeakCallbackType::kParameter);
  }
  Local<Object> self() {
    return self_.Get(iso);
  }

  MaybeLocal<Object> ReadHostObject(Isolate *isolate) override {
    // V8 forbids JavaScript while deserializing; the hook is JavaScript (as
    // in Node's node_serdes.cc).
    Isolate::AllowJavascriptExecutionScope allow_js(isolate);
    bool found;
    Local<Value> r;
    if (!CallHook(self(), "_readHostObject", 0, nullptr, &found).ToLocal(&r))
      return MaybeLocal<Object>();
    if (!found) return ValueDeserializer::Delegate::ReadHostObject(isolate);
    if (!r->IsObject()) {
      ThrowTypeError("ERR_INVALID_RETURN_VALUE", "readHostObject must return an object");
      return MaybeLocal<Object>();
    }
    return r.As<Object>();
  }

  const uint8_t *data_;
  ValueDeserializer des_;

 private:
  Global<Object> self_;
};

template <typename T>
T *Unwrap(const FunctionCallbackInfo<Value> &info) {
  Local<Object> self = info.This();
  if (self->InternalFieldCount() < 1) {
    ThrowTypeError("ERR_INVALID_THIS", "Illegal invocation");
    return nullptr;
  }
  T *p = static_cast<T *>(self->GetAlignedPointerFromInternalField(0));
  if (!p) ThrowTypeError("ERR_INVALID_THIS", "Illegal invocation");
  return p;
}

bool ViewData(Local<Value> v, const uint8_t **data, size_t *len) {
  if (!v->IsArrayBufferView()) return false;
  Local<ArrayBufferView> view = v.As<ArrayBufferView>();
  *len = view->ByteLength();
  *data = *len ? static_cast<const uint8_t *>(view->Buffer()->Data()) + view->ByteOffset()
               : reinterpret_cast<const uint8_t *>("");
  return true;
}

// ---- Serializer --------------------------------------------------------------

void SerNew(const FunctionCallbackInfo<Value> &info) {
  if (!info.IsConstructCall()) {
    ThrowTypeError("ERR_CONSTRUCT_CALL_REQUIRED",
                   "Class constructor Serializer cannot be invoked without 'new'");
    return;
  }
  SerCtx *c = new SerCtx(info.This());
  info.This()->SetAlignedPointerInInternalField(0, c);
}

void SerWriteHeader(const FunctionCallbackInfo<Value> &info) {
  if (SerCtx *c = Unwrap<SerCtx>(info)) c->ser_.WriteHeader();
}

void SerWriteValue(const FunctionCallbackInfo<Value> &info) {
  SerCtx *c = Unwrap<SerCtx>(info);
  if (!c) return;
  Maybe<bool> ok = c->ser_.WriteValue(iso->GetCurrentContext(), info[0]);
  if (ok.IsJust()) info.GetReturnValue().Set(ok.FromJust());
}

void SerRelease(const FunctionCallbackInfo<Value> &info) {
  SerCtx *c = Unwrap<SerCtx>(info);
  if (!c) return;
  std::pair<uint8_t *, size_t> r = c->ser_.Release();
  info.GetReturnValue().Set(
      L(rt_array_buffer_take(r.first ? r.first : (uint8_t *)malloc(1), r.second)));
}

void SerTransfer(const FunctionCallbackInfo<Value> &info) {
  SerCtx *c = Unwrap<SerCtx>(info);
  if (!c) return;
  uint32_t id = info[0]->Uint32Value(iso->GetCurrentContext()).FromMaybe(0);
  if (info[1]->IsArrayBuffer()) {
    c->ser_.TransferArrayBuffer(id, info[1].As<ArrayBuffer>());
    return;
  }
  ThrowTypeError("ERR_INVALID_ARG_TYPE", "arrayBuffer must be an ArrayBuffer");
}

void SerWriteUint32(const FunctionCallbackInfo<Value> &info) {
  SerCtx *c = Unwrap<SerCtx>(info);
  uint32_t v;
  if (c && info[0]->Uint32Value(iso->GetCurrentContext()).To(&v)) c->ser_.WriteUint32(v);
}

void SerWriteUint64(const FunctionCallbackInfo<Value> &info) {
  SerCtx *c = Unwrap<SerCtx>(info);
  uint32_t hi, lo;
  Local<Context> ctx = iso->GetCurrentContext();
  if (c && info[0]->Uint32Value(ctx).To(&hi) && info[1]->Uint32Value(ctx).To(&lo))
    c->ser_.WriteUint64((uint64_t)hi << 32 | lo);
}

void SerWriteDouble(const FunctionCallbackInfo<Value> &info) {
  SerCtx *c = Unwrap<SerCtx>(info);
  double d;
  if (c && info[0]->NumberValue(iso->GetCurrentContext()).To(&d)) c->ser_.WriteDouble(d);
}

void SerWriteRawBytes(const FunctionCallbackInfo<Value> &info) {
  SerCtx *c = Unwrap<SerCtx>(info);
  if (!c) return;
  const uint8_t *data;
  size_t len;
  if (!ViewData(info[0], &data, &len)) {
    ThrowTypeError("ERR_INVALID_ARG_TYPE", "source must be a TypedArray or a DataView");
    return;
  }
  c->ser_.WriteRawBytes(data, len);
}

void SerSetTreatViews(const FunctionCallbackInfo<Value> &info) {
  SerCtx *c = Unwrap<SerCtx>(info);
  if (c) c->ser_.SetTreatArrayBufferViewsAsHostObjects(info[0]->BooleanValue(iso));
}

// ---- Deserializer ------------------------------------------------------------

void DesNew(const FunctionCallbackInfo<Value> &info) {
  if (!info.IsConstructCall()) {
    ThrowTypeError("ERR_CONSTRUCT_CALL_REQUIRED",
                   "Class constructor Deserializer cannot be invoked without 'new'");
    return;
  }
  const uint8_t *data;
  size_t len;
  if (!ViewData(info[0], &data, &len)) {
    ThrowTypeError("ERR_INVALID_ARG_TYPE", "buffer must be a TypedArray or a DataView");
    return;
  }
  if (!info.This()->Set(iso->GetCurrentContext(), Str("buffer"), info[0]).FromMaybe(false)) return;
  DesCtx *c = new DesCtx(info.This(), data, len);
  info.This()->SetAlignedPointerInInternalField(0, c);
}

void DesReadHeader(const FunctionCallbackInfo<Value> &info) {
  DesCtx *c = Unwrap<DesCtx>(info);
  if (!c) return;
  Maybe<bool> ok = c->des_.ReadHeader(iso->GetCurrentContext());
  if (ok.IsJust()) info.GetReturnValue().Set(ok.FromJust());
}

void DesReadValue(const FunctionCallbackInfo<Value> &info) {
  DesCtx *c = Unwrap<DesCtx>(info);
  if (!c) return;
  Local<Value> v;
  if (c->des_.ReadValue(iso->GetCurrentContext()).ToLocal(&v)) info.GetReturnValue().Set(v);
}

void DesTransfer(const FunctionCallbackInfo<Value> &info) {
  DesCtx *c = Unwrap<DesCtx>(info);
  if (!c) return;
  uint32_t id = info[0]->Uint32Value(iso->GetCurrentContext()).FromMaybe(0);
  if (info[1]->IsArrayBuffer()) {
    c->des_.TransferArrayBuffer(id, info[1].As<ArrayBuffer>());
  } else if (info[1]->IsSharedArrayBuffer()) {
    c->des_.TransferSharedArrayBuffer(id, info[1].As<SharedArrayBuffer>());
  } else {
    ThrowTypeError("ERR_INVALID_ARG_TYPE",
                   "arrayBuffer must be an ArrayBuffer or SharedArrayBuffer");
  }
}

void DesVersion(const FunctionCallbackInfo<Value> &info) {
  if (DesCtx *c = Unwrap<DesCtx>(info)) info.GetReturnValue().Set(c->des_.GetWireFormatVersion());
}

void DesReadUint32(const FunctionCallbackInfo<Value> &info) {
  DesCtx *c = Unwrap<DesCtx>(info);
  uint32_t v;
  if (!c) return;
  if (!c->des_.ReadUint32(&v)) {
    iso->ThrowException(Exception::Error(Str("ReadUint32() failed")));
    return;
  }
  info.GetReturnValue().Set(v);
}

void DesReadUint64(const FunctionCallbackInfo<Value> &info) {
  DesCtx *c = Unwrap<DesCtx>(info);
  uint64_t v;
  if (!c) return;
  if (!c->des_.ReadUint64(&v)) {
    iso->ThrowException(Exception::Error(Str("ReadUint64() failed")));
    return;
  }
  Local<Value> parts[2] = {Integer::NewFromUnsigned(iso, (uint32_t)(v >> 32)),
                           Integer::NewFromUnsigned(iso, (uint32_t)v)};
  info.GetReturnValue().Set(Array::New(iso, parts, 2));
}

void DesReadDouble(const FunctionCallbackInfo<Value> &info) {
  DesCtx *c = Unwrap<DesCtx>(info);
  double d;
  if (!c) return;
  if (!c->des_.ReadDouble(&d)) {
    iso->ThrowException(Exception::Error(Str("ReadDouble() failed")));
    return;
  }
  info.GetReturnValue().Set(d);
}

void DesReadRawBytes(const FunctionCallbackInfo<Value> &info) {
  DesCtx *c = Unwrap<DesCtx>(info);
  if (!c) return;
  int64_t n = info[0]->IntegerValue(iso->GetCurrentContext()).FromMaybe(-1);
  const void *p;
  if (n < 0 || !c->des_.ReadRawBytes((size_t)n, &p)) {
    iso->ThrowException(Exception::Error(Str("ReadRawBytes() failed")));
    return;
  }
  info.GetReturnValue().Set((double)(static_cast<const uint8_t *>(p) - c->data_));
}

void Method(Local<FunctionTemplate> t, const char *name, FunctionCallback fn) {
  Local<FunctionTemplate> m = FunctionTemplate::New(iso, fn, Local<Value>(), Local<Signature>(), 0,
                                                    ConstructorBehavior::kThrow);
  t->PrototypeTemplate()->Set(Str(name), m);
}

}  // namespace

extern "C" void rt_serdes_install(rt_val target) {
  Local<Context> ctx = iso->GetCurrentContext();
  Local<FunctionTemplate> s = FunctionTemplate::New(iso, SerNew);
  s->SetClassName(Str("Serializer"));
  s->InstanceTemplate()->SetInternalFieldCount(1);
  Method(s, "writeHeader", SerWriteHeader);
  Method(s, "writeValue", SerWriteValue);
  Method(s, "releaseBuffer", SerRelease);
  Method(s, "transferArrayBuffer", SerTransfer);
  Method(s, "writeUint32", SerWriteUint32);
  Method(s, "writeUint64", SerWriteUint64);
  Method(s, "writeDouble", SerWriteDouble);
  Method(s, "writeRawBytes", SerWriteRawBytes);
  Method(s, "_setTreatArrayBufferViewsAsHostObjects", SerSetTreatViews);
  Local<FunctionTemplate> d = FunctionTemplate::New(iso, DesNew);
  d->SetClassName(Str("Deserializer"));
  d->InstanceTemplate()->SetInternalFieldCount(1);
  Method(d, "readHeader", DesReadHeader);
  Method(d, "readValue", DesReadValue);
  Method(d, "transferArrayBuffer", DesTransfer);
  Method(d, "getWireFormatVersion", DesVersion);
  Method(d, "readUint32", DesReadUint32);
  Method(d, "readUint64", DesReadUint64);
  Method(d, "readDouble", DesReadDouble);
  Method(d, "_readRawBytes", DesReadRawBytes);
  Local<Object> t = L(target).As<Object>();
  (void)t->Set(ctx, Str("Serializer"), s->GetFunction(ctx).ToLocalChecked());
  (void)t->Set(ctx, Str("Deserializer"), d->GetFunction(ctx).ToLocalChecked());
}
