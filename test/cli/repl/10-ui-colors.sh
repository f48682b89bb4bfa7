#!/bin/bash
# Colors: results, highlighting and the preview are colored on a color
# terminal (tmux's 8-color `screen` and a 256-color TERM), and NO_COLOR
# leaves only bold/reverse video; process.exit() ends the REPL with its status.
. "$(dirname "$0")/lib.sh"
need_node
colored() { tmux -L "$TMUX_SOCK" capture-pane -p -e; }
tmux_start "TERM=xterm-256color '$REPL' --runtime node"
wait_screen 'attached to ws://' 60
send '[40 + 2]' Enter
wait_screen '^\[ 42 \]$'
colored | grep -q $'\e\\[33m42' || fail "no yellow number: $(colored | grep 42 | cat -v)"
send "'str'"
wait_screen "^> 'str'"
colored | grep -q $'\e\\[32m' || fail "no green string highlighting"
tmux -L "$TMUX_SOCK" kill-server
# a new server on a new socket: starting one at once on the socket of the
# server being killed can reach the dying server ("server exited unexpectedly")
TMUX_SOCK="${TMUX_SOCK}-b"
tmux_start "NO_COLOR=1 '$REPL' --runtime node"
wait_screen 'attached to ws://' 60
send '[40 + 2]' Enter
wait_screen '^\[ 42 \]$'
send "'str'"
wait_screen "^> 'str'"
if colored | grep -q $'\e\\[3[0-7]m\|\e\\[9[0-7]m\|\e\\[38;'; then fail "colors despite NO_COLOR: $(colored | cat -v | head -5)"; fi
# process.exit() in the local runtime ends the full-screen REPL with its status
send C-u 'process.exit(3)' Enter
for i in $(seq 1 100); do [ -f "$T/exit" ] && break; sleep 0.1; done
grep -q 'EXITED 3' "$T/exit" || fail "exit status: $(cat "$T/exit" 2>/dev/null)"
echo ok
