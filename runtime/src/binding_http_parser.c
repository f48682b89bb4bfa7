/* binding_http_parser.c — internalBinding('http_parser'): HTTP/1.1 parsing
 * in C with llhttp; JavaScript receives parsed heads, never raw bytes of the
 * head.
 *
 *   const p = new HTTPParser(type)     0 = requests, 1 = responses
 *   p.maxHeaderSize = 16384            bytes of head before HPE_HEADER_OVERFLOW
 *   p.execute(bytes) -> bytes parsed, or an Error { code: 'HPE_*', reason,
 *                       bytesParsed } (JavaScript exceptions propagate)
 *   p.finish()       -> undefined or an Error (EOF in the middle of a body)
 *   p.reset(type), p.pause(), p.resume(), p.close()
 *
 * During execute the parser calls, on the same object:
 *   onHeadersComplete(major, minor, headers (flat [k, v, ...]), method,
 *                     url, statusCode, statusMessage, upgrade, keepAlive)
 *       -> 1 to skip the body (response to HEAD), 2 to stop (upgrade)
 *   onBody(bytes)             a view of the input, valid during the call
 *   onMessageComplete()
 */
#include <stdlib.h>
#include <string.h>

#include <llhttp.h>

#include "devrun/buf.h"
#include "devrun/util.h"
#include "runtime.h"

typedef struct {
  llhttp_t p;
  llhttp_settings_t settings;
  dr_buf_t url, status;
  dr_buf_t *fields, *values;
  size_t nheaders, cap;
  bool in_value;
  size_t header_bytes, max_header;
  rt_val self;        /* valid during execute */
  rt_val input;       /* the Uint8Array being parsed */
  const char *base;   /* its data */
  bool js_threw;
  bool executing;     /* inside llhttp_execute/finish: close() must wait */
  bool close_pending;
} parser;

static void parser_free(parser *ps);

static _Thread_local rt_class *parser_class;

static parser *P(llhttp_t *p) { return (parser *)p; }

static int head_bytes(parser *ps, size_t n) {
  ps->header_bytes += n;
  if (ps->max_header && ps->header_bytes > ps->max_header) return HPE_USER;
  return 0;
}

static int on_message_begin(llhttp_t *p) {
  parser *ps = P(p);
  dr_buf_reset(&ps->url);
  dr_buf_reset(&ps->status);
  for (size_t i = 0; i < ps->nheaders; i++) {
    dr_buf_release(&ps->fields[i]);
    dr_buf_release(&ps->values[i]);
  }
  ps->nheaders = 0;
  ps->in_value = false;
  ps->header_bytes = 0;
  return 0;
}

static int on_url(llhttp_t *p, const char *at, size_t n) {
  dr_buf_add(&P(p)->url, at, n);
  return head_bytes(P(p), n);
}

static int on_status(llhttp_t *p, const char *at, size_t n) {
  dr_buf_add(&P(p)->status, at, n);
  return head_bytes(P(p), n);
}

static int on_header_field(llhttp_t *p, const char *at, size_t n) {
  parser *ps = P(p);
  if (ps->in_value || ps->nheaders == 0) {
    if (ps->nheaders == ps->cap) {
      ps->cap = ps->cap ? ps->cap * 2 : 16;
      ps->fields = dr_realloc(ps->fields, ps->cap * sizeof(dr_buf_t));
      ps->values = dr_realloc(ps->values, ps->cap * sizeof(dr_buf_t));
    }
    dr_buf_init(&ps->fields[ps->nheaders], 0);
    dr_buf_init(&ps->values[ps->nheaders], 0);
    ps->nheaders++;
    ps->in_value = false;
  }
  dr_buf_add(&ps->fields[ps->nheaders - 1], at, n);
  return head_bytes(ps, n);
}

static int on_header_value(llhttp_t *p, const char *at, size_t n) {
  parser *ps = P(p);
  ps->in_value = true;
  if (ps->nheaders) dr_buf_add(&ps->values[ps->nheaders - 1], at, n);
  return head_bytes(ps, n);
}

