/* err.c — messages and names for DR_E* codes (see devrun/err.h). */
#include "devrun/err.h"

const char *dr_strerror(int err) {
  switch (err) {
#define XX(name, n, msg) \
  case DR_##name:        \
    return msg;
    DR_OWN_ERRNO_MAP(XX)
#undef XX
  }
  return uv_strerror(err);
}

const char *dr_err_name(int err) {
  switch (err) {
#define XX(name, n, msg) \
  case DR_##name:        \
    return #name;
    DR_OWN_ERRNO_MAP(XX)
#undef XX
  }
  return uv_err_name(err);
}
