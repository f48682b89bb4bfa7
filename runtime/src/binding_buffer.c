/* binding_buffer.c — internalBinding('buffer'): the byte work behind the
 * buffer module (runtime/lib/buffer.js), in C.
 *
 * Encodings are small integers shared with the JavaScript side
 * (ENC_* below, exported as `encodings`): utf8, ucs2 (= utf16le), latin1
 * (= binary), ascii, base64, base64url, hex.  Decoders follow Node's rules
 * byte for byte: base64 skips characters outside the alphabet and accepts
 * both alphabets, stopping at '='; hex stops at the first pair that is not
 * hex; ascii decoding clears the top bit; ucs2 ignores an odd trailing byte;
 * utf8 decoding replaces invalid sequences with U+FFFD (V8 does it).
 *
 * Every function receives already validated arguments from buffer.js (views
 * are Uint8Arrays, offsets integers within range): the JavaScript layer owns
 * argument validation and Node's error codes, this file owns speed.
 *
 * Exports:
 *   byteLengthUtf8(str)                          -> bytes
 *   byteLength(str, enc)                         -> exact bytes
 *   write(view, str, offset, max, enc)           -> bytes written
 *   fromString(str, enc)                         -> ArrayBuffer of exact size
 *   toString(view, enc, start, end)              -> string
 *   compare(a, b), compareOffset(a, b, tS, sS, tE, sE) -> -1 | 0 | 1
 *   indexOfString(view, str, off, enc, fwd), indexOfBuffer(view, needle,
 *     off, enc, fwd), indexOfNumber(view, n, off, fwd) -> index | -1
 *   fill(view, value, start, end, enc)           -> 0, -1 invalid, -2 bounds
 *   swap16/swap32/swap64(view), isUtf8(view), isAscii(view)
 *   createUnsafeArrayBuffer(size)                -> ArrayBuffer, not zeroed
 */
#include <stdlib.h>
#include <string.h>

#include "bigbuf.h"
#include "engine_buffer.h"
#include "engine_vm.h"
#include "runtime.h"
#include "utf8.h"

enum { ENC_UTF8, ENC_UCS2, ENC_LATIN1, ENC_ASCII, ENC_BASE64, ENC_BASE64URL, ENC_HEX };

