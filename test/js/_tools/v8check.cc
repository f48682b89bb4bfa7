// test/js/_tools/v8check.cc — parse JavaScript files with the V8 that devrun-js
// embeds (libnode108: V8 10.2), to keep the corpus free of newer syntax, and
// evaluate feature probes.  Built and driven by test/js/v8check.
//   v8check [-f v8flags] (-m module.mjs | -s script.js | -e expression)...
// Scripts are compiled inside the CommonJS wrapper; modules are only compiled
// (not linked).  Exit 1 if a file does not compile.
#include <libplatform/libplatform.h>
#include <v8.h>
#include <fstream>
#include <sstream>
#include <iostream>
#include <string>
using namespace v8;
static std::string slurp(const char* p) { std::ifstream f(p); std::stringstream s; s << f.rdbuf(); return s.str(); }
int main(int argc, char** argv) {
  if (argc > 2 && std::string(argv[1]) == "-f") { V8::SetFlagsFromString(argv[2]); argv += 2; argc -= 2; }
  auto platform = platform::NewDefaultPlatform();
  V8::InitializePlatform(platform.get());
  V8::Initialize();
  Isolate::CreateParams cp; cp.array_buffer_allocator = ArrayBuffer::Allocator::NewDefaultAllocator();
  Isolate* iso = Isolate::New(cp);
  int bad = 0;
  {
    Isolate::Scope is(iso); HandleScope hs(iso);
    Local<Context> ctx = Context::New(iso); Context::Scope cs(ctx);
    for (int i = 1; i + 1 < argc; i += 2) {
      std::string mode = argv[i], arg = argv[i + 1];
      TryCatch tc(iso);
      Local<String> name = String::NewFromUtf8(iso, arg.c_str()).ToLocalChecked();
      if (mode == "-e") {
        Local<Script> s;
        Local<Value> v;
        if (Script::Compile(ctx, String::NewFromUtf8(iso, arg.c_str()).ToLocalChecked()).ToLocal(&s) && s->Run(ctx).ToLocal(&v)) {
          String::Utf8Value u(iso, v); std::cout << arg << " => " << *u << "\n";
        } else { String::Utf8Value u(iso, tc.Exception()); std::cout << arg << " => THROWS " << *u << "\n"; }
        continue;
      }
      std::string code = slurp(arg.c_str());
      if (code.rfind("#!", 0) == 0) code = "//" + code;
      bool ok;
      if (mode == "-m") {
        ScriptOrigin origin(iso, name, 0, 0, false, -1, Local<Value>(), false, false, true);
        ScriptCompiler::Source src(String::NewFromUtf8(iso, code.c_str()).ToLocalChecked(), origin);
        Local<Module> m; ok = ScriptCompiler::CompileModule(iso, &src).ToLocal(&m);
      } else {
        std::string w = "(function (exports, require, module, __filename, __dirname) {" + code + "\n})";
        ScriptOrigin origin(iso, name);
        Local<Script> s; ok = Script::Compile(ctx, String::NewFromUtf8(iso, w.c_str()).ToLocalChecked(), &origin).ToLocal(&s);
      }
      if (!ok) { bad++; String::Utf8Value u(iso, tc.Exception()); std::cout << "SYNTAX " << arg << ": " << *u << " line " << tc.Message()->GetLineNumber(ctx).FromMaybe(-1) << "\n"; }
    }
    std::cout << "v8 " << V8::GetVersion() << ", " << bad << " file(s) failed\n";
  }
  return bad != 0;
}
