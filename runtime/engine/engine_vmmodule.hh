// engine_vmmodule.hh — the one C++-only link between the loader's module
// code (engine_module.cc) and vm modules (engine_vmmodule.cc): V8 has a
// single import.meta callback per isolate, owned by the loader; modules it
// does not track (vm.SourceTextModule records) are handed to the hook set
// here.  Never included from C.
#ifndef DEVRUN_RT_ENGINE_VMMODULE_HH
#define DEVRUN_RT_ENGINE_VMMODULE_HH

#include <v8.h>

using rt__untracked_meta_fn = void (*)(v8::Local<v8::Context>, v8::Local<v8::Module>,
                                       v8::Local<v8::Object>);
// Implemented in engine_module.cc.
void rt__module_on_untracked_meta(rt__untracked_meta_fn fn);

#endif
