// engine_clone.cc — structured clone of messages between isolates
// (runtime/engine/engine_clone.h).
//
// A message is ValueSerializer's bytes plus what the bytes refer to by index:
// transferred ArrayBuffers' backing stores (kTransfer...), SharedArrayBuffers'
// backing stores (shared, not copied) and transferred native ports, written
// as host objects.  BackingStores are reference-counted by V8
// (std::shared_ptr) and outlive the isolate that made them, which is what
// lets a message made on one thread be read on another.
#include "engine_clone.h"

#include <cstdlib>
#include <memory>
#include <vector>

#include "engine_internal.hh"

using namespace v8;
using rt::iso;

struct rt_msg {
  uint8_t *data = nullptr;
  size_t len = 0;
  std::vector<std::shared_ptr<BackingStore>> transferred;
  std::vector<std::shared_ptr<BackingStore>> shared;
  std::vector<void *> ports;
  size_t ports_taken = 0;  // ports[0..ports_taken) now belong to MessagePort objects
  Global<Array> port_objects;
};

static void *(*port_of_hook)(rt_val);
static rt_val (*port_wrap_hook)(void *);
static void (*port_release_hook)(void *);

void rt_msg_set_port_hooks(void *(*port_of)(rt_val), rt_val (*port_wrap)(void *),
                           void (*port_release)(void *)) {
  port_of_hook = port_of;
  port_wrap_hook = port_wrap;
  port_release_hook = port_release;
}

static void throw_clone_error(Local<String> message) {
  Local<Context> c = iso->GetCurrentContext();
  Local<Value> ctor;
  if (c->Global()->Get(c, String::NewFromUtf8Literal(iso, "DOMException")).ToLocal(&ctor) &&
      ctor->IsFunction()) {
    Local<Value> args[2] = {message, String::NewFromUtf8Literal(iso, "DataCloneError")};
    Local<Object> e;
    if (ctor.As<Function>()->NewInstance(c, 2, args).ToLocal(&e)) {
      iso->ThrowException(e);
      return;
    }
    return;  // the constructor threw: that exception is pending
  }
  iso->ThrowException(Exception::Error(message));
}

static void throw_coded_type_error(const char *code, const char *msg) {
  Local<Context> c = iso->GetCurrentContext();
  Local<Value> e = Exception::TypeError(String::NewFromUtf8(iso, msg).ToLocalChecked());
  (void)e.As<Object>()->Set(c, String::NewFromUtf8Literal(iso, "code"),
                            String::NewFromUtf8(iso, code).ToLocalChecked());
  iso->ThrowException(e);
}

namespace {
class MsgSerializer : public ValueSerializer::Delegate {
 public:
  explicit MsgSerializer(rt_msg *m) : m_(m) {}
  void ThrowDataCloneError(Local<String> message) override { throw_clone_error(message); }
  Maybe<uint32_t> GetSharedArrayBufferId(Isolate *, Local<SharedArrayBuffer> sab) override {
    for (size_t i = 0; i < sabs_.size(); i++)
      if (sabs_[i] == sab) return Just<uint32_t>((uint32_t)i);
    sabs_.push_back(sab);
    m_->shared.push_back(sab->GetBackingStore());
    return Just<uint32_t>((uint32_t)(sabs_.size() - 1));
  }
  Maybe<bool> WriteHostObject(Isolate *, Local<Object> object) override {
    void *port = port_of_hook ? port_of_hook(W(object)) : nullptr;
    if (port) {
      for (size_t i = 0; i < m_->ports.size(); i++) {
        if (m_->ports[i] == port) {
          ser_->WriteUint32((uint32_t)i);
          return Just(true);
        }
      }
      throw_coded_type_error("ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST",
                             "Object that needs transfer was found in message but not listed "
                             "in transferList");
      return Nothing<bool>();
    }
    Local<String> name = object->GetConstructorName();
    Local<String> msg =
        String::Concat(iso, name, String::NewFromUtf8Literal(iso, " object could not be cloned."));
    throw_clone_error(msg);
    return Nothing<bool>();
  }
  void set_serializer(ValueSerializer *s) { ser_ = s; }

 private:
  rt_msg *m_;
  ValueSerializer *ser_ = nullptr;
  std::vector<Local<SharedArrayBuffer>> sabs_;
};

class MsgDeserializer : public ValueDeserializer::Delegate {
 public:
  explicit MsgDeserializer(rt_msg *m, std::vector<Local<Value>> *ports) : m_(m), ports_(ports) {}
  MaybeLocal<SharedArrayBuffer> GetSharedArrayBufferFromId(Isolate *, uint32_t id) override {
    if (id >= m_->shared.size()) return MaybeLocal<SharedArrayBuffer>();
    return SharedArrayBuffer::New(iso, m_->shared[id]);
  }
  MaybeLocal<Object> ReadHostObject(Isolate *) override {
    uint32_t i;
    if (!des_->ReadUint32(&i) || i >= ports_->size()) {
      iso->ThrowException(Exception::Error(String::NewFromUtf8Literal(iso, "bad message")));
      return MaybeLocal<Object>();
    }
    return (*ports_)[i].As<Object>();
  }
  void set_deserializer(ValueDeserializer *d) { des_ = d; }

 private:
  rt_msg *m_;
  std::vector<Local<Value>> *ports_;
  ValueDeserializer *des_ = nullptr;
};
}  // namespace