static int on_headers_complete(llhttp_t *p) {
  parser *ps = P(p);
  rt_val fn = rt_get(ps->self, "onHeadersComplete");
  if (!fn || !rt_is_function(fn)) return 0;
  rt_val headers = rt_array(ps->nheaders * 2);
  for (size_t i = 0; i < ps->nheaders; i++) {
    rt_set_i(headers, (uint32_t)(2 * i), rt_string_n(ps->fields[i].buf, ps->fields[i].len));
    /* header values are latin1 in Node */
    rt_set_i(headers, (uint32_t)(2 * i + 1),
             rt_string_latin1((const uint8_t *)ps->values[i].buf, ps->values[i].len));
  }
  bool req = p->type == HTTP_REQUEST;
  rt_val argv[9] = {
      rt_int(p->http_major),
      rt_int(p->http_minor),
      headers,
      req ? rt_string(llhttp_method_name((llhttp_method_t)p->method)) : rt_undefined(),
      req ? rt_string_n(ps->url.buf, ps->url.len) : rt_undefined(),
      req ? rt_undefined() : rt_int(p->status_code),
      req ? rt_undefined() : rt_string_n(ps->status.buf, ps->status.len),
      rt_bool(p->upgrade),
      rt_bool(llhttp_should_keep_alive(p)),
  };
  rt_val r = rt_call(fn, ps->self, 9, argv);
  if (!r) {
    ps->js_threw = true;
    return HPE_USER;
  }
  int v = rt_to_int32(r);
  return v == 1 ? 1 : v == 2 ? 2 : 0;
}

static int on_body(llhttp_t *p, const char *at, size_t n) {
  parser *ps = P(p);
  rt_val fn = rt_get(ps->self, "onBody");
  if (!fn || !rt_is_function(fn)) return 0;
  size_t len;
  void *data = rt_view_data(ps->input, &len);
  (void)data;
  rt_val view;
  /* a copy: the body may outlive the input buffer */
  void *copy = malloc(n ? n : 1);
  memcpy(copy, at, n);
  view = rt_uint8array(rt_array_buffer_take(copy, n), 0, n);
  rt_val r = rt_call(fn, ps->self, 1, &view);
  if (!r) {
    ps->js_threw = true;
    return HPE_USER;
  }
  return 0;
}

static int on_message_complete(llhttp_t *p) {
  parser *ps = P(p);
  rt_val fn = rt_get(ps->self, "onMessageComplete");
  if (!fn || !rt_is_function(fn)) return 0;
  rt_val r = rt_call(fn, ps->self, 0, NULL);
  if (!r) {
    ps->js_threw = true;
    return HPE_USER;
  }
  return 0;
}

static void parser_init(parser *ps, int type) {
  llhttp_settings_init(&ps->settings);
  ps->settings.on_message_begin = on_message_begin;
  ps->settings.on_url = on_url;
  ps->settings.on_status = on_status;
  ps->settings.on_header_field = on_header_field;
  ps->settings.on_header_value = on_header_value;
  ps->settings.on_headers_complete = on_headers_complete;
  ps->settings.on_body = on_body;
  ps->settings.on_message_complete = on_message_complete;
  llhttp_init(&ps->p, type == 0 ? HTTP_REQUEST : HTTP_RESPONSE, &ps->settings);
}

static void ctor(rt_args *a) {
  parser *ps = dr_calloc(1, sizeof *ps);
  dr_buf_init(&ps->url, 0);
  dr_buf_init(&ps->status, 0);
  ps->max_header = 16384;
  parser_init(ps, rt_to_int32(rt_arg(a, 0)));
  rt_object_set_ptr(rt_this(a), ps);
}

static parser *self(rt_args *a) {
  parser *ps = rt_is_object(rt_this(a)) ? rt_object_get_ptr(rt_this(a)) : NULL;
  if (!ps) rt_throw_error("parser is closed");
  return ps;
}

static rt_val parse_error(parser *ps, llhttp_errno_t err, size_t parsed) {
  const char *reason = llhttp_get_error_reason(&ps->p);
  const char *code = llhttp_errno_name(err);
  if (err == HPE_USER && ps->max_header && ps->header_bytes > ps->max_header) {
    code = "HPE_HEADER_OVERFLOW";
    reason = "Header overflow";
  }
  rt_val e = rt_error("Parse Error");
  rt_set(e, "code", rt_string(code));
  rt_set(e, "reason", rt_string(reason ? reason : code));
  rt_set(e, "bytesParsed", rt_number((double)parsed));
  return e;
}