static const char b64_std[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char b64_url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* 0..63 for either alphabet, 255 otherwise. */
static uint8_t unb64[256];
/* The same, pre-shifted into the 24-bit group at position 0..3, with bit 31
 * set for characters outside the alphabet. */
static uint32_t unb64_shift[4][256];
/* Two output characters per 12 input bits, per alphabet. */
static uint16_t b64_pairs[2][4096];
static int8_t unhex_tab[256];
/* Whether the CPU has AVX2 (the vector codecs below). */
static bool have_avx2;
/* Byte value of a pair of hex digits read as a little-endian uint16, or -1. */
static int16_t unhex_pair[65536];

/* Run once per process (uv_once): the tables are read-only afterwards. */
static void init_tables(void) {
#if defined(__x86_64__) && defined(__GNUC__)
  have_avx2 = __builtin_cpu_supports("avx2");
#endif
  memset(unb64, 255, sizeof unb64);
  for (int i = 0; i < 64; i++) {
    unb64[(uint8_t)b64_std[i]] = (uint8_t)i;
    unb64[(uint8_t)b64_url[i]] = (uint8_t)i;
  }
  for (int pos = 0; pos < 4; pos++)
    for (int c = 0; c < 256; c++)
      unb64_shift[pos][c] = unb64[c] == 255 ? 0x80000000u : (uint32_t)unb64[c] << (18 - 6 * pos);
  for (int u = 0; u < 2; u++) {
    const char *t = u ? b64_url : b64_std;
    for (int v = 0; v < 4096; v++) {
      char pair[2] = {t[v >> 6], t[v & 63]};
      memcpy(&b64_pairs[u][v], pair, 2);
    }
  }
  memset(unhex_tab, -1, sizeof unhex_tab);
  for (int i = 0; i < 10; i++) unhex_tab['0' + i] = (int8_t)i;
  for (int i = 0; i < 6; i++) {
    unhex_tab['a' + i] = (int8_t)(10 + i);
    unhex_tab['A' + i] = (int8_t)(10 + i);
  }
  for (int v = 0; v < 65536; v++) {
    int hi = unhex_tab[v & 0xff], lo = unhex_tab[v >> 8];
    unhex_pair[v] = (int16_t)(hi < 0 || lo < 0 ? -1 : hi << 4 | lo);
  }
}

/* ---- string access ------------------------------------------------------
 * A string's characters as either one-byte (latin1) or two-byte units, in a
 * malloc'd copy.  Small strings use the stack buffer. */
typedef struct {
  bool one_byte, borrowed;
  size_t len;
  void *data;
  uint8_t small[256];
} str_units;

static void units_get(str_units *u, rt_val s) {
  size_t n;
  const uint8_t *ext = rt_string_external_latin1_data(s, &n);
  if (ext) { /* our own encoder's output: read it in place */
    u->len = n;
    u->one_byte = true;
    u->data = (void *)ext;
    u->borrowed = true;
    return;
  }
  u->borrowed = false;
  u->len = rt_string_length(s);
  u->one_byte = rt_string_is_one_byte(s);
  size_t bytes = u->len * (u->one_byte ? 1 : 2);
  u->data = bytes <= sizeof u->small ? u->small : malloc(bytes);
  if (!u->data) abort();
  if (u->one_byte)
    rt_string_write_latin1(s, u->data, 0, u->len);
  else
    rt_string_write_utf16(s, u->data, 0, u->len);
}
static void units_release(str_units *u) {
  if (!u->borrowed && u->data != u->small) free(u->data);
}
static inline unsigned unit_at(const str_units *u, size_t i) {
  return u->one_byte ? ((const uint8_t *)u->data)[i] : ((const uint16_t *)u->data)[i];
}

/* ---- base64 -------------------------------------------------------------- */

static size_t b64_encoded_len(size_t n, bool url) {
  return url ? (n / 3) * 4 + (n % 3 ? n % 3 + 1 : 0) : (n + 2) / 3 * 4;
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
/* AVX2 encoder (Muła and Lemire): 24 input bytes -> 32 characters per step.
 * Loads start 4 bytes before the block, so it needs i >= 4 and 28 readable
 * bytes from i; returns how far it got (the scalar loop finishes). */
__attribute__((target("avx2"))) static size_t b64_encode_avx2(const uint8_t *src, size_t n,
                                                              char *dst, size_t *k_out, size_t i,
                                                              bool url) {
  const __m256i shuf = _mm256_set_epi8(10, 11, 9, 10, 7, 8, 6, 7, 4, 5, 3, 4, 1, 2, 0, 1, 14, 15,
                                       13, 14, 11, 12, 10, 11, 8, 9, 7, 8, 5, 6, 4, 5);
  const char c62 = url ? '-' : '+', c63 = url ? '_' : '/';
  const __m256i shift_lut = _mm256_setr_epi8(
      'a' - 26, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52,
      '0' - 52, '0' - 52, (char)(c62 - 62), (char)(c63 - 63), 'A', 0, 0, 'a' - 26, '0' - 52,
      '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52,
      (char)(c62 - 62), (char)(c63 - 63), 'A', 0, 0);
  size_t k = *k_out;
  while (i >= 4 && i + 28 <= n) {
    __m256i in = _mm256_loadu_si256((const __m256i *)(src + i - 4));
    in = _mm256_shuffle_epi8(in, shuf);
    const __m256i t0 = _mm256_and_si256(in, _mm256_set1_epi32(0x0fc0fc00));
    const __m256i t1 = _mm256_mulhi_epu16(t0, _mm256_set1_epi32(0x04000040));
    const __m256i t2 = _mm256_and_si256(in, _mm256_set1_epi32(0x003f03f0));
    const __m256i t3 = _mm256_mullo_epi16(t2, _mm256_set1_epi32(0x01000010));
    const __m256i idx = _mm256_or_si256(t1, t3);
    __m256i r = _mm256_subs_epu8(idx, _mm256_set1_epi8(51));
    const __m256i less = _mm256_cmpgt_epi8(_mm256_set1_epi8(26), idx);
    r = _mm256_or_si256(r, _mm256_and_si256(less, _mm256_set1_epi8(13)));
    r = _mm256_add_epi8(_mm256_shuffle_epi8(shift_lut, r), idx);
    _mm256_storeu_si256((__m256i *)(dst + k), r);
    i += 24;
    k += 32;
  }
  *k_out = k;
  return i;
}
#endif

static size_t b64_encode(const uint8_t *src, size_t n, char *dst, bool url) {
  const char *t = url ? b64_url : b64_std;
  const uint16_t *pairs = b64_pairs[url];
  size_t i = 0, k = 0;
#if defined(__x86_64__) && defined(__GNUC__)
  if (have_avx2 && n >= 64) {
    /* Two scalar groups first so that the vector loads may start 4 bytes
     * back. */
    for (; i < 6; i += 3) {
      uint32_t v = (uint32_t)src[i] << 16 | (uint32_t)src[i + 1] << 8 | src[i + 2];
      uint16_t p0 = pairs[v >> 12], p1 = pairs[v & 4095];
      memcpy(dst + k, &p0, 2);
      memcpy(dst + k + 2, &p1, 2);
      k += 4;
    }
    i = b64_encode_avx2(src, n, dst, &k, i, url);
  }
#endif
  for (; i + 2 < n; i += 3) {
    uint32_t v = (uint32_t)src[i] << 16 | (uint32_t)src[i + 1] << 8 | src[i + 2];
    uint16_t p0 = pairs[v >> 12], p1 = pairs[v & 4095];
    memcpy(dst + k, &p0, 2);
    memcpy(dst + k + 2, &p1, 2);
    k += 4;
  }
  if (n - i == 1) {
    uint32_t v = (uint32_t)src[i] << 16;
    dst[k++] = t[v >> 18];
    dst[k++] = t[(v >> 12) & 63];
    if (!url) {
      dst[k++] = '=';
      dst[k++] = '=';
    }
  } else if (n - i == 2) {
    uint32_t v = (uint32_t)src[i] << 16 | (uint32_t)src[i + 1] << 8;
    dst[k++] = t[v >> 18];
    dst[k++] = t[(v >> 12) & 63];
    dst[k++] = t[(v >> 6) & 63];
    if (!url) dst[k++] = '=';
  }
  return k;
}

/* Node's decoder: upper bound of the decoded size (padding aware). */
static size_t b64_decoded_size(const str_units *u) {
  size_t n = u->len;
  if (n < 2) return 0;
  if (unit_at(u, n - 1) == '=') {
    n--;
    if (unit_at(u, n - 1) == '=') n--;
  }
  return (n / 4) * 3 + (n % 4 + 1) / 2;
}

/* One group of up to four characters, skipping characters outside the
 * alphabet; false when decoding must stop (as Node's slow path).  Node
 * truncates each UTF-16 unit to its low byte before the lookup.  Generated
 * for one-byte and two-byte sources. */
#define B64_DECODERS(T, SFX)                                                                       \
  static bool b64_group_slow_##SFX(uint8_t *dst, size_t dstlen, const T *src, size_t srclen,       \
                                   size_t *i, size_t *k) {                                         \
    uint8_t hi = 0, lo;                                                                            \
    for (int step = 0; step < 4; step++) {                                                         \
      for (;;) {                                                                                   \
        unsigned c = (uint8_t)src[*i];                                                             \
        lo = unb64[c];                                                                             \
        *i += 1;                                                                                   \
        if (lo < 64) break;                                                                        \
        if (c == '=' || *i >= srclen) return false;                                                \
      }                                                                                            \
      if (step == 1)                                                                               \
        dst[(*k)++] = (uint8_t)(((hi & 0x3F) << 2) | ((lo & 0x30) >> 4));                          \
      else if (step == 2)                                                                          \
        dst[(*k)++] = (uint8_t)(((hi & 0x0F) << 4) | ((lo & 0x3C) >> 2));                          \
      else if (step == 3)                                                                          \
        dst[(*k)++] = (uint8_t)(((hi & 0x03) << 6) | (lo & 0x3F));                                 \
      if (*i >= srclen) return false;                                                              \
      if (*k >= dstlen) return false;                                                              \
      hi = lo;                                                                                     \
    }                                                                                              \
    return true;                                                                                   \
  }                                                                                                \
  static size_t b64_decode_##SFX(uint8_t *dst, size_t dstlen, const T *src, size_t srclen,         \
                                 size_t decoded) {                                                 \
    size_t avail = dstlen < decoded ? dstlen : decoded;                                            \
    size_t max_k = avail / 3 * 3;                                                                  \
    size_t max_i = srclen / 4 * 4;                                                                 \
    size_t i = 0, k = 0;                                                                           \
    for (;;) {                                                                                     \
      /* Fast path on locals (no aliasing with the slow path's pointers):                          \
       * 8 characters -> 6 bytes, written as one 8-byte store while there is                       \
       * room for it. */                                                                           \
      size_t ii = i, kk = k;                                                                       \
      while (ii + 8 <= max_i && kk + 8 <= max_k) {                                                 \
        uint32_t v = unb64_shift[0][(uint8_t)src[ii]] | unb64_shift[1][(uint8_t)src[ii + 1]] |     \
                     unb64_shift[2][(uint8_t)src[ii + 2]] | unb64_shift[3][(uint8_t)src[ii + 3]];  \
        uint32_t w = unb64_shift[0][(uint8_t)src[ii + 4]] | unb64_shift[1][(uint8_t)src[ii + 5]] | \
                     unb64_shift[2][(uint8_t)src[ii + 6]] | unb64_shift[3][(uint8_t)src[ii + 7]];  \
        if ((v | w) & 0x80000000u) break;                                                          \
        uint8_t out[8] = {(uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v, (uint8_t)(w >> 16),   \
                          (uint8_t)(w >> 8),  (uint8_t)w,        0,          0};                   \
        memcpy(dst + kk, out, 8);                                                                  \
        ii += 8;                                                                                   \
        kk += 6;                                                                                   \
      }                                                                                            \
      i = ii;                                                                                      \
      k = kk;                                                                                      \
      if (!(i < max_i && k < max_k)) break;                                                        \
      uint32_t v = unb64_shift[0][(uint8_t)src[i]] | unb64_shift[1][(uint8_t)src[i + 1]] |         \
                   unb64_shift[2][(uint8_t)src[i + 2]] | unb64_shift[3][(uint8_t)src[i + 3]];      \
      if (v & 0x80000000u) {                                                                       \
        if (!b64_group_slow_##SFX(dst, dstlen, src, srclen, &i, &k)) return k;                     \
        max_i = i + (srclen - i) / 4 * 4;                                                          \
      } else {                                                                                     \
        dst[k] = (uint8_t)(v >> 16);                                                               \
        dst[k + 1] = (uint8_t)(v >> 8);                                                            \
        dst[k + 2] = (uint8_t)v;                                                                   \
        i += 4;                                                                                    \
        k += 3;                                                                                    \
      }                                                                                            \
    }                                                                                              \
    if (i < srclen && k < dstlen) b64_group_slow_##SFX(dst, dstlen, src, srclen, &i, &k);          \
    return k;                                                                                      \
  }                                                                                                \
  __attribute__((unused)) static size_t hex_decode_##SFX(uint8_t *dst, size_t dstlen,              \
                                                         const T *src, size_t srclen) {            \
    size_t i;                                                                                      \
    for (i = 0; i < dstlen && i * 2 + 1 < srclen; i++) {                                           \
      int a = unhex_tab[(uint8_t)src[i * 2]], b = unhex_tab[(uint8_t)src[i * 2 + 1]];              \
      if (a < 0 || b < 0) return i;                                                                \
      dst[i] = (uint8_t)(a << 4 | b);                                                              \
    }                                                                                              \
    return i;                                                                                      \
  }
B64_DECODERS(uint8_t, u8)
B64_DECODERS(uint16_t, u16)

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
/* AVX2 prefix decoder (Muła and Lemire's pshufb/bitmask method), standard
 * alphabet only: decodes 32 characters into 24 bytes per step while every
 * character is in the alphabet; returns the characters consumed (a multiple
 * of 32; *out the bytes written).  It stops at the first block holding
 * anything else (padding, whitespace, the URL alphabet) and the scalar
 * decoder takes over from there, so the result is always the scalar one.
 * Needs src_max characters and dst_max bytes of room, dst_max counting the
 * 8 bytes each 32-byte store writes past the 24 it keeps. */
__attribute__((target("avx2"))) static size_t b64_decode_avx2(const uint8_t *src, size_t src_max,
                                                              uint8_t *dst, size_t dst_max,
                                                              size_t *out) {
  const __m256i lut_lo =
      _mm256_setr_epi8(0x15, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x13, 0x1A, 0x1B,
                       0x1B, 0x1B, 0x1A, 0x15, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11,
                       0x13, 0x1A, 0x1B, 0x1B, 0x1B, 0x1A);
  const __m256i lut_hi =
      _mm256_setr_epi8(0x10, 0x10, 0x01, 0x02, 0x04, 0x08, 0x04, 0x08, 0x10, 0x10, 0x10, 0x10, 0x10,
                       0x10, 0x10, 0x10, 0x10, 0x10, 0x01, 0x02, 0x04, 0x08, 0x04, 0x08, 0x10, 0x10,
                       0x10, 0x10, 0x10, 0x10, 0x10, 0x10);
  const __m256i lut_roll =
      _mm256_setr_epi8(0, 16, 19, 4, -65, -65, -71, -71, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16, 19, 4, -65,
                       -65, -71, -71, 0, 0, 0, 0, 0, 0, 0, 0);
  const __m256i mask_2f = _mm256_set1_epi8(0x2f);
  const __m256i pack_shuf =
      _mm256_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1, 2, 1, 0, 6, 5, 4, 10,
                       9, 8, 14, 13, 12, -1, -1, -1, -1);
  const __m256i perm = _mm256_setr_epi32(0, 1, 2, 4, 5, 6, 3, 7);
  size_t i = 0, k = 0;
  while (i + 32 <= src_max && k + 32 <= dst_max) {
    __m256i in = _mm256_loadu_si256((const __m256i *)(src + i));
    __m256i hi_nib = _mm256_and_si256(_mm256_srli_epi32(in, 4), mask_2f);
    __m256i lo_nib = _mm256_and_si256(in, mask_2f);
    __m256i lo = _mm256_shuffle_epi8(lut_lo, lo_nib);
    __m256i hi = _mm256_shuffle_epi8(lut_hi, hi_nib);
    if (!_mm256_testz_si256(lo, hi)) break;
    __m256i eq_2f = _mm256_cmpeq_epi8(in, mask_2f);
    __m256i roll = _mm256_shuffle_epi8(lut_roll, _mm256_add_epi8(eq_2f, hi_nib));
    __m256i v = _mm256_add_epi8(in, roll);
    __m256i ab_bc = _mm256_maddubs_epi16(v, _mm256_set1_epi32(0x01400140));
    __m256i packed = _mm256_madd_epi16(ab_bc, _mm256_set1_epi32(0x00011000));
    packed = _mm256_shuffle_epi8(packed, pack_shuf);
    packed = _mm256_permutevar8x32_epi32(packed, perm);
    _mm256_storeu_si256((__m256i *)(dst + k), packed);
    i += 32;
    k += 24;
  }
  *out = k;
  return i;
}
#endif

