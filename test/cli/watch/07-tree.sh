#!/usr/bin/env bash
# The watch set: new directories are picked up as they appear, removed and
# renamed directories are handled, --watch of a subdirectory or a single
# file, --ext, --poll, the inotify watch limit (simulated with
# DEVRUN_INOTIFY_MAX) falls back to polling with the sysctl hint, and an
# inotify queue overflow is recovered by a rescan.
. "$(dirname "$0")/lib.sh"

echo "let v = 0" > app.js
mkdir -p old/deep
echo "x" > old/deep/m.js
start_devrun --debounce 100 -v -- sh child.sh
expect_starts 1 "first start"
sentinel

mark; mkdir -p a/b/c; echo "x" > a/b/c/new.js
check_one "new nested directory" "a/b/c/new.js added"
mark; echo "y" > a/b/c/new.js
check_one "file in a directory created at run time" "a/b/c/new.js changed"
mark; mv old renamed
check_one "directory renamed away" "\(old\|renamed\)[/a-z.]* \(added\|removed\)"
mark; echo "z" > renamed/deep/m.js
check_one "file in the renamed directory" "renamed/deep/m.js changed"
mark; rm -rf a
check_one "directory removed" "a[/a-z.]* removed"
grep -q "cannot watch\|error" dr.log && fail "errors in the output"
stop_devrun

# --watch a subdirectory and a single file, --ext
rm -f app.log dr.log
mkdir -p src other
echo "x" > src/a.ts; echo "x" > other/b.ts; echo "x" > solo.cfg
start_devrun --debounce 100 -w src -w solo.cfg -e ts -- sh child.sh
expect_starts 1 "subset start"
echo "y" > other/b.ts; echo "y" > src/a.js
echo "y" > src/a.ts
expect_starts 2 "src/a.ts"
echo "y" > solo.cfg
expect_starts 3 "solo.cfg"
[ "$(restarts)" -eq 2 ] || fail "only src/*.ts and solo.cfg count: $(grep restarting dr.log)"
grep -q 'restarting: src/a.ts changed' dr.log || fail "src/a.ts reason"
grep -q 'restarting: solo.cfg changed' dr.log || fail "solo.cfg reason"
stop_devrun
ok "--watch DIR, --watch FILE, --ext"

# --poll
rm -f app.log dr.log
start_devrun --poll=100 -- sh child.sh
expect_starts 1 "poll start"
mkdir -p p/q; echo "x" > p/q/n.js
expect_starts 2 "poll: new file in a new directory"
echo "let v = 5" > app.js
expect_starts 3 "poll: change"
grep -q 'polling' dr.log || fail "poll mode not reported"
stop_devrun
ok "--poll detects new directories and changes"

# inotify limit: 3 watches for a tree of 12 directories
rm -rf app.log dr.log p src other
mkdir -p t1/a t1/b t1/c t2/a t2/b t2/c t3/a t3/b t3/c
DEVRUN_INOTIFY_MAX=3 start_devrun -- sh child.sh
expect_starts 1 "limit start"
grep -q 'inotify watch limit reached (fs.inotify.max_user_watches = 3)' dr.log || fail "no limit warning"
grep -q 'sudo sysctl -w fs.inotify.max_user_watches=' dr.log || fail "no sysctl hint"
echo "x" > t3/c/deep.js
expect_starts 2 "change in a polled directory"
ok "watch limit: warning with the sysctl command, polled fallback keeps working"
stop_devrun

# queue overflow: devrun stopped while 20,000 events pile up
rm -f app.log dr.log
mkdir -p flood
start_devrun -- sh child.sh
expect_starts 1 "flood start"
kill -STOP "$DR_PID"
python3 - <<'PY'
import os
for i in range(10000):
    with open("flood/f%05d.txt" % i, "w") as f: f.write("x")
with open("flood/real.js", "w") as f: f.write("x")
PY
kill -CONT "$DR_PID"
wait_for "grep -q 'queue overflow' dr.log" || fail "overflow not reported"
expect_starts 2 "restart after the rescan"
grep -q 'restarting: flood/real.js added' dr.log || fail "rescan did not find flood/real.js: $(grep restarting dr.log)"
ok "inotify queue overflow: rescan finds the change"
stop_devrun
