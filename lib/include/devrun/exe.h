/* exe.h — finding the suite's own binaries.
 *
 * The binaries of devrun are installed side by side (build/bin/): devrun
 * runs devrun-js and devrun-inspect, devrun-repl runs devrun-js, `devrun
 * <sub>` runs devrun-<sub>.  dr_exe_sibling() looks next to the running
 * executable (/proc/self/exe on Linux).
 */
#ifndef DEVRUN_EXE_H
#define DEVRUN_EXE_H

/* The absolute path of the running executable, malloc'd (caller frees), or
 * NULL if the system cannot tell. */
char *dr_exe_path(void);

/* The path of `name` in the running executable's directory if an
 * executable file is there (malloc'd, caller frees), else NULL. */
char *dr_exe_sibling(const char *name);

#endif
