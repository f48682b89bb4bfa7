/* engine_serdes.h — the engine layer's C API for v8.Serializer and
 * v8.Deserializer: V8's ValueSerializer/ValueDeserializer exposed as two JS
 * classes with Node's methods and delegate hooks (_writeHostObject,
 * _getDataCloneError, _getSharedArrayBufferId, _readHostObject looked up on
 * the instance, as Node's node_serdes.cc does).  Used by
 * src/binding_serdes.c; runtime/lib/v8.js builds Node's DefaultSerializer
 * (Buffers and typed arrays as host objects) on them. */
#ifndef DEVRUN_RT_ENGINE_SERDES_H
#define DEVRUN_RT_ENGINE_SERDES_H

#include "engine.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Sets target.Serializer and target.Deserializer. */
void rt_serdes_install(rt_val target);

#ifdef __cplusplus
}
#endif
#endif