static size_t b64_decode(uint8_t *dst, size_t dstlen, const str_units *u) {
  size_t decoded = b64_decoded_size(u);
  if (!u->one_byte) return b64_decode_u16(dst, dstlen, u->data, u->len, decoded);
#if defined(__x86_64__) && defined(__GNUC__)
  size_t avail = dstlen < decoded ? dstlen : decoded;
  size_t max_k = avail / 3 * 3, max_i = u->len / 4 * 4;
  if (have_avx2 && max_i >= 64) {
    size_t done = 0;
    size_t used = b64_decode_avx2(u->data, max_i, dst, max_k, &done);
    if (used) {
      /* Continue exactly where the scalar loop would be after those groups. */
      return done + b64_decode_u8(dst + done, dstlen - done, (const uint8_t *)u->data + used,
                                  u->len - used, decoded - done);
    }
  }
#endif
  return b64_decode_u8(dst, dstlen, u->data, u->len, decoded);
}

/* One-byte sources: one table lookup per output byte. */
#if defined(__x86_64__) && defined(__GNUC__)
/* AVX2 hex decoding: 32 digits -> 16 bytes per step while every digit is
 * valid; returns the bytes written (the scalar loop finishes and finds the
 * first invalid pair). */
__attribute__((target("avx2"))) static size_t hex_decode_avx2(uint8_t *dst, size_t n,
                                                              const uint8_t *src) {
  const __m256i c0 = _mm256_set1_epi8('0'), nine = _mm256_set1_epi8(9), ca = _mm256_set1_epi8('a'),
                five = _mm256_set1_epi8(5), ten = _mm256_set1_epi8(10),
                lower = _mm256_set1_epi8(0x20),
                weights = _mm256_set1_epi16(0x0110); /* bytes (16, 1): hi * 16 + lo */
  size_t i = 0;
  while (i + 16 <= n) {
    __m256i in = _mm256_loadu_si256((const __m256i *)(src + 2 * i));
    __m256i d = _mm256_sub_epi8(in, c0);
    __m256i is_digit = _mm256_cmpeq_epi8(_mm256_min_epu8(d, nine), d);
    __m256i l = _mm256_sub_epi8(_mm256_or_si256(in, lower), ca);
    __m256i is_letter = _mm256_cmpeq_epi8(_mm256_min_epu8(l, five), l);
    __m256i ok = _mm256_or_si256(is_digit, is_letter);
    if ((uint32_t)_mm256_movemask_epi8(ok) != 0xffffffffu) break;
    __m256i nib = _mm256_blendv_epi8(_mm256_add_epi8(l, ten), d, is_digit);
    __m256i words = _mm256_maddubs_epi16(nib, weights); /* 16 x uint16, each < 256 */
    __m256i packed = _mm256_packus_epi16(words, words); /* per lane: 8 bytes twice */
    packed = _mm256_permute4x64_epi64(packed, 0x08);    /* lanes' low halves together */
    _mm_storeu_si128((__m128i *)(dst + i), _mm256_castsi256_si128(packed));
    i += 16;
  }
  return i;
}
#endif

