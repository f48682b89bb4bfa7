/* procstat.c — what `stats` prints: the app's process group from /proc.
 *
 * Sums RSS and CPU time (utime+stime of every live member, plus what their
 * reaped children used: cutime+cstime) over every process whose process
 * group is pgid.  Linux only; elsewhere it reports DR_EUNSUPPORTED.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "devrun/err.h"
#include "watch.h"

int watch_procstat_group(pid_t pgid, watch_procstat_t *out) {
  memset(out, 0, sizeof(*out));
#ifdef __linux__
  DIR *d = opendir("/proc");
  if (!d) return DR_EUNSUPPORTED;
  long page = sysconf(_SC_PAGESIZE);
  struct dirent *de;
  while ((de = readdir(d))) {
    if (de->d_name[0] < '1' || de->d_name[0] > '9') continue;
    char path[300], buf[1024];
    snprintf(path, sizeof(path), "/proc/%s/stat", de->d_name);
    FILE *f = fopen(path, "r");
    if (!f) continue;
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *p = strrchr(buf, ')');
    if (!p) continue;
    /* fields after comm: state ppid pgrp session tty tpgid flags minflt
     * cminflt majflt cmajflt utime stime cutime cstime prio nice threads
     * itreal starttime vsize rss */
    char state;
    long ppid, pgrp, session, tty, tpgid;
    unsigned long flags, minflt, cminflt, majflt, cmajflt, utime, stime;
    long cutime, cstime, prio, nice, threads, itreal;
    unsigned long long starttime;
    unsigned long vsize;
    long rss;
    int got = sscanf(
        p + 2,
        "%c %ld %ld %ld %ld %ld %lu %lu %lu %lu %lu %lu %lu %ld %ld %ld %ld %ld %ld %llu %lu %ld",
        &state, &ppid, &pgrp, &session, &tty, &tpgid, &flags, &minflt, &cminflt, &majflt, &cmajflt,
        &utime, &stime, &cutime, &cstime, &prio, &nice, &threads, &itreal, &starttime, &vsize,
        &rss);
    if (got != 22 || pgrp != pgid || state == 'Z') continue;
    out->nprocs++;
    out->rss_bytes += (uint64_t)rss * (uint64_t)page;
    out->cpu_ticks += utime + stime + (unsigned long)cutime + (unsigned long)cstime;
  }
  closedir(d);
  return 0;
#else
  (void)pgid;
  return DR_EUNSUPPORTED;
#endif
}
