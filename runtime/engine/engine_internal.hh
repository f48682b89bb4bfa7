// engine_internal.hh — shared between the engine layer's .cc files (and the
// inspector's V8 glue, which is C++ by necessity).  Never included from C.
//
// rt_val <-> v8::Local<v8::Value>: a Local is exactly one pointer to a handle
// slot, so W() and L() are free reinterpretations.
#ifndef DEVRUN_RT_ENGINE_INTERNAL_HH
#define DEVRUN_RT_ENGINE_INTERNAL_HH

#include <cstring>

#include <v8.h>

#include "engine.h"

namespace rt {
// A v8::Global for thread_local storage that is never destroyed implicitly:
// a thread_local with a destructor has it run by exit() before the atexit
// handlers (the inspector's among them) that still need it.  Worker threads
// Reset theirs before their isolate goes; the main thread's simply stay.
template <class T>
class TlsGlobal {
 public:
  void Reset(v8::Isolate *i, v8::Local<T> v) { g().Reset(i, v); }
  void Reset() {
    if (p_) p_->Reset();
  }
  v8::Local<T> Get(v8::Isolate *i) const { return p_ ? p_->Get(i) : v8::Local<T>(); }
  bool IsEmpty() const { return !p_ || p_->IsEmpty(); }

 private:
  v8::Global<T> &g() {
    if (!p_) p_ = new v8::Global<T>();
    return *p_;
  }
  v8::Global<T> *p_ = nullptr;
};

extern thread_local v8::Isolate *iso;
extern thread_local TlsGlobal<v8::Context> ctx;
extern rt_uncaught_fn uncaught_fn;
extern rt_reject_fn reject_fn;
}  // namespace rt

template <typename T>
static inline rt_val W(v8::Local<T> v) {
  if (v.IsEmpty()) return nullptr;
  return reinterpret_cast<rt_val>(*v);
}

static inline v8::Local<v8::Value> L(rt_val v) {
  v8::Local<v8::Value> l;
  static_assert(sizeof l == sizeof v, "Local is one pointer");
  std::memcpy(static_cast<void *>(&l), &v, sizeof v);
  return l;
}

rt_val rt__message_info(v8::Local<v8::Message> msg);
void rt__report(v8::TryCatch &tc);
void rt__module_setup();
void rt__module_teardown();
void rt__vm_teardown();  // engine_vm.cc: per-isolate templates

extern "C" {
/* Runs pending platform tasks (V8's foreground tasks). */
void rt_pump_platform(void);
}

#endif