static size_t hex_decode_pairs(uint8_t *dst, size_t dstlen, const uint8_t *src, size_t srclen) {
  size_t n = srclen / 2 < dstlen ? srclen / 2 : dstlen;
  size_t start = 0;
#if defined(__x86_64__) && defined(__GNUC__)
  if (have_avx2 && n >= 32) start = hex_decode_avx2(dst, n, src);
#endif
  for (size_t i = start; i < n; i++) {
    int v = unhex_pair[src[2 * i] | src[2 * i + 1] << 8];
    if (v < 0) return i;
    dst[i] = (uint8_t)v;
  }
  return n;
}

static size_t hex_decode(uint8_t *dst, size_t dstlen, const str_units *u) {
  return u->one_byte ? hex_decode_pairs(dst, dstlen, u->data, u->len)
                     : hex_decode_u16(dst, dstlen, u->data, u->len);
}

/* ---- writing a string ---------------------------------------------------- */

/* Memory for a result of len bytes (bigbuf.h).  Before a large block, V8
 * may collect young Buffers that died (rt_array_buffer_gc_check), so that
 * their blocks are back in bigbuf's cache for this one. */
static void *big_alloc(size_t len, size_t *cap) {
  if (len >= RT_BIGBUF_MIN) rt_array_buffer_gc_check();
  return rt_bigbuf_alloc(len, cap);
}

