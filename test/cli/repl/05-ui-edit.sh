#!/bin/bash
# The full-screen UI under tmux (local mode on Node): evaluation, multi-line
# input, eager preview, completion popup, expanding results, bracketed
# paste, history file and Ctrl+R search, .editor, resizing, .exit.
. "$(dirname "$0")/lib.sh"
need_node
tmux_start "EDITOR='$T/ed.sh' DEVRUN_REPL_HISTORY='$T/history' '$REPL' --runtime node"
wait_screen 'attached to ws://127\.0\.0\.1:[0-9]+/' 60
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
wait_screen ' alphaOne *$'
wait_screen ' alphaTwo *$'
send Down Tab
wait_screen '^> gadget\.alphaTwo'
wait_screen '^2$'   # the preview of gadget.alphaTwo
send Enter
send 'gadget.toFix'
send C-u 'gadget.hasOwnProp' Tab
wait_screen '^> gadget\.hasOwnProperty'
send C-u
# results expand in place: F2 selects the last printed object, Enter opens
# it (properties fetched lazily), Down + Enter opens a nested one
send "({ inner: { deep: 42 }, name: 'x' })" Enter
wait_screen "^\{ inner: \{ deep: 42 \}, name: 'x' \}$"
send F2
wait_screen '\[browse\]'
send Enter
wait_screen '^  inner: \{ deep: 42 \}$'
wait_screen "^  name: 'x'$"
send Down Enter
wait_screen '^    deep: 42$'
send Left
for i in $(seq 1 100); do screen | grep -q '^    deep: 42$' || break; sleep 0.1; done
refute_screen '^    deep: 42$'
send Escape
for i in $(seq 1 100); do screen | grep -q '\[browse\]' || break; sleep 0.1; done
refute_screen '\[browse\]'
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
send C-u C-u C-u
# .editor runs $EDITOR on the input; what it saves becomes the input
printf '#!/bin/sh\necho "6 * 9" > "$1"\n' > "$T/ed.sh"; chmod +x "$T/ed.sh"
send '.editor' Enter
wait_screen '^> 6 \* 9'
send Enter
wait_screen '^54$'
# SIGWINCH: the layout follows the new size (input two rows above the bottom)
tmux -L "$TMUX_SOCK" resize-window -x 60 -y 20
for i in $(seq 1 100); do [ "$(screen | wc -l)" = 20 ] && screen | sed -n 18p | grep -q '^>' && break; sleep 0.1; done
screen | sed -n 18p | grep -q '^>' || fail "no prompt on row 18 after resizing to 60x20"
[ "$(screen | sed -n 20p | wc -c)" -le 61 ] || fail "status line wider than 60 columns"
send '.exit' Enter
for i in $(seq 1 100); do [ -f "$T/exit" ] && break; sleep 0.1; done
grep -q 'EXITED 0' "$T/exit" || fail "exit status: $(cat "$T/exit" 2>/dev/null)"
echo ok
