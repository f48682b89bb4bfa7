#!/bin/bash
# The debugger view under tmux, attached to `node --inspect` running an app
# with a timer: a breakpoint set from the prompt is hit, the screen splits
# (source with marker and breakpoint gutter, stack, variables), expressions
# evaluate in the paused frame, F10 steps, F11 steps in, a watch updates,
# F5 resumes; F6 pauses a busy loop.
. "$(dirname "$0")/lib.sh"
need_node
cat > "$T/ticker.js" <<'JS'
let ticks = 0;
function scale(v) {
  const factor = 3;
  return v * factor;
}
function tick() {
  ticks++;
  const scaled = scale(ticks);
  globalThis.last = scaled;
}
setInterval(tick, 200);
globalThis.spinSoon = () => { setTimeout(function spinner() { for (;;) {} }, 0); return 'spinning'; };
JS
start_node "$T/ticker.js"
COLS=120 ROWS=40 tmux_start "'$REPL' --attach $NODE_PORT"
wait_screen 'attached to ws://' 60
send 'b ticker.js:8' Enter
wait_screen '^Breakpoint ticker\.js:8'
wait_screen 'Paused \(breakpoint\) in tick at ticker\.js:8'
wait_screen '^>● +8 +const scaled = scale\(ticks\);'
wait_screen '│ >#0 tick ticker\.js:8'
wait_screen '│ local:'
wait_screen '│   scaled = undefined'
wait_screen '^debug>'
send 'ticks * 100' Enter
wait_screen '^[0-9]+00$'
# `vars` prints the scope variables; objects among them expand with F2
send 'vars' Enter
wait_screen '^  scale = \[Function: scale\]$'
send F2
wait_screen '\[browse\]'
send Enter
wait_screen '^    \[\[FunctionLocation\]\]: '
send Escape
send 'watch ticks + 1000' Enter
wait_screen '│ 0: ticks \+ 1000 = 10[0-9][0-9]'
# `n` (text command) steps over the call: scaled gets its value
send 'n' Enter
wait_screen 'Paused \(other\) in tick at ticker\.js:9'
wait_screen '│   scaled = [0-9]+'
# F5 continues to the breakpoint in the next tick; F11 steps into scale(),
# F10 steps over a line in it, Shift+F11 steps back out into tick()
send F5
wait_screen 'Paused \(breakpoint\) in tick at ticker\.js:8'
send F11
wait_screen 'Paused \(other\) in scale at ticker\.js:3'
wait_screen '│ >#0 scale ticker\.js:3'
wait_screen '│  #1 tick ticker\.js:8'
send F10
wait_screen 'Paused \(other\) in scale at ticker\.js:4'
wait_screen '│   factor = 3'
# completion offers the paused frame's locals
send 'facto'
wait_screen ' factor *$'   # the popup (it may overlay an output line)
send Escape C-u
# up/down the stack (text command and Ctrl+PgDn)
send -l 'up'; send Enter   # -l: 'up' alone would be tmux's Up key
wait_screen '│ >#1 tick ticker\.js:8'
send C-NPage
wait_screen '│ >#0 scale ticker\.js:4'
send S-F11
wait_screen 'Paused \(other\) in tick at ticker\.js:[89]'
# clear the breakpoint, resume: the view closes and the app runs on
send 'cb ticker.js:8' Enter
wait_screen '^Cleared breakpoint ticker\.js:8'
# F9 toggles a breakpoint at the source cursor (moved with Alt+Up/Down),
# F4 runs to the cursor
send M-Up
send F9
wait_screen '^Breakpoint .*ticker\.js:8'
wait_screen '^ ● +8 '
send F9
wait_screen '^Cleared breakpoint ticker\.js:8'
send F5
for i in $(seq 1 200); do screen | grep -q '\[paused\]' || break; sleep 0.1; done
refute_screen '\[paused\]'
send 'last > 1' Enter
wait_screen '^true$'
# F6 pauses the app while it is busy in its own code
send 'spinSoon()' Enter
wait_screen "^'spinning'$"
send F6
wait_screen 'Paused \(other\) in spinner at ticker\.js:12'
send '6 * 7' Enter
wait_screen '^42$'
echo ok
