/* help.c — the dot-command table and the help text, shared by line mode,
 * the full-screen UI and completion. */
#include "repl.h"

const char *repl_dot_commands[] = {".break", ".clear", ".editor", ".exit",
                                   ".help",  ".load",  ".save",   NULL};

const char *repl_help_text =
    ".break    Sometimes you get stuck, this gets you out (discard the input)\n"
    ".clear    Alias for .break\n"
    ".editor   Edit the current input in $EDITOR (full screen only)\n"
    ".exit     Exit the REPL\n"
    ".help     Print this help message\n"
    ".load     Load JS from a file into the REPL session\n"
    ".save     Save all evaluated commands in this REPL session to a file\n"
    "\n"
    "Debugger: b FILE:LINE [if COND], log FILE:LINE EXPR, cb FILE:LINE, breakpoints,\n"
    "  catch all|uncaught|none, watch EXPR, unwatch N, pause; when paused:\n"
    "  c(ont), n(ext), s(tep), o(ut), bt, up, down, list [N], vars (full screen:\n"
    "  the scope variables into the output, expandable with F2).\n"
    "Keys (full screen): F5 continue, F6 pause, F10 next, F11 step, Shift+F11 out,\n"
    "  F9 breakpoint at the source cursor, Alt+Up/Down move it, F4 run to it,\n"
    "  Ctrl+PgUp/PgDn up/down the stack, Ctrl+R search, Tab complete.\n";
