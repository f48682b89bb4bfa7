/* engine_promise_hooks.h — the engine layer's C API for async context
 * (async_hooks, AsyncLocalStorage): V8's continuation-preserved embedder
 * data, which V8 captures when a promise reaction is created and restores
 * while the reaction runs, and V8's JavaScript promise hooks.  Implemented
 * in engine_promise_hooks.cc; used by src/binding_async_context.c.
 */
#ifndef DEVRUN_RT_ENGINE_PROMISE_HOOKS_H
#define DEVRUN_RT_ENGINE_PROMISE_HOOKS_H

#include "engine.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The main context's continuation-preserved data (undefined if unset). */
rt_val rt_continuation_data_get(void);
void rt_continuation_data_set(rt_val v);
/* Context::SetPromiseHooks on the main context; each argument is a function
 * or undefined (no hook). */
void rt_promise_hooks_set(rt_val init, rt_val before, rt_val after, rt_val resolve);

#ifdef __cplusplus
}
#endif
#endif
