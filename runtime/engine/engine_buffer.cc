// engine_buffer.cc — ArrayBuffers and external one-byte strings over memory
// with a caller-supplied release function (engine_buffer.h).
#include "engine_buffer.h"

#include "engine_internal.hh"

using namespace v8;
using rt::iso;

namespace {
class ReleasedOneByte : public String::ExternalOneByteStringResource {
 public:
  // V8 is told about the memory (as Node does for its external strings),
  // so that it weighs it when deciding to collect.
  ReleasedOneByte(Isolate *isolate, char *data, size_t len, rt_release_fn release, void *ctx)
      : isolate_(isolate), data_(data), len_(len), release_(release), ctx_(ctx) {
    isolate_->AdjustAmountOfExternalAllocatedMemory((int64_t)len_);
  }
  ~ReleasedOneByte() override {
    release_(data_, len_, ctx_);
    isolate_->AdjustAmountOfExternalAllocatedMemory(-(int64_t)len_);
  }
  const char *data() const override { return data_; }
  size_t length() const override { return len_; }

 private:
  Isolate *isolate_;
  char *data_;
  size_t len_;
  rt_release_fn release_;
  void *ctx_;
};
}  // namespace

extern "C" {

rt_val rt_array_buffer_take_fn(void *data, size_t len, rt_release_fn release, void *ctx) {
  std::unique_ptr<BackingStore> bs = ArrayBuffer::NewBackingStore(data, len, release, ctx);
  return W(ArrayBuffer::New(iso, std::move(bs)));
}

rt_val rt_string_external_latin1_fn(char *data, size_t len, rt_release_fn release, void *ctx) {
  if (len > (size_t)String::kMaxLength) {
    release(data, len, ctx);
    return rt_throw_error("Cannot create a string longer than 0x%x characters", String::kMaxLength);
  }
  ReleasedOneByte *res = new ReleasedOneByte(iso, data, len, release, ctx);
  Local<String> s;
  if (!String::NewExternalOneByte(iso, res).ToLocal(&s)) {
    delete res;
    return nullptr;
  }
  return W(s);
}

void rt_array_buffer_gc_check(void) {
  // A one-byte allocation through the isolate's allocator goes through
  // Heap::AllocateExternalBackingStore, which makes the check.
  std::unique_ptr<BackingStore> bs = ArrayBuffer::NewBackingStore(iso, 1);
}

int64_t rt_int_fast(rt_val v) {
  Local<Value> x = L(v);
  if (x->IsInt32()) return x.As<Int32>()->Value();
  return rt_to_int64(v);
}

uint8_t *rt_u8_data(rt_val view, size_t *len) {
  Local<Value> x = L(view);
  if (!x->IsArrayBufferView()) {
    // Not a view (Buffer.prototype.toString.call(arrayBuffer or {})):
    // an ArrayBuffer's bytes, else none — never an unchecked cast.
    if (x->IsArrayBuffer() || x->IsSharedArrayBuffer()) return static_cast<uint8_t *>(rt_view_data(view, len));
    *len = 0;
    return nullptr;
  }
  Local<ArrayBufferView> u = x.As<ArrayBufferView>();
  size_t n = u->ByteLength();
  *len = n;
  if (n == 0) return nullptr;
  return static_cast<uint8_t *>(u->Buffer()->Data()) + u->ByteOffset();
}

}  // extern "C"
