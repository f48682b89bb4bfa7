#!/bin/bash
# Line mode (stdin not a terminal) in local mode on Node: evaluation with
# Node REPL semantics, printed like util.inspect, compared with a recording.
. "$(dirname "$0")/lib.sh"
need_node
cat > "$T/in.js" <<'JS'
1 + 2
'it' + "'s"
let x = 5
x * 2
_
let x = 6
x
const o = { a: 1, b: 'two', c: [1, 2, 3], d: { e: null } }
o
function add(a, b) {
  return a + b
}
add(2, 3)
`multi
line`
await Promise.resolve(42)
_ + 1
nope
_error.message
{ a: 1 }
throw 5
new Map([['k', 1]])
require('path').join('a', 'b')
[1, 2, 3].map(v => v * 2)
class Point { constructor(x) { this.x = x } }
new Point(7)
undefined
(await import('./mod.js')).answer
.exit
1 + 1
JS
echo 'exports.answer = 42;' > "$T/mod.js"
cd "$T" && "$REPL" --runtime node < in.js > out.txt 2> err.txt || fail "exit $? $(cat err.txt)"
diff -u "$HERE/01-line-eval.expected" out.txt || fail "output differs"
[ ! -s err.txt ] || fail "unexpected stderr: $(cat err.txt)"
# .help lists the dot-commands; an unknown one is reported
printf '.help\n.nope\n' | "$REPL" --runtime node > help.txt 2> err.txt
for c in .break .clear .editor .exit .help .load .save; do
  grep -q "^$c " help.txt || fail ".help lacks $c"
done
grep -q 'Invalid REPL keyword' err.txt || fail ".nope not reported"
# .save writes the inputs; .load evaluates a file
printf 'let saved = 40\nsaved + 2\n.save %s/s.js\n' "$T" | "$REPL" --runtime node > /dev/null 2>>"$T/repl.err" || fail "exit $?"
[ "$(cat "$T/s.js")" = "let saved = 40
saved + 2" ] || fail ".save wrote: $(cat "$T/s.js")"
out=$(printf '.load %s/s.js\n' "$T" | "$REPL" --runtime node 2>>"$T/repl.err") || fail "exit $?"
[ "$out" = 42 ] || fail ".load printed [$out]"
# process.exit() in the local runtime ends the REPL with its status
out=$(printf '1 + 1\nconsole.log("bye"); process.exit(7)\n2 + 2\n' | "$REPL" --runtime node 2>>"$T/repl.err")
rc=$?
[ "$rc" = 7 ] || fail "process.exit(7): exit status $rc"
[ "$out" = "2
bye" ] || fail "process.exit(7): output [$out]"
echo ok
