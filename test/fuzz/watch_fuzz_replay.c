/* watch_fuzz_replay.c — runs a libFuzzer target without libFuzzer: every
 * file in the corpus directories given on the command line is fed to
 * LLVMFuzzerTestOneInput once, plus every prefix of each file (cheap
 * truncation coverage).  This is how the fuzz targets run in ordinary and
 * ASan builds; -DDEVRUN_FUZZ=ON builds the real fuzzers instead. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return 0;
  uint8_t *buf = malloc(1 << 20);
  size_t n = fread(buf, 1, 1 << 20, f);
  fclose(f);
  for (size_t i = 0; i <= n; i++) {
    /* each prefix in a buffer of its own size, so ASan sees overreads */
    uint8_t *copy = malloc(i ? i : 1);
    memcpy(copy, buf, i);
    LLVMFuzzerTestOneInput(copy, i);
    free(copy);
  }
  free(buf);
  return 1;
}

int main(int argc, char **argv) {
  int files = 0;
  for (int a = 1; a < argc; a++) {
    DIR *d = opendir(argv[a]);
    if (!d) {
      files += run_file(argv[a]);
      continue;
    }
    struct dirent *de;
    while ((de = readdir(d))) {
      if (de->d_name[0] == '.') continue;
      char path[4096];
      snprintf(path, sizeof(path), "%s/%s", argv[a], de->d_name);
      files += run_file(path);
    }
    closedir(d);
  }
  printf("replayed %d corpus files\n", files);
  return files > 0 ? 0 : 1;
}
