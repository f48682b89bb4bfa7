/* err.h — error codes shared by every part of devrun.
 *
 * Fallible functions return int: >= 0 on success, a negative DR_E* code on
 * failure.  System codes equal libuv's (UV_ENOENT == -ENOENT on Unix), so a
 * libuv result passes straight through.  Codes of our own live below
 * DR__EBASE and are generated from the one X-macro below, which also generates
 * dr_strerror() and dr_err_name().  To add an error, add a line to
 * DR_OWN_ERRNO_MAP.
 */
#ifndef DEVRUN_ERR_H
#define DEVRUN_ERR_H

#include <uv.h>

#define DR__EBASE (-30000)

#define DR_OWN_ERRNO_MAP(XX)                                           \
  XX(EFORMAT, 1, "malformed input")                                    \
  XX(ETRUNC, 2, "truncated input")                                     \
  XX(EUNSUPPORTED, 3, "not supported")                                 \
  XX(EUSAGE, 4, "bad usage")                                           \
  XX(EPROTO, 5, "protocol error")                                      \
  XX(ETOOBIG, 6, "input too large")                                    \
  XX(ESTATE, 7, "operation not valid in the current state")

enum {
#define XX(name, n, msg) DR_##name = DR__EBASE - (n),
  DR_OWN_ERRNO_MAP(XX)
#undef XX
  DR_ENOENT = UV_ENOENT,
  DR_EINVAL = UV_EINVAL,
  DR_ENOMEM = UV_ENOMEM,
  DR_EEXIST = UV_EEXIST,
  DR_EIO = UV_EIO,
  DR_EAGAIN = UV_EAGAIN,
  DR_ECANCELED = UV_ECANCELED,
  DR_ETIMEDOUT = UV_ETIMEDOUT,
  DR_ECONNREFUSED = UV_ECONNREFUSED,
  DR_EOF = UV_EOF,
};

/* A static message for any code (ours or a system/libuv one). */
const char *dr_strerror(int err);
/* The symbolic name ("EFORMAT", "ENOENT"). */
const char *dr_err_name(int err);

#endif
