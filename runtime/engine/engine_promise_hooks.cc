// engine_promise_hooks.cc — continuation-preserved embedder data and promise
// hooks on the main context (see engine_promise_hooks.h).
#include "engine_internal.hh"
#include "engine_promise_hooks.h"

using namespace v8;
using rt::iso;

static Local<Context> Ctx() {
  return rt::ctx.Get(iso);
}

rt_val rt_continuation_data_get(void) {
  return W(Ctx()->GetContinuationPreservedEmbedderData());
}

void rt_continuation_data_set(rt_val v) {
  Ctx()->SetContinuationPreservedEmbedderData(L(v));
}

static Local<Function> FnOrEmpty(rt_val v) {
  Local<Value> l = L(v);
  return l->IsFunction() ? l.As<Function>() : Local<Function>();
}

void rt_promise_hooks_set(rt_val init, rt_val before, rt_val after, rt_val resolve) {
  Ctx()->SetPromiseHooks(FnOrEmpty(init), FnOrEmpty(before), FnOrEmpty(after), FnOrEmpty(resolve));
}
