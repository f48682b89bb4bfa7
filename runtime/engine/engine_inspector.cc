// engine_inspector.cc — V8's inspector behind a C API (engine_inspector.h):
// the V8InspectorClient, the per-session Channel, and the conversions between
// V8's StringView (Latin-1 or UTF-16) and the UTF-8 the rest of devrun speaks.
//
// C++ by necessity (the inspector is a C++ interface); the policy — queues,
// threads, waiting for a debugger, what to do while paused — lives in C in
// inspector/insp_agent.c, reached through the rt_insp_client callbacks.
// What this file guarantees clients (Node does the same):
//   - the main context is registered in group 1 with auxData
//     {"isDefault":true} before anything else, so its id is 1;
//   - ensureDefaultContextInGroup returns it (V8's default returns empty,
//     which breaks Runtime.evaluate without a contextId);
//   - resourceNameToUrl turns absolute paths into file:// URLs;
//   - runMessageLoopOnPause is not re-entered.
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include <v8-inspector.h>

#include "engine_inspector.h"
#include "engine_internal.hh"

using namespace v8;
using v8_inspector::StringBuffer;
using v8_inspector::StringView;

namespace {

std::string to_utf8(const StringView &v) {
  std::string out;
  out.reserve(v.length());
  if (v.is8Bit()) {
    const uint8_t *p = v.characters8();
    for (size_t i = 0; i < v.length(); i++) {
      uint8_t c = p[i];
      if (c < 0x80) {
        out.push_back((char)c);
      } else {
        out.push_back((char)(0xc0 | (c >> 6)));
        out.push_back((char)(0x80 | (c & 0x3f)));
      }
    }
    return out;
  }
  const uint16_t *p = v.characters16();
  size_t n = v.length();
  for (size_t i = 0; i < n; i++) {
    uint32_t c = p[i];
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && p[i + 1] >= 0xdc00 && p[i + 1] <= 0xdfff) {
      c = 0x10000 + ((c - 0xd800) << 10) + (p[i + 1] - 0xdc00);
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      c = 0xfffd;
    }
    if (c < 0x80) {
      out.push_back((char)c);
    } else if (c < 0x800) {
      out.push_back((char)(0xc0 | (c >> 6)));
      out.push_back((char)(0x80 | (c & 0x3f)));
    } else if (c < 0x10000) {
      out.push_back((char)(0xe0 | (c >> 12)));
      out.push_back((char)(0x80 | ((c >> 6) & 0x3f)));
      out.push_back((char)(0x80 | (c & 0x3f)));
    } else {
      out.push_back((char)(0xf0 | (c >> 18)));
      out.push_back((char)(0x80 | ((c >> 12) & 0x3f)));
      out.push_back((char)(0x80 | ((c >> 6) & 0x3f)));
      out.push_back((char)(0x80 | (c & 0x3f)));
    }
  }
  return out;
}

StringView view(const std::string &s) {
  return StringView(reinterpret_cast<const uint8_t *>(s.data()), s.size());
}

