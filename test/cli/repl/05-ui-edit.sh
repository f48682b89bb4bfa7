#!/bin/bash
# The full-screen UI under tmux (local mode on Node): evaluation, multi-line
# input, eager preview, completion popup, bracketed paste, history file and
# Ctrl+R search, .exit.
. "$(dirname "$0")/lib.sh"
need_node
tmux_start "DEVRUN_REPL_HISTORY='$T/history' '$REPL' --runtime node"
wait_screen 'attached to ws://127\.0\.0\.1:[0-9]+/'
# evaluation
send '6 * 7' Enter
wait_screen '^42$'
# eager preview: shown under the input before Enter, never run for effects
send 'let counter = 1' Enter
wait_screen '^undefined$'
send '[1, 2, 3].map(v => v * counter + 1)'
wait_screen '^\[ 2, 3, 4 \]$'
send C-u 'counter++'
wait_screen '^> counter\+\+'
refute_screen '^2$'
send C-u 'counter' Enter
wait_screen '^1$'
# multi-line: an open block continues on the next line
send 'function twice(x) {' Enter
wait_screen '^\.\.\.'
send 'return x * 2' Enter '}' Enter
wait_screen '^\.\.\. }'
send 'twice(50)' Enter
wait_screen '^100$'
# completion popup along the prototype chain, accepted with Tab
send 'const gadget = { alphaOne: 1, alphaTwo: 2 }' Enter
send 'gadget.alp'
wait_screen '^ +alphaOne *$'
wait_screen '^ +alphaTwo *$'
send Down Tab
wait_screen '^> gadget\.alphaTwo'
wait_screen '^2$'   # the preview of gadget.alphaTwo
send Enter
send 'gadget.toFix'
send C-u 'gadget.hasOwnProp' Tab
wait_screen '^> gadget\.hasOwnProperty'
send C-u
# bracketed paste: a pasted block is one input
send -l $'\e[200~const pasted = 1;\nconst pasted2 = pasted + 1;\e[201~'
wait_screen '^\.\.\. const pasted2 = pasted \+ 1;'
send Enter
send 'pasted2' Enter
wait_screen '^> pasted2'
# history: the file has the multi-line entry whole, mode 0600; Ctrl+R finds it
for i in $(seq 1 100); do grep -q 'pasted2' "$T/history" 2>/dev/null && break; sleep 0.1; done
grep -q '^function twice(x) {\\nreturn x \* 2\\n}$' "$T/history" || fail "history: $(cat "$T/history")"
[ "$(stat -c %a "$T/history")" = 600 ] || fail "history mode $(stat -c %a "$T/history")"
send C-r 'twi'
wait_screen "reverse-i-search\)\`twi'"
send Enter
wait_screen '^> function twice\(x\) \{'
send C-u C-u C-u '.exit' Enter
for i in $(seq 1 100); do [ -f "$T/exit" ] && break; sleep 0.1; done
grep -q 'EXITED 0' "$T/exit" || fail "exit status: $(cat "$T/exit" 2>/dev/null)"
echo ok
