#!/bin/bash
# Source maps: a script compiled from app.ts (types stripped, a header line,
# a v3 map next to it) is debugged in its original source — the pause shows
# app.ts and its TypeScript text, `b app.ts:N` is translated to the
# generated line, also when set before the script is loaded.
. "$(dirname "$0")/lib.sh"
need_node
mkdir -p "$T/src" "$T/dist"
cat > "$T/src/app.ts" <<'TS'
export function greet(name: string): string {
  const upper: string = name.toUpperCase();
  const msg: string = 'hi ' + upper;
  return msg;
}
TS
cat > "$T/gen.js" <<'JS'
// Strips the annotations line by line (1:1 after a header line) and writes
// dist/app.js with its map (each line maps to column 0 of its original).
const fs = require('fs');
const src = fs.readFileSync('src/app.ts', 'utf8').replace(/\n$/, '').split('\n');
const out = ['"use strict";'];
for (const l of src) out.push(l.replace(/: string/g, '').replace(/^export function (\w+)/, 'function $1'));
out.push('exports.greet = greet;');
const mappings = ';' + src.map((_, i) => (i === 0 ? 'AAAA' : 'AACA')).join(';');
fs.writeFileSync('dist/app.js', out.join('\n') + '\n//# sourceMappingURL=app.js.map\n');
fs.writeFileSync('dist/app.js.map', JSON.stringify({ version: 3, file: 'app.js',
  sources: ['../src/app.ts'], names: [], mappings }));
JS
cd "$T" && node gen.js || fail "generator"
cat > in.txt <<'TXT'
b app.ts:2
const app = require('./dist/app.js')
app.greet('bob')
upper
c
cb app.ts:2
b app.ts:3
app.greet('ann')
bt
list 1
n
msg
c
TXT
"$REPL" --runtime node < in.txt > out.txt 2> err.txt || fail "exit $?: $(cat err.txt)"
cat out.txt
diff -u "$HERE/09-sourcemap.expected" out.txt || fail "output differs"
echo ok