/* Exact byte length of str in enc (for base64: the decoder's upper bound). */
static size_t byte_length(rt_val s, int enc) {
  switch (enc) {
    case ENC_UTF8:
      return rt_string_utf8_length(s);
    case ENC_UCS2:
      return rt_string_length(s) * 2;
    case ENC_HEX:
      return rt_string_length(s) / 2;
    case ENC_BASE64:
    case ENC_BASE64URL: {
      str_units u;
      units_get(&u, s);
      size_t n = b64_decoded_size(&u);
      units_release(&u);
      return n;
    }
    default:
      return rt_string_length(s);
  }
}

/* Writes at most cap bytes of str encoded as enc into dst. */
static size_t write_string(rt_val s, int enc, uint8_t *dst, size_t cap) {
  if (cap == 0) return 0;
  switch (enc) {
    case ENC_UTF8:
      return rt_string_write_utf8(s, (char *)dst, cap);
    case ENC_LATIN1:
    case ENC_ASCII: {
      size_t n = rt_string_length(s);
      if (n > cap) n = cap;
      return rt_string_write_latin1(s, dst, 0, n);
    }
    case ENC_UCS2: {
      size_t n = rt_string_length(s);
      if (n > cap / 2) n = cap / 2;
      if (((uintptr_t)dst & 1) == 0) return rt_string_write_utf16(s, (uint16_t *)dst, 0, n) * 2;
      uint16_t *tmp = malloc(n * 2 + 2);
      if (!tmp) abort();
      n = rt_string_write_utf16(s, tmp, 0, n);
      memcpy(dst, tmp, n * 2);
      free(tmp);
      return n * 2;
    }
    default: {
      str_units u;
      units_get(&u, s);
      size_t n = enc == ENC_HEX ? hex_decode(dst, cap, &u) : b64_decode(dst, cap, &u);
      units_release(&u);
      return n;
    }
  }
}

static void byte_length_utf8_fn(rt_args *a) {
  rt_return_int(a, (int64_t)rt_string_utf8_length(rt_arg(a, 0)));
}

static void byte_length_fn(rt_args *a) {
  rt_return_int(a, (int64_t)byte_length(rt_arg(a, 0), rt_to_int32(rt_arg(a, 1))));
}

/* write(view, str, offset, max, enc) */
static void write_fn(rt_args *a) {
  size_t len;
  uint8_t *p = rt_u8_data(rt_arg(a, 0), &len);
  int64_t off = rt_int_fast(rt_arg(a, 2));
  int64_t max = rt_int_fast(rt_arg(a, 3));
  if (off < 0 || (size_t)off > len) {
    rt_throw_range_error("The value of \"offset\" is out of range.");
    return;
  }
  if (max < 0) max = 0;
  if ((size_t)max > len - (size_t)off) max = (int64_t)(len - (size_t)off);
  rt_return_int(a, (int64_t)write_string(rt_arg(a, 1), (int)rt_int_fast(rt_arg(a, 4)),
                                         p ? p + off : NULL, (size_t)max));
}

/* fromString(str, enc) -> ArrayBuffer holding exactly the encoded bytes.
 * Large results live in bigbuf memory. */
static void from_string_fn(rt_args *a) {
  rt_val s = rt_arg(a, 0);
  int enc = rt_to_int32(rt_arg(a, 1));
  size_t want, cap, n;
  uint8_t *p;
  if (enc == ENC_BASE64 || enc == ENC_BASE64URL || enc == ENC_HEX) {
    /* One pass over the characters for both the size and the decoding. */
    str_units u;
    units_get(&u, s);
    want = enc == ENC_HEX ? u.len / 2 : b64_decoded_size(&u);
    p = big_alloc(want, &cap);
    if (!p) abort();
    n = enc == ENC_HEX ? hex_decode(p, want, &u) : b64_decode(p, want, &u);
    units_release(&u);
  } else {
    if (enc == ENC_UTF8 && rt_string_length(s) <= (64u << 20)) {
      /* One pass: write into the 3-bytes-per-unit upper bound and shrink
       * (pages never touched are never faulted in; shrinking does not
       * copy).  Measuring first costs more than the faults it saves. */
      want = rt_string_length(s) * 3;
    } else {
      want = byte_length(s, enc);
    }
    p = big_alloc(want, &cap);
    if (!p) {
      rt_throw_range_error("Array buffer allocation failed");
      return;
    }
    n = write_string(s, enc, p, want);
  }
  if (n < cap) p = rt_bigbuf_shrink(p, n, &cap);
  rt_return(a, rt_bigbuf_array_buffer(p, n, cap));
}

