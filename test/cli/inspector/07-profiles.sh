#!/bin/bash
# --cpu-prof / --cpu-prof-dir / --heap-prof write profiles DevTools opens
# (through an in-process inspector session, as Node); --inspect-publish-uid.
. "$(dirname "$0")/lib.sh"
cd "$T"
"$BIN/devrun-js" --cpu-prof --cpu-prof-dir="$T/prof" -e \
  'function spin(){let x=0;for(let i=0;i<3e7;i++)x+=i%7;return x} spin()' || fail "cpu-prof exit $?"
f=$(ls "$T"/prof/CPU.*.cpuprofile) || fail "no CPU.*.cpuprofile in --cpu-prof-dir"
node "$HERE/check-profile.js" "$f" cpu spin || fail "bad cpu profile"
"$BIN/devrun-js" --heap-prof -e \
  'function grow(){const a=[];for(let i=0;i<3e5;i++)a.push({i, s:"x"+i});return a} globalThis.keep=grow()' || fail "heap-prof exit $?"
f=$(ls "$T"/Heap.*.heapprofile) || fail "no Heap.*.heapprofile in the working directory"
node "$HERE/check-profile.js" "$f" heap grow || fail "bad heap profile"
set +e
"$BIN/devrun-js" --cpu-prof-dir=x -e 1 2>"$T/err"; rc=$?
set -e
[ $rc -eq 9 ] && grep -q -- '--cpu-prof-dir must be used with --cpu-prof' "$T/err" || fail "--cpu-prof-dir alone: $rc"

# --inspect-publish-uid=http: no stderr line, discovery over HTTP;
# =stderr: the line, but /json/list refused
"$BIN/devrun-js" --inspect=127.0.0.1:0 --inspect-publish-uid=http -e 'setTimeout(()=>{}, 300)' 2>"$T/pub.err"
if grep -q 'Debugger listening' "$T/pub.err"; then fail "publish-uid=http printed the URL"; fi
start_js --inspect=0 --inspect-publish-uid=stderr "$HERE/fixtures/idle.js"
node -e "require('http').get({port:$PORT,path:'/json/list'},r=>process.exit(r.statusCode===400?0:1)).on('error',()=>process.exit(2))" ||
  fail "publish-uid=stderr still served /json/list"
kill "$PID"
set +e
"$BIN/devrun-js" --inspect-publish-uid=carrier -e 1 2>"$T/err"; rc=$?
set -e
[ $rc -eq 9 ] || fail "bad publish-uid: exit $rc"
echo PASS