static void execute(rt_args *a) {
  parser *ps = self(a);
  if (!ps) return;
  size_t len = 0;
  const char *data = rt_view_data(rt_arg(a, 0), &len);
  if (!data) {
    rt_return_int(a, 0);
    return;
  }
  ps->self = rt_this(a);
  ps->input = rt_arg(a, 0);
  ps->base = data;
  ps->js_threw = false;
  ps->executing = true;
  llhttp_errno_t err = llhttp_execute(&ps->p, data, len);
  ps->executing = false;
  size_t parsed = len;
  if (err != HPE_OK) {
    const char *pos = llhttp_get_error_pos(&ps->p);
    parsed = pos && pos >= data && pos <= data + len ? (size_t)(pos - data) : 0;
  }
  ps->self = NULL;
  ps->input = NULL;
  if (ps->close_pending) {
    /* closed by a callback: what was parsed no longer matters */
    rt_object_set_ptr(rt_this(a), NULL);
    parser_free(ps);
    rt_return_int(a, (int64_t)parsed);
    return;
  }
  if (ps->js_threw) return; /* the JavaScript exception propagates */
  if (err == HPE_PAUSED_UPGRADE) {
    llhttp_resume_after_upgrade(&ps->p);
    rt_return_int(a, (int64_t)parsed);
    return;
  }
  if (err == HPE_PAUSED) {
    rt_return_int(a, (int64_t)parsed);
    return;
  }
  if (err != HPE_OK) {
    rt_return(a, parse_error(ps, err, parsed));
    return;
  }
  rt_return_int(a, (int64_t)len);
}

static void finish(rt_args *a) {
  parser *ps = self(a);
  if (!ps) return;
  ps->self = rt_this(a);
  ps->js_threw = false;
  ps->executing = true;
  llhttp_errno_t err = llhttp_finish(&ps->p);
  ps->executing = false;
  ps->self = NULL;
  if (ps->close_pending) {
    rt_object_set_ptr(rt_this(a), NULL);
    parser_free(ps);
    return;
  }
  if (ps->js_threw) return;
  if (err != HPE_OK) rt_return(a, parse_error(ps, err, 0));
}

static void reset(rt_args *a) {
  parser *ps = self(a);
  if (!ps) return;
  on_message_begin(&ps->p);
  parser_init(ps, rt_to_int32(rt_arg(a, 0)));
}

static void pause_(rt_args *a) {
  parser *ps = self(a);
  if (ps) llhttp_pause(&ps->p);
}
static void resume_(rt_args *a) {
  parser *ps = self(a);
  if (ps) llhttp_resume(&ps->p);
}

static void set_max_header(rt_args *a) {
  parser *ps = self(a);
  if (ps) ps->max_header = (size_t)rt_to_number(rt_arg(a, 0));
}

static void parser_free(parser *ps) {
  on_message_begin(&ps->p);
  free(ps->fields);
  free(ps->values);
  dr_buf_release(&ps->url);
  dr_buf_release(&ps->status);
  free(ps);
}

static void close_(rt_args *a) {
  parser *ps = rt_is_object(rt_this(a)) ? rt_object_get_ptr(rt_this(a)) : NULL;
  if (!ps) return;
  if (ps->executing) {
    ps->close_pending = true; /* freed when execute() returns */
    return;
  }
  parser_free(ps);
  rt_object_set_ptr(rt_this(a), NULL);
}

void rt_binding_init_http_parser(rt_val e) {
  parser_class = rt_class_new("HTTPParser", ctor, 1);
  rt_class_method(parser_class, "execute", execute);
  rt_class_method(parser_class, "finish", finish);
  rt_class_method(parser_class, "reset", reset);
  rt_class_method(parser_class, "pause", pause_);
  rt_class_method(parser_class, "resume", resume_);
  rt_class_method(parser_class, "setMaxHeaderSize", set_max_header);
  rt_class_method(parser_class, "close", close_);
  rt_set(e, "HTTPParser", rt_class_function(parser_class));
  rt_val methods = rt_array(0);
  uint32_t k = 0;
  /* HTTP's methods (llhttp's HTTP_METHOD_MAP; the rest of llhttp_method_t
   * is RTSP and PRI).  Debian's llhttp 8.1 predates QUERY. */
#define XX(num, name, string) rt_set_i(methods, k++, rt_string(#string));
  HTTP_METHOD_MAP(XX)
#undef XX
  rt_set(e, "methods", methods);
}