/* ---- decoding ------------------------------------------------------------- */

/* A string from malloc'd one-byte text (owned): large results become
 * external strings over the same memory, as Node does, small ones a copy. */
#define EXTERN_MIN (64 * 1024)
static void free_text(void *data, size_t len, void *ctx) {
  (void)len, (void)ctx;
  free(data);
}
static rt_val latin1_result(char *q, size_t m) {
  if (m >= EXTERN_MIN) return rt_string_external_latin1_fn(q, m, free_text, NULL);
  rt_val r = rt_string_latin1((const uint8_t *)q, m);
  free(q);
  return r;
}
/* The same for text in bigbuf memory of capacity cap. */
static rt_val latin1_result_big(char *q, size_t m, size_t cap) {
  if (cap >= RT_BIGBUF_MIN) return rt_bigbuf_latin1_string(q, m, cap);
  return latin1_result(q, m);
}

/* V8's limit on string length (v8::String::kMaxLength on 64-bit). */
#define STRING_MAX_LENGTH 0x1fffffe8u

static rt_val decode(const uint8_t *p, size_t n, int enc) {
  if (n == 0) return rt_string("");
  size_t out = enc == ENC_HEX ? n * 2
               : enc == ENC_BASE64 || enc == ENC_BASE64URL
                   ? b64_encoded_len(n, enc == ENC_BASE64URL)
               : enc == ENC_UCS2 ? n / 2
                                 : n;
  if (out > STRING_MAX_LENGTH) { /* Node checks before decoding */
    rt_val e = rt_error("Cannot create a string longer than 0x1fffffe8 characters");
    rt_set(e, "code", rt_string("ERR_STRING_TOO_LONG"));
    return rt_throw(e);
  }
  switch (enc) {
    case ENC_UTF8:
      return rt_string_n((const char *)p, n);
    case ENC_LATIN1:
      return rt_string_latin1(p, n);
    case ENC_ASCII: {
      size_t i = 0;
      while (i < n && p[i] < 0x80) i++;
      if (i == n) return rt_string_latin1(p, n);
      uint8_t *q = malloc(n);
      if (!q) abort();
      for (i = 0; i < n; i++) q[i] = p[i] & 0x7f;
      rt_val r = rt_string_latin1(q, n);
      free(q);
      return r;
    }
    case ENC_UCS2: {
      size_t m = n / 2;
      if (m == 0) return rt_string("");
      uint16_t *q = malloc(m * 2);
      if (!q) abort();
      for (size_t i = 0; i < m; i++) q[i] = (uint16_t)(p[2 * i] | p[2 * i + 1] << 8);
      rt_val r = rt_string_utf16(q, m);
      free(q);
      return r;
    }
    case ENC_HEX: {
      static const char hx[] = "0123456789abcdef";
      size_t cap;
      uint8_t *q = rt_bigbuf_alloc(n * 2, &cap);
      if (!q) abort();
      for (size_t i = 0; i < n; i++) {
        q[2 * i] = (uint8_t)hx[p[i] >> 4];
        q[2 * i + 1] = (uint8_t)hx[p[i] & 15];
      }
      return latin1_result_big((char *)q, n * 2, cap);
    }
    default: {
      bool url = enc == ENC_BASE64URL;
      size_t m = b64_encoded_len(n, url), cap;
      char *q = rt_bigbuf_alloc(m, &cap);
      if (!q) abort();
      b64_encode(p, n, q, url);
      return latin1_result_big(q, m, cap);
    }
  }
}

/* toString(view, enc, start, end) */
static void to_string_fn(rt_args *a) {
  size_t len;
  const uint8_t *p = rt_u8_data(rt_arg(a, 0), &len);
  int64_t s = rt_int_fast(rt_arg(a, 2)), e = rt_int_fast(rt_arg(a, 3));
  if (e > (int64_t)len) e = (int64_t)len;
  if (s < 0) s = 0;
  if (e <= s) {
    rt_return(a, rt_string(""));
    return;
  }
  rt_val r = decode(p + s, (size_t)(e - s), (int)rt_int_fast(rt_arg(a, 1)));
  if (r) rt_return(a, r);
}

/* ---- compare ------------------------------------------------------------- */

static int cmp_bytes(const uint8_t *a, size_t an, const uint8_t *b, size_t bn) {
  size_t n = an < bn ? an : bn;
  int r = n ? memcmp(a, b, n) : 0;
  if (r == 0) return an < bn ? -1 : an > bn ? 1 : 0;
  return r < 0 ? -1 : 1;
}

static void compare_fn(rt_args *a) {
  size_t an, bn;
  const uint8_t *ap = rt_view_data(rt_arg(a, 0), &an);
  const uint8_t *bp = rt_view_data(rt_arg(a, 1), &bn);
  rt_return_int(a, cmp_bytes(ap, an, bp, bn));
}

/* compareOffset(source, target, targetStart, sourceStart, targetEnd, sourceEnd) */
static void compare_offset_fn(rt_args *a) {
  size_t sn, tn;
  const uint8_t *sp = rt_view_data(rt_arg(a, 0), &sn);
  const uint8_t *tp = rt_view_data(rt_arg(a, 1), &tn);
  int64_t ts = rt_to_int64(rt_arg(a, 2)), ss = rt_to_int64(rt_arg(a, 3));
  int64_t te = rt_to_int64(rt_arg(a, 4)), se = rt_to_int64(rt_arg(a, 5));
  if (ss > (int64_t)sn) {
    rt_throw_code("ERR_OUT_OF_RANGE", "The value of \"sourceStart\" is out of range.");
    return;
  }
  if (ts > (int64_t)tn) {
    rt_throw_code("ERR_OUT_OF_RANGE", "The value of \"targetStart\" is out of range.");
    return;
  }
  if (se > (int64_t)sn) se = (int64_t)sn;
  if (te > (int64_t)tn) te = (int64_t)tn;
  size_t sl = se > ss ? (size_t)(se - ss) : 0, tl = te > ts ? (size_t)(te - ts) : 0;
  rt_return_int(a, cmp_bytes(sp ? sp + ss : NULL, sl, tp ? tp + ts : NULL, tl));
}

