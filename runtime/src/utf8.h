/* utf8.h — UTF-8 validation shared by the bindings (TextDecoder's fatal
 * mode, buffer.isUtf8): the longest prefix that is well-formed UTF-8 (no
 * overlong forms, surrogates or code points above U+10FFFF). */
#ifndef DEVRUN_RT_UTF8_H
#define DEVRUN_RT_UTF8_H

#include <stddef.h>
#include <stdint.h>

size_t rt_utf8_valid_prefix(const uint8_t *s, size_t n);

#endif
