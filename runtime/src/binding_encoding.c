/* binding_encoding.c — internalBinding('encoding'): UTF-8 encode/decode for
 * TextEncoder/TextDecoder (WHATWG Encoding), in C. */
#include <stdlib.h>
#include <string.h>

#include "runtime.h"
#include "utf8.h"

static void encode_utf8(rt_args *a) {
  size_t n;
  char *s = rt_to_utf8(rt_arg(a, 0), &n);
  if (!s) return;
  rt_val ab = rt_array_buffer_take(s, n);
  rt_return(a, rt_uint8array(ab, 0, n));
}

/* encodeInto(string, Uint8Array) -> [read (UTF-16 units), written (bytes)] */
static void encode_into(rt_args *a) {
  rt_val str = rt_arg(a, 0);
  size_t cap;
  char *dst = rt_view_data(rt_arg(a, 1), &cap);
  size_t len = rt_string_length(str);
  uint16_t *u = malloc((len ? len : 1) * sizeof(uint16_t));
  rt_string_write_utf16(str, u, 0, len);
  size_t i = 0, w = 0;
  while (i < len) {
    uint32_t c = u[i];
    size_t units = 1;
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < len && u[i + 1] >= 0xDC00 && u[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (u[i + 1] - 0xDC00);
      units = 2;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = 0xFFFD;
    }
    size_t need = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (w + need > cap) break;
    if (need == 1) {
      dst[w++] = (char)c;
    } else if (need == 2) {
      dst[w++] = (char)(0xC0 | (c >> 6));
      dst[w++] = (char)(0x80 | (c & 0x3F));
    } else if (need == 3) {
      dst[w++] = (char)(0xE0 | (c >> 12));
      dst[w++] = (char)(0x80 | ((c >> 6) & 0x3F));
      dst[w++] = (char)(0x80 | (c & 0x3F));
    } else {
      dst[w++] = (char)(0xF0 | (c >> 18));
      dst[w++] = (char)(0x80 | ((c >> 12) & 0x3F));
      dst[w++] = (char)(0x80 | ((c >> 6) & 0x3F));
      dst[w++] = (char)(0x80 | (c & 0x3F));
    }
    i += units;
  }
  free(u);
  rt_val r = rt_array(2);
  rt_set_i(r, 0, rt_int((int64_t)i));
  rt_set_i(r, 1, rt_int((int64_t)w));
  rt_return(a, r);
}

/* decodeUtf8(view, ignoreBOM, fatal) -> string */
static void decode_utf8(rt_args *a) {
  size_t n = 0;
  const uint8_t *p = rt_view_data(rt_arg(a, 0), &n);
  if (!p) n = 0;
  bool ignore_bom = rt_to_bool(rt_arg(a, 1));
  bool fatal = rt_to_bool(rt_arg(a, 2));
  if (fatal && rt_utf8_valid_prefix(p, n) != n) {
    rt_val e = rt_type_error("The encoded data was not valid for encoding utf-8");
    rt_set(e, "code", rt_string("ERR_ENCODING_INVALID_ENCODED_DATA"));
    rt_throw(e);
    return;
  }
  if (!ignore_bom && n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
    p += 3;
    n -= 3;
  }
  rt_return(a, n ? rt_string_n((const char *)p, n) : rt_string(""));
}

static void decode_latin1(rt_args *a) {
  size_t n = 0;
  const uint8_t *p = rt_view_data(rt_arg(a, 0), &n);
  rt_return(a, n ? rt_string_latin1(p, n) : rt_string(""));
}

void rt_binding_init_encoding(rt_val e) {
  rt_set_method(e, "encodeUtf8", encode_utf8);
  rt_set_method(e, "encodeInto", encode_into);
  rt_set_method(e, "decodeUtf8", decode_utf8);
  rt_set_method(e, "decodeLatin1", decode_latin1);
}
