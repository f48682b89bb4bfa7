// engine_vmmodule.hh — the C++-only link between the loader's module code
// (engine_module.cc) and vm modules (engine_vmmodule.cc): V8 has one
// import() callback and one import.meta callback per isolate, both owned by
// the loader; it hands what belongs to vm.SourceTextModule records to the
// hooks set here.  Never included from C.
#ifndef DEVRUN_RT_ENGINE_VMMODULE_HH
#define DEVRUN_RT_ENGINE_VMMODULE_HH

#include <v8.h>

using rt__untracked_meta_fn = void (*)(v8::Local<v8::Context>, v8::Local<v8::Module>,
                                       v8::Local<v8::Object>);
// Implemented in engine_module.cc.
void rt__module_on_untracked_meta(rt__untracked_meta_fn fn);

// import(): fn sees every dynamic import first; it returns true (with
// *promise set, or empty with an exception pending) for those it handles —
// the ones from vm modules — and false to leave the rest to the loader.
using rt__vm_import_fn = bool (*)(v8::Local<v8::Context>, v8::Local<v8::Data> host_defined_options,
                                  v8::Local<v8::String> specifier,
                                  v8::Local<v8::FixedArray> assertions,
                                  v8::MaybeLocal<v8::Promise> *promise);
// Implemented in engine_module.cc.
void rt__module_on_vm_import(rt__vm_import_fn fn);

#endif
