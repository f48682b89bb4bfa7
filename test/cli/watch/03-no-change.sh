#!/usr/bin/env bash
# Things that are not changes restart nothing: touch, rewriting identical
# content, an atomic save of identical content, chmod, reading files, and
# writes to ignored paths (defaults, .gitignore, --ignore, other extensions).
. "$(dirname "$0")/lib.sh"

echo "let v = 0" > app.js
mkdir -p node_modules/pkg .git src/gen logs
echo "module.exports = 1" > node_modules/pkg/index.js
echo "gen/" > src/.gitignore
echo "*.local.js" > .gitignore
echo "x" > src/gen/out.js
start_devrun --debounce 100 -v --ignore 'logs/' -- sh child.sh
expect_starts 1 "first start"
sentinel

mark; touch app.js;                        check_none "touch"
mark; echo "let v = 0" > app.js;           check_none "identical rewrite"
mark; echo "let v = 0" > t.tmp; mv t.tmp app.js; check_none "atomic save, same content"
mark; echo "let v = 0" > t.js; mv t.js app.js; check_none "rename-over from a .js temp, same content"
mark; chmod 600 app.js; cat app.js > /dev/null
WANT_NOTE=0 check_none "chmod and read"
mark; echo "changed" > node_modules/pkg/index.js
WANT_NOTE=0 check_none "node_modules (default ignore)"
mark; echo "changed" > .git/HEAD.js
WANT_NOTE=0 check_none ".git (default ignore)"
mark; echo "x" > src/gen/out.js; echo y > src/gen/new.js
WANT_NOTE=0 check_none "nested .gitignore"
mark; echo "x" > config.local.js
WANT_NOTE=0 check_none "root .gitignore"
mark; echo "x" > logs/a.js
WANT_NOTE=0 check_none "--ignore logs/"
mark; echo "x" > notes.txt; echo y > style.css
WANT_NOTE=0 check_none "other extensions"
grep -q "not watching ignored 'node_modules/'" dr.log || fail "node_modules got a watch"
stop_devrun