/* ---- indexOf --------------------------------------------------------------- */

static int64_t index_of_offset(size_t length, int64_t off, int64_t nlen, bool fwd) {
  int64_t len = (int64_t)length;
  if (off < 0) {
    if (off + len >= 0) return len + off;
    if (fwd || nlen == 0) return 0;
    return -1;
  }
  if (off + nlen <= len) return off;
  if (nlen == 0) return len;
  if (fwd) return -1;
  return len - 1;
}

/* Searches units of size w (1 or 2 bytes) of hay for needle, forward from or
 * backward from position off (in units). */
static int64_t search(const uint8_t *h, size_t hn, const uint8_t *nd, size_t nn, size_t off,
                      bool fwd, size_t w) {
  if (nn > hn) return -1;
  size_t last = hn - nn;
  if (fwd) {
    if (w == 1 && nn == 1) {
      const uint8_t *r = off < hn ? memchr(h + off, nd[0], hn - off) : NULL;
      return r ? r - h : -1;
    }
    for (size_t i = off; i <= last; i++) {
      if (h[i * w] == nd[0] && memcmp(h + i * w, nd, nn * w) == 0) return (int64_t)i;
      if (w == 1) {
        const uint8_t *r = i + 1 <= last ? memchr(h + i + 1, nd[0], last - i) : NULL;
        if (!r) return -1;
        i = (size_t)(r - h) - 1;
      }
    }
    return -1;
  }
  size_t i = off < last ? off : last;
  for (;;) {
    if (memcmp(h + i * w, nd, nn * w) == 0) return (int64_t)i;
    if (i == 0) return -1;
    i--;
  }
}

static void index_of_bytes(rt_args *a, const uint8_t *h, size_t hn, const uint8_t *nd, size_t nn,
                           int64_t off_arg, int enc, bool fwd) {
  int64_t opt = index_of_offset(hn, off_arg, (int64_t)nn, fwd);
  if (nn == 0) {
    rt_return_int(a, opt);
    return;
  }
  if (hn == 0 || opt <= -1 || (fwd && nn + (size_t)opt > hn) || nn > hn) {
    rt_return_int(a, -1);
    return;
  }
  int64_t r;
  if (enc == ENC_UCS2) {
    if (hn < 2 || nn < 2) {
      rt_return_int(a, -1);
      return;
    }
    /* Compare as 16-bit units at even byte offsets. */
    r = search(h, hn / 2, nd, nn / 2, (size_t)opt / 2, fwd, 2);
    rt_return_int(a, r < 0 ? -1 : r * 2);
    return;
  }
  r = search(h, hn, nd, nn, (size_t)opt, fwd, 1);
  rt_return_int(a, r);
}

/* indexOfString(view, str, byteOffset, enc, forward) for utf8, ucs2, latin1 */
static void index_of_string_fn(rt_args *a) {
  size_t hn;
  const uint8_t *h = rt_view_data(rt_arg(a, 0), &hn);
  rt_val s = rt_arg(a, 1);
  int enc = rt_to_int32(rt_arg(a, 3));
  size_t nn = byte_length(s, enc);
  uint8_t small[256];
  uint8_t *nd = nn <= sizeof small ? small : malloc(nn);
  if (!nd) abort();
  nn = write_string(s, enc, nd, nn);
  index_of_bytes(a, h, hn, nd, nn, rt_to_int64(rt_arg(a, 2)), enc, rt_is_true(rt_arg(a, 4)));
  if (nd != small) free(nd);
}

static void index_of_buffer_fn(rt_args *a) {
  size_t hn, nn;
  const uint8_t *h = rt_view_data(rt_arg(a, 0), &hn);
  const uint8_t *nd = rt_view_data(rt_arg(a, 1), &nn);
  index_of_bytes(a, h, hn, nd, nn, rt_to_int64(rt_arg(a, 2)), rt_to_int32(rt_arg(a, 3)),
                 rt_is_true(rt_arg(a, 4)));
}

static void index_of_number_fn(rt_args *a) {
  size_t hn;
  const uint8_t *h = rt_view_data(rt_arg(a, 0), &hn);
  uint8_t c = (uint8_t)(uint32_t)rt_to_int64(rt_arg(a, 1));
  bool fwd = rt_is_true(rt_arg(a, 3));
  int64_t opt = index_of_offset(hn, rt_to_int64(rt_arg(a, 2)), 1, fwd);
  if (opt <= -1 || hn == 0) {
    rt_return_int(a, -1);
    return;
  }
  if (fwd) {
    const uint8_t *r = memchr(h + opt, c, hn - (size_t)opt);
    rt_return_int(a, r ? r - h : -1);
    return;
  }
  for (int64_t i = opt; i >= 0; i--)
    if (h[i] == c) {
      rt_return_int(a, i);
      return;
    }
  rt_return_int(a, -1);
}

/* ---- fill ------------------------------------------------------------------ */

/* fill(view, value, start, end, enc): value is a string or a Uint8Array (a
 * number is filled by buffer.js).  The first copy is repeated by doubling. */
