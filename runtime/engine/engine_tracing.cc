// engine_tracing.cc — trace events on V8's libplatform TracingController
// (see engine_tracing.h).  The controller, its buffer and the category
// references are per process (the platform is), so they live behind one
// mutex rather than per thread.
#include "engine_tracing.h"

#include <libplatform/libplatform.h>
#include <libplatform/v8-tracing.h>
#include <v8-platform.h>

#include <cerrno>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <string>

#include <unistd.h>
#include <uv.h>

using v8::platform::tracing::TraceBuffer;
using v8::platform::tracing::TraceConfig;
using v8::platform::tracing::TraceWriter;
using v8::platform::tracing::TracingController;

// V8's src/tracing/trace-event.h values (not in the public headers).
static const unsigned kFlagCopy = 1u << 0;
static const unsigned kFlagHasId = 1u << 1;
static const uint8_t kTypeConvertable = 8;

namespace {
// Our clock is uv_hrtime's, so JavaScript timestamps (performance.now) and
// V8's own events line up; libplatform's default is the same CLOCK_MONOTONIC.
class Controller : public TracingController {
 public:
  int64_t CurrentTimestampMicroseconds() override { return (int64_t)(uv_hrtime() / 1000); }
};

class JsonArg : public v8::ConvertableToTraceFormat {
 public:
  explicit JsonArg(const char *s) : json_(s) {}
  void AppendAsTraceFormat(std::string *out) const override { out->append(json_); }

 private:
  std::string json_;
};

std::mutex mu;                         // guards everything below
Controller *controller;                // owned by the platform
std::map<std::string, int> refs;       // category -> references
std::string pattern = "node_trace.${rotation}.log";
std::ofstream *out;                    // the file while recording
std::atomic<bool> recording{false};  // read without mu by the fast checks
bool stopped;
}  // namespace

v8::TracingController *rt__tracing_controller() {
  std::lock_guard<std::mutex> g(mu);
  if (!controller) {
    controller = new Controller();
    controller->Initialize(nullptr);
  }
  return controller;
}

static std::string replace_all(std::string s, const std::string &from, const std::string &to) {
  for (size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size()) s.replace(p, from.size(), to);
  return s;
}

static void split(const char *list, void (*fn)(const std::string &)) {
  std::string s(list ? list : "");
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(',', start);
    if (end == std::string::npos) end = s.size();
    std::string c = s.substr(start, end - start);
    size_t a = c.find_first_not_of(" \t"), b = c.find_last_not_of(" \t");
    if (a != std::string::npos) fn(c.substr(a, b - a + 1));
    start = end + 1;
  }
}

// Hands the controller a config with the referenced categories (mu held).
static void apply_config() {
  TraceConfig *config = new TraceConfig();
  for (auto &kv : refs)
    if (kv.second > 0) config->AddIncludedCategory(kv.first.c_str());
  controller->StartTracing(config);  // takes ownership; restarts with the new set
}

void rt_tracing_set_file_pattern(const char *p) {
  std::lock_guard<std::mutex> g(mu);
  pattern = p ? p : "node_trace.${rotation}.log";
}

int rt_tracing_enable(const char *categories) {
  rt__tracing_controller();
  std::lock_guard<std::mutex> g(mu);
  if (stopped) return 0;
  split(categories, [](const std::string &c) { refs[c]++; });
  if (!recording) {
    std::string path = replace_all(pattern, "${pid}", std::to_string((long)getpid()));
    path = replace_all(path, "${rotation}", "1");
    out = new std::ofstream(path, std::ios::out | std::ios::trunc);
    if (!out->is_open()) {
      int err = errno ? errno : EACCES;
      delete out;
      out = nullptr;
      split(categories, [](const std::string &c) { refs[c]--; });
      return -err;
    }
    TraceWriter *w = TraceWriter::CreateJSONTraceWriter(*out);
    controller->Initialize(TraceBuffer::CreateTraceBufferRingBuffer(TraceBuffer::kRingBufferChunks, w));
    recording = true;
  }
  apply_config();
  return 0;
}

void rt_tracing_disable(const char *categories) {
  std::lock_guard<std::mutex> g(mu);
  split(categories, [](const std::string &c) {
    auto it = refs.find(c);
    if (it != refs.end() && --it->second <= 0) refs.erase(it);
  });
  if (recording) apply_config();
}

char *rt_tracing_enabled_categories(void) {
  std::lock_guard<std::mutex> g(mu);
  std::string s;
  for (auto &kv : refs) {  // std::map: sorted and unique, as Node's set
    if (kv.second <= 0) continue;
    if (!s.empty()) s += ',';
    s += kv.first;
  }
  return strdup(s.c_str());
}

bool rt_tracing_category_enabled(const char *category) {
  if (!controller || !recording) return false;
  const uint8_t *flag = controller->GetCategoryGroupEnabled(category);
  return flag && *flag != 0;
}

int64_t rt_tracing_now_us(void) { return (int64_t)(uv_hrtime() / 1000); }

void rt_tracing_add_event(char phase, const char *category, const char *name, bool has_id,
                          uint64_t id, int64_t ts_us, const char *args_json) {
  if (!controller || !recording) return;
  const uint8_t *flag = controller->GetCategoryGroupEnabled(category);
  if (!flag || !*flag) return;
  std::lock_guard<std::mutex> g(mu);  // rt_tracing_stop may be freeing the buffer
  if (!recording) return;
  const char *arg_names[1] = {"data"};
  uint8_t arg_types[1] = {kTypeConvertable};
  uint64_t arg_values[1] = {0};
  std::unique_ptr<v8::ConvertableToTraceFormat> conv[1];
  int nargs = 0;
  if (args_json) {
    conv[0].reset(new JsonArg(args_json));
    nargs = 1;
  }
  unsigned flags = kFlagCopy | (has_id ? kFlagHasId : 0);
  if (ts_us < 0) ts_us = rt_tracing_now_us();
  controller->AddTraceEventWithTimestamp(phase, flag, name, nullptr, id, 0, nargs, arg_names, arg_types,
                                         arg_values, conv, flags, ts_us);
}

void rt_tracing_stop(void) {
  std::lock_guard<std::mutex> g(mu);
  if (!recording || stopped) return;
  stopped = true;
  recording = false;
  controller->StopTracing();  // flushes the buffer into the JSON writer
  controller->Initialize(nullptr);  // frees buffer and writer: the writer closes the JSON
  out->close();
  delete out;
  out = nullptr;
}
