# lib.sh — shared helpers of the devrun-heap CLI tests (sourced).
# $DEVRUN_HEAP is the binary, $HEAP_TEST_DIR is test/heap; both default to
# the in-tree layout so a test can be run by hand: bash test/cli/heap/03-app.sh
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${HEAP_TEST_DIR:=$here/../../heap}"
: "${DEVRUN_HEAP:=$here/../../../build/bin/devrun-heap}"
export NO_COLOR=1
H=$DEVRUN_HEAP
T=$(mktemp -d "${TMPDIR:-/tmp}/heap-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT
fails=0
ok() { printf 'ok   %s\n' "$1"; }
bad() { printf 'FAIL %s\n' "$1"; fails=$((fails + 1)); }
# check NAME CMD...: passes when CMD succeeds
check() { local n=$1; shift; if "$@"; then ok "$n"; else bad "$n"; fi; }
# run_rc WANT_RC OUTFILE CMD...: runs CMD, stdout+stderr to OUTFILE, compares the exit code
run_rc() {
  local want=$1 out=$2; shift 2
  "$@" >"$out" 2>&1; local rc=$?
  if [ "$rc" != "$want" ]; then echo "  exit $rc, wanted $want: $*"; sed 's/^/  | /' "$out" | head -20; return 1; fi
}
# json FILE PYTHON-EXPR: evaluates EXPR with j = the parsed JSON, passes if truthy
json() { python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); sys.exit(0 if eval(sys.argv[2]) else 1)' "$1" "$2" || { echo "  not true: $2"; head -c 600 "$1" | sed 's/^/  | /'; return 1; }; }
finish() { if [ "$fails" -gt 0 ]; then echo "$fails check(s) failed"; exit 1; fi; echo "all checks passed"; exit 0; }
need_node() { command -v node >/dev/null || { echo "SKIP: node not installed"; exit 77; }; }