static void fill_fn(rt_args *a) {
  size_t len;
  uint8_t *p = rt_view_data(rt_arg(a, 0), &len);
  rt_val v = rt_arg(a, 1);
  int64_t s = rt_to_int64(rt_arg(a, 2)), e = rt_to_int64(rt_arg(a, 3));
  if (s < 0 || e > (int64_t)len || s > e) {
    rt_return_int(a, -2);
    return;
  }
  size_t n = (size_t)(e - s);
  if (n == 0) {
    rt_return_int(a, 0);
    return;
  }
  uint8_t *dst = p + s;
  size_t w;
  if (rt_is_string(v)) {
    int enc = rt_to_int32(rt_arg(a, 4));
    if (enc == ENC_UTF8) {
      /* Node copies the whole UTF-8 form, cut at the end of the range even
       * inside a character. */
      size_t need = rt_string_utf8_length(v);
      uint8_t *tmp = malloc(need ? need : 1);
      if (!tmp) abort();
      w = write_string(v, enc, tmp, need);
      memcpy(dst, tmp, w < n ? w : n);
      free(tmp);
    } else {
      w = write_string(v, enc, dst, n);
    }
  } else {
    size_t vn;
    const uint8_t *vp = rt_view_data(v, &vn);
    w = vn;
    if (vn) memmove(dst, vp, vn < n ? vn : n);
  }
  if (w == 0) {
    rt_return_int(a, -1);
    return;
  }
  if (w < n) {
    size_t done = w;
    while (done < n) {
      size_t k = done < n - done ? done : n - done;
      memcpy(dst + done, dst, k);
      done += k;
    }
  }
  rt_return_int(a, 0);
}

/* ---- swaps and validation ------------------------------------------------ */

static void swap_n(rt_args *a, size_t w) {
  size_t len;
  uint8_t *p = rt_view_data(rt_arg(a, 0), &len);
  for (size_t i = 0; i + w <= len; i += w)
    for (size_t j = 0; j < w / 2; j++) {
      uint8_t t = p[i + j];
      p[i + j] = p[i + w - 1 - j];
      p[i + w - 1 - j] = t;
    }
  rt_return(a, rt_arg(a, 0));
}
static void swap16_fn(rt_args *a) {
  swap_n(a, 2);
}
static void swap32_fn(rt_args *a) {
  swap_n(a, 4);
}
static void swap64_fn(rt_args *a) {
  swap_n(a, 8);
}

static void is_utf8_fn(rt_args *a) {
  size_t n;
  const uint8_t *p = rt_view_data(rt_arg(a, 0), &n);
  rt_return_bool(a, n == 0 || rt_utf8_valid_prefix(p, n) == n);
}

static void is_ascii_fn(rt_args *a) {
  size_t n;
  const uint8_t *p = rt_view_data(rt_arg(a, 0), &n);
  for (size_t i = 0; i < n; i++)
    if (p[i] & 0x80) {
      rt_return_bool(a, false);
      return;
    }
  rt_return_bool(a, true);
}

/* createUnsafeArrayBuffer(size): an ArrayBuffer whose memory is not zeroed
 * (Buffer.allocUnsafe, the pool). */
static void create_unsafe_fn(rt_args *a) {
  double n = rt_to_number(rt_arg(a, 0));
  if (!(n >= 0)) n = 0;
  if (n >= (double)RT_BIGBUF_MIN && n < 0x1p62) {
    size_t cap;
    void *p = big_alloc((size_t)n, &cap);
    if (p) {
      rt_return(a, rt_bigbuf_array_buffer(p, (size_t)n, cap));
      return;
    }
  }
  /* From 128 KiB, malloc gives fresh mappings too: let V8 free dead
   * Buffers first so that glibc can reuse their memory. */
  if (n >= 128 * 1024) rt_array_buffer_gc_check();
  rt_val ab = rt_array_buffer((size_t)n, false);
  if (ab) rt_return(a, ab);
}

static uv_once_t tables_once = UV_ONCE_INIT;

void rt_binding_init_buffer(rt_val e) {
  uv_once(&tables_once, init_tables); /* main thread and workers */
  rt_set_method(e, "byteLengthUtf8", byte_length_utf8_fn);
  rt_set_method(e, "byteLength", byte_length_fn);
  rt_set_method(e, "write", write_fn);
  rt_set_method(e, "fromString", from_string_fn);
  rt_set_method(e, "toString", to_string_fn);
  rt_set_method(e, "compare", compare_fn);
  rt_set_method(e, "compareOffset", compare_offset_fn);
  rt_set_method(e, "indexOfString", index_of_string_fn);
  rt_set_method(e, "indexOfBuffer", index_of_buffer_fn);
  rt_set_method(e, "indexOfNumber", index_of_number_fn);
  rt_set_method(e, "fill", fill_fn);
  rt_set_method(e, "swap16", swap16_fn);
  rt_set_method(e, "swap32", swap32_fn);
  rt_set_method(e, "swap64", swap64_fn);
  rt_set_method(e, "isUtf8", is_utf8_fn);
  rt_set_method(e, "isAscii", is_ascii_fn);
  rt_set_method(e, "createUnsafeArrayBuffer", create_unsafe_fn);
  rt_val enc = rt_object();
  rt_set(enc, "utf8", rt_int(ENC_UTF8));
  rt_set(enc, "ucs2", rt_int(ENC_UCS2));
  rt_set(enc, "latin1", rt_int(ENC_LATIN1));
  rt_set(enc, "ascii", rt_int(ENC_ASCII));
  rt_set(enc, "base64", rt_int(ENC_BASE64));
  rt_set(enc, "base64url", rt_int(ENC_BASE64URL));
  rt_set(enc, "hex", rt_int(ENC_HEX));
  rt_set(e, "encodings", enc);
}
