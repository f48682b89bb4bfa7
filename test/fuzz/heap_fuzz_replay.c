/* heap_fuzz_replay.c — runs a libFuzzer target over the files of a corpus
 * directory without libFuzzer (normal and ASan builds), so the seed and
 * crash-regression inputs are checked on every test run. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv) {
  int files = 0;
  for (int i = 1; i < argc; i++) {
    DIR *d = opendir(argv[i]);
    if (!d) {
      fprintf(stderr, "cannot open '%s'\n", argv[i]);
      return 1;
    }
    struct dirent *e;
    while ((e = readdir(d))) {
      if (e->d_name[0] == '.') continue;
      char path[4096];
      snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
      FILE *f = fopen(path, "rb");
      if (!f) continue;
      fseek(f, 0, SEEK_END);
      long n = ftell(f);
      fseek(f, 0, SEEK_SET);
      uint8_t *buf = malloc(n > 0 ? (size_t)n : 1);
      size_t got = fread(buf, 1, (size_t)(n > 0 ? n : 0), f);
      fclose(f);
      LLVMFuzzerTestOneInput(buf, got);
      free(buf);
      files++;
    }
    closedir(d);
  }
  printf("replayed %d inputs\n", files);
  return files > 0 ? 0 : 1;
}
