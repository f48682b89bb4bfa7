/* cdp_message.c — libFuzzer target for everything the CDP client parses
 * from the network: the /json/list HTTP reply, target strings and URLs, and
 * incoming CDP messages (replies matched to pending ids, events fanned out to
 * subscriptions).  The first byte picks the parser.
 *
 *   cmake -DDEVRUN_FUZZ=ON -DCMAKE_C_COMPILER=clang ... && ./fuzz_cdp_message corpus/
 * Without DEVRUN_FUZZ it is linked with fuzz_driver.c and replays the corpus
 * as a regression test.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/src/cdp_int.h"
#include "devrun/err.h"

static void on_result(dr_cdp_t *c, int status, json_t *result, void *data) {
  if (result) (void)json_object_size(result);
  (*(int *)data)++;
}

static void on_event(dr_cdp_t *c, const char *method, json_t *params, void *data) {
  (*(int *)data) += (int)strlen(method) + (int)json_object_size(params) > 0;
  if (!strcmp(method, "Fuzz.close")) dr_cdp_close(c); /* close from a callback */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *s;
  if (size < 1) return 0;
  s = malloc(size);
  memcpy(s, data + 1, size - 1);
  s[size - 1] = '\0';
  switch (data[0] % 3) {
    case 0: {
      int status;
      const char *body;
      size_t n;
      char *url = NULL;
      if (dr__http_parse_response(s, size - 1, &status, &body, &n) == 0 &&
          dr__cdp_pick_target(body, n, &url) == 0)
        free(url);
      break;
    }
    case 1: {
      dr__cdp_target_t t;
      (void)dr__cdp_parse_target(s, &t);
      break;
    }
    default: {
      dr_cdp_t *c = dr__cdp_new_detached();
      int count = 0, closed = 0;
      char *m;
      size_t off = 0;
      for (int i = 0; i < 3; i++) dr_cdp_send(c, "Runtime.evaluate", NULL, on_result, &count);
      dr_cdp_subscribe(c, "*", on_event, &count);
      dr_cdp_subscribe(c, "Debugger.", on_event, &count);
      while ((m = dr__cdp_take_sent(c))) free(m);
      /* Messages separated by NUL-free newlines. */
      while (off < size - 1) {
        char *nl = memchr(s + off, '\n', size - 1 - off);
        size_t len = nl ? (size_t)(nl - (s + off)) : size - 1 - off;
        dr__cdp_enqueue(c, s + off, len);
        off += len + 1;
      }
      if (dr_cdp_poll(c, 0) == DR_EOF) closed = 1;
      if (!closed) dr_cdp_close(c);
      break;
    }
  }
  free(s);
  return 0;
}
