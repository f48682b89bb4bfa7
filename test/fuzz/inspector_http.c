/* inspector_http.c — fuzz target for the inspector's HTTP rules
 * (inspector/insp_http.c): the Host guard, routing, WebSocket path
 * matching, [host:]port parsing and the discovery JSON built from what a
 * request carries (the Host header goes into /json/list). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "insp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  (void)insp_host_allowed(s, size);
  const char *arg;
  size_t n;
  (void)insp_http_route(s, size, &arg, &n);
  (void)insp_ws_path_matches(s, size, "0f8b6c4e-1d2a-4b3c-8d9e-0a1b2c3d4e5f");
  char *z = malloc(size + 1);
  memcpy(z, data, size);
  z[size] = 0;
  char host[64] = "127.0.0.1";
  int port = 9229;
  (void)insp_parse_hostport(z, host, sizeof host, &port);
  if (insp_host_allowed(z, strlen(z))) {
    insp_target_t t = {"id", "title", "file:///x", "node.js/v20"};
    free(insp_http_list_json(&t, z));
  }
  free(z);
  return 0;
}
