/* binding_buffer.c — internalBinding('buffer'): Buffer's encoders and
 * decoders in C (utf8, latin1, ascii, ucs2, hex, base64, base64url), byte
 * length, compare, indexOf and fill.  Filled in by the core-modules work;
 * until then it only offers byteLengthUtf8. */
#include "runtime.h"

static void byte_length_utf8(rt_args *a) {
  rt_return_int(a, (int64_t)rt_string_utf8_length(rt_arg(a, 0)));
}

void rt_binding_init_buffer(rt_val e) { rt_set_method(e, "byteLengthUtf8", byte_length_utf8); }
