/* output.c — the presentation helpers every command shares: human sizes,
 * colors (only on a TTY, never with NO_COLOR or --color=never), JSON
 * printing with jansson.  Commands build jansson values for --json and print
 * aligned tables themselves.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "devrun/util.h"
#include "heap.h"

int heap_color = 0;

void heap_fmt_size(uint64_t b, char *buf, size_t len) {
  if (b < 1024)
    snprintf(buf, len, "%llu B", (unsigned long long)b);
  else if (b < 1024 * 1024)
    snprintf(buf, len, "%.1f KB", (double)b / 1024.0);
  else if (b < 1024ULL * 1024 * 1024)
    snprintf(buf, len, "%.1f MB", (double)b / (1024.0 * 1024.0));
  else
    snprintf(buf, len, "%.2f GB", (double)b / (1024.0 * 1024.0 * 1024.0));
}

const char *heap_c(const char *code) {
  return heap_color ? code : "";
}

int heap_tty_width(void) {
  struct winsize ws;
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
    return ws.ws_col;
  return 120;
}

/* Replaces invalid UTF-8 with U+FFFD so jansson accepts any snapshot string. */
json_t *heap_json_str(const char *s) {
  json_t *v = json_string(s);
  if (v) return v;
  dr_buf_t b = DR_BUF_INIT;
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    int n = *p < 0x80 ? 1 : (*p >> 5) == 6 ? 2 : (*p >> 4) == 14 ? 3 : (*p >> 3) == 30 ? 4 : 0;
    int ok = n > 0;
    for (int i = 1; ok && i < n; i++) ok = (p[i] & 0xC0) == 0x80;
    if (ok) {
      dr_buf_add(&b, p, (size_t)n);
      p += n;
    } else {
      dr_buf_adds(&b, "\xEF\xBF\xBD");
      p++;
    }
  }
  v = json_string(b.buf);
  dr_buf_release(&b);
  return v ? v : json_string("");
}

int heap_json_print(json_t *v) {
  int rc = json_dumpf(v, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  fputc('\n', stdout);
  json_decref(v);
  return rc;
}
