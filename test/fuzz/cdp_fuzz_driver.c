/* cdp_fuzz_driver.c — replays fuzz inputs without libFuzzer (normal and
 * ASan builds), so every corpus file is a regression test: each argument is
 * a file or a directory of files passed to LLVMFuzzerTestOneInput(). */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path) {
  FILE *f = fopen(path, "rb");
  static uint8_t buf[1 << 20];
  size_t n;
  if (!f) {
    fprintf(stderr, "cannot open '%s'\n", path);
    return 1;
  }
  n = fread(buf, 1, sizeof(buf), f);
  fclose(f);
  LLVMFuzzerTestOneInput(buf, n);
  return 0;
}

int main(int argc, char **argv) {
  int files = 0;
  for (int i = 1; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
      DIR *d = opendir(argv[i]);
      struct dirent *e;
      while (d && (e = readdir(d))) {
        char p[4096];
        if (e->d_name[0] == '.') continue;
        snprintf(p, sizeof(p), "%s/%s", argv[i], e->d_name);
        if (run_file(p)) return 1;
        files++;
      }
      if (d) closedir(d);
    } else {
      if (run_file(argv[i])) return 1;
      files++;
    }
  }
  printf("replayed %d inputs\n", files);
  return files > 0 ? 0 : 1;
}