rt_msg *rt_msg_serialize(rt_val value, rt_val transfer) {
  Local<Context> c = iso->GetCurrentContext();
  auto *m = new rt_msg();
  std::vector<Local<ArrayBuffer>> abs;
  MsgSerializer d(m);
  ValueSerializer ser(iso, &d);
  d.set_serializer(&ser);
  if (transfer && L(transfer)->IsArray()) {
    Local<Array> t = L(transfer).As<Array>();
    for (uint32_t i = 0; i < t->Length(); i++) {
      Local<Value> v;
      if (!t->Get(c, i).ToLocal(&v)) {
        m->ports.clear();  // not taken: the caller still owns them
        rt_msg_free(m);
        return nullptr;
      }
      if (v->IsArrayBuffer()) {
        Local<ArrayBuffer> ab = v.As<ArrayBuffer>();
        for (auto &o : abs) {
          if (o == ab) {
            throw_clone_error(
                String::NewFromUtf8Literal(iso, "Transfer list contains duplicate ArrayBuffer"));
            m->ports.clear();
            rt_msg_free(m);
            return nullptr;
          }
        }
        if (!ab->IsDetachable()) {
          throw_clone_error(String::NewFromUtf8Literal(iso, "An ArrayBuffer is detached and could not be cloned."));
          m->ports.clear();
          rt_msg_free(m);
          return nullptr;
        }
        ser.TransferArrayBuffer((uint32_t)abs.size(), ab);
        abs.push_back(ab);
        continue;
      }
      void *port = v->IsObject() && port_of_hook ? port_of_hook(W(v)) : nullptr;
      if (port) {
        bool dup = false;
        for (void *p : m->ports) dup = dup || p == port;
        if (dup) {
          throw_clone_error(
              String::NewFromUtf8Literal(iso, "Transfer list contains duplicate MessagePort"));
          m->ports.clear();
          rt_msg_free(m);
          return nullptr;
        }
        m->ports.push_back(port);
        continue;
      }
      throw_coded_type_error("ERR_INVALID_TRANSFER_OBJECT", "Found invalid object in transferList");
      m->ports.clear();
      rt_msg_free(m);
      return nullptr;
    }
  }
  ser.WriteHeader();
  if (!ser.WriteValue(c, L(value)).FromMaybe(false)) {
    m->ports.clear();  // not taken: the caller still owns them
    rt_msg_free(m);
    return nullptr;
  }
  std::pair<uint8_t *, size_t> r = ser.Release();
  m->data = r.first;
  m->len = r.second;
  for (auto &ab : abs) {
    if (ab->ByteLength() == 0 && ab->WasDetached()) {
      m->transferred.push_back(ArrayBuffer::NewBackingStore(iso, 0));
      continue;
    }
    m->transferred.push_back(ab->GetBackingStore());
    ab->Detach();
  }
  return m;
}

size_t rt_msg_port_count(const rt_msg *m) { return m->ports.size(); }
void *rt_msg_port(const rt_msg *m, size_t i) { return m->ports[i]; }

rt_val rt_msg_throw_clone_error(const char *message) {
  throw_clone_error(String::NewFromUtf8(iso, message).ToLocalChecked());
  return nullptr;
}

static rt_val deserialize(rt_msg *m);

rt_val rt_msg_deserialize(rt_msg *m, rt_val *exception) {
  if (!exception) return deserialize(m);
  TryCatch tc(iso);
  rt_val r = deserialize(m);
  if (!r) *exception = tc.HasCaught() && !tc.HasTerminated() ? W(tc.Exception()) : nullptr;
  return r;
}

static rt_val deserialize(rt_msg *m) {
  EscapableHandleScope hs(iso);
  Local<Context> c = iso->GetCurrentContext();
  std::vector<Local<Value>> ports;
  if (!m->ports.empty()) {  // most messages carry no ports: no array, no handle
    Local<Array> arr = Array::New(iso, (int)m->ports.size());
    for (size_t i = m->ports_taken; i < m->ports.size(); i++) {
      rt_val p = port_wrap_hook ? port_wrap_hook(m->ports[i]) : nullptr;
      if (!p) return nullptr;
      m->ports_taken = i + 1;
      ports.push_back(L(p));
      (void)arr->Set(c, (uint32_t)i, L(p));
    }
    m->port_objects.Reset(iso, arr);
  }
  MsgDeserializer d(m, &ports);
  ValueDeserializer des(iso, m->data, m->len, &d);
  d.set_deserializer(&des);
  for (size_t i = 0; i < m->transferred.size(); i++)
    des.TransferArrayBuffer((uint32_t)i, ArrayBuffer::New(iso, m->transferred[i]));
  if (!des.ReadHeader(c).FromMaybe(false)) return nullptr;
  Local<Value> r;
  if (!des.ReadValue(c).ToLocal(&r)) return nullptr;
  return W(hs.Escape(r));
}

rt_val rt_msg_ports_array(rt_msg *m) {
  if (m->port_objects.IsEmpty()) return nullptr;
  return W(m->port_objects.Get(iso));
}

void rt_msg_free(rt_msg *m) {
  if (!m) return;
  for (size_t i = m->ports_taken; i < m->ports.size(); i++)
    if (port_release_hook) port_release_hook(m->ports[i]);
  m->port_objects.Reset();
  free(m->data);  // ValueSerializer's default delegate allocates with realloc
  delete m;
}
