#!/bin/bash
# The debugger in line mode (node inspect style): a breakpoint set with
# `b file:line`, hit, backtrace, stepping, evaluation in the paused frame,
# watches, up/down the stack, a conditional breakpoint, a logpoint,
# pause on caught exceptions, continue.
. "$(dirname "$0")/lib.sh"
need_node
cat > "$T/calc.js" <<'JS'
function add(a, b) {
  const sum = a + b;
  return sum * 2;
}
function loop(n) {
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += i;
  }
  return total;
}
module.exports = { add, loop };
JS
cat > "$T/in.txt" <<'TXT'
const calc = require('./calc.js')
b calc.js:2
add = calc.add
add(3, 4)
bt
up
down
n
sum
watch sum * 10
watchers
c
cb calc.js:2
add(1, 1)
b calc.js:8 if i === 3
calc.loop(10)
i
total
c
cb calc.js:8
log calc.js:8 'i is', i
calc.loop(3)
breakpoints
catch all
try { throw new Error('boom') } catch (e) { 'caught' }
c
catch none
TXT
cd "$T" && "$REPL" --runtime node < in.txt > out.txt 2> err.txt || fail "exit $?: $(cat err.txt)"
cat out.txt
diff -u "$HERE/03-line-debugger.expected" out.txt || fail "output differs"
echo ok