// Percent-encodes a path into a file:// URL as url.pathToFileURL does.
std::string file_url(const std::string &path) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out = "file://";
  for (unsigned char c : path) {
    if (isalnum(c) || strchr("/-._~!$&'()*+,;=:@", c)) {
      out.push_back((char)c);
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

rt_insp_client g_client;

class Client final : public v8_inspector::V8InspectorClient {
 public:
  void runMessageLoopOnPause(int) override {
    if (in_pause_) return;
    in_pause_ = true;
    if (g_client.run_pause_loop) g_client.run_pause_loop();
    in_pause_ = false;
  }
  void quitMessageLoopOnPause() override {
    if (g_client.quit_pause_loop) g_client.quit_pause_loop();
  }
  void runIfWaitingForDebugger(int) override {
    if (g_client.run_if_waiting) g_client.run_if_waiting();
  }
  Local<Context> ensureDefaultContextInGroup(int) override {
    return rt::ctx.Get(rt::iso);
  }
  double currentTimeMS() override {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
  }
  void startRepeatingTimer(double interval, TimerCallback cb, void *data) override {
    if (g_client.start_timer) g_client.start_timer(interval, cb, data);
  }
  void cancelTimer(void *data) override {
    if (g_client.cancel_timer) g_client.cancel_timer(data);
  }
  std::unique_ptr<StringBuffer> resourceNameToUrl(const StringView &name) override {
    std::string s = to_utf8(name);
    if (s.empty() || s[0] != '/') return nullptr;
    std::string u = file_url(s);
    return StringBuffer::create(view(u));
  }

 private:
  bool in_pause_ = false;
};

Client *g_impl;
std::unique_ptr<v8_inspector::V8Inspector> g_inspector;
std::vector<rt_insp_session *> g_sessions;

}  // namespace

class Channel final : public v8_inspector::V8Inspector::Channel {
 public:
  Channel(rt_insp_send_fn fn, void *data) : fn_(fn), data_(data) {}
  void sendResponse(int, std::unique_ptr<StringBuffer> m) override {
    send(m->string());
  }
  void sendNotification(std::unique_ptr<StringBuffer> m) override {
    send(m->string());
  }
  void flushProtocolNotifications() override {}

 private:
  void send(const StringView &v) {
    std::string s = to_utf8(v);
    fn_(data_, s.data(), s.size());
  }
  rt_insp_send_fn fn_;
  void *data_;
};

struct rt_insp_session_s {
  std::unique_ptr<Channel> channel;
  std::unique_ptr<v8_inspector::V8InspectorSession> session;
};

extern "C" {

int rt_insp_create(const rt_insp_client *client, const char *context_name) {
  if (g_inspector) return 0;
  g_client = *client;
  g_impl = new Client();
  g_inspector = v8_inspector::V8Inspector::create(rt::iso, g_impl);
  HandleScope hs(rt::iso);
  std::string name = context_name ? context_name : "devrun-js";
  v8_inspector::V8ContextInfo info(rt::ctx.Get(rt::iso), 1, view(name));
  std::string aux = "{\"isDefault\":true}";
  info.auxData = view(aux);
  g_inspector->contextCreated(info);
  return 0;
}

bool rt_insp_created(void) {
  return g_inspector != nullptr;
}

rt_insp_session *rt_insp_connect(rt_insp_send_fn send, void *data) {
  if (!g_inspector) return nullptr;
  rt_insp_session *s = new rt_insp_session_s();
  s->channel.reset(new Channel(send, data));
  s->session = g_inspector->connect(1, s->channel.get(), StringView());
  g_sessions.push_back(s);
  return s;
}

void rt_insp_dispatch(rt_insp_session *s, const char *msg, size_t len) {
  HandleScope hs(rt::iso);
  s->session->dispatchProtocolMessage(StringView(reinterpret_cast<const uint8_t *>(msg), len));
}

bool rt_insp_can_dispatch(const char *method) {
  return v8_inspector::V8InspectorSession::canDispatchMethod(
      StringView(reinterpret_cast<const uint8_t *>(method), strlen(method)));
}

void rt_insp_disconnect(rt_insp_session *s) {
  if (!s) return;
  for (auto it = g_sessions.begin(); it != g_sessions.end(); ++it)
    if (*it == s) {
      g_sessions.erase(it);
      break;
    }
  HandleScope hs(rt::iso);
  s->session.reset();
  delete s;
}

void rt_insp_pause_on_next_statement(const char *reason) {
  std::string r = reason;
  for (rt_insp_session *s : g_sessions)
    s->session->schedulePauseOnNextStatement(view(r), StringView());
}

void rt_insp_context_destroyed(void) {
  if (!g_inspector) return;
  HandleScope hs(rt::iso);
  g_inspector->contextDestroyed(rt::ctx.Get(rt::iso));
}

}  // extern "C"
