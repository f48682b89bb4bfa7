#!/usr/bin/env bash
# Each editor save pattern gives exactly one restart: plain write, truncate
# then write, several writes, atomic rename-over, vim's backup dance,
# JetBrains safe-write, sed -i, temporary files around a save, and a
# 500-file checkout.  (A longer --debounce than the default keeps the test
# robust on a loaded CI machine; benchmarks measure the default.)
. "$(dirname "$0")/lib.sh"

echo "let v = 0" > app.js
mkdir -p lib
for i in $(seq 1 500); do echo "exports.v = $i" > "lib/m$i.js"; done
start_devrun --debounce 250 -v -- sh child.sh
expect_starts 1 "first start"
sentinel # creates zz_sentinel.js: an added file restarts too

# plain write
mark
echo "let v = 1" > app.js
check_one "plain write" "app.js changed"

# truncate, then write (some editors, and '>' in shells)
mark
truncate -s 0 app.js; printf 'let v = 2\n' >> app.js
check_one "truncate+write" "app.js changed"

# several writes to one open file, then several open/append/close in a row
mark
{ printf 'let v'; printf ' = '; printf '3\n'; } > app.js
for i in 1 2 3 4 5; do echo "// line $i" >> app.js; done
check_one "multiple writes" "app.js changed"

# atomic save: write a temp file, rename it over the original
mark
printf 'let v = 4\n' > .app.js.tmp-123; mv .app.js.tmp-123 app.js
check_one "rename-over" "app.js changed"

# vim (backupcopy=no): probe file 4913, rename original to app.js~, write new, delete backup
mark
touch 4913; rm 4913
echo "x" > .app.js.swp
mv app.js app.js~
printf 'let v = 5\n' > app.js
rm app.js~ .app.js.swp
check_one "vim save" "app.js changed"

# JetBrains safe-write
mark
printf 'let v = 6\n' > app.js___jb_tmp___
mv app.js app.js___jb_old___
mv app.js___jb_tmp___ app.js
rm app.js___jb_old___
check_one "JetBrains safe-write" "app.js changed"

# sed -i (temp file in the same directory, renamed over)
mark
sed -i 's/6/7/' app.js
check_one "sed -i" "app.js changed"

# temporary files with the watched extension created and removed around the save
mark
echo "tmp" > scratch.js; rm scratch.js
printf 'let v = 8\n' > app.js
check_one "temp files" "app.js changed"

# a 500-file checkout: every module rewritten at once
mark
for i in $(seq 1 500); do echo "exports.v = $i + 1" > "lib/m$i.js"; done
check_one "500-file batch" "lib/m[0-9]*.js changed and 499 more files"

stop_devrun
ok "save patterns"
