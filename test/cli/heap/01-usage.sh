#!/bin/bash
# devrun-heap's command line: help, version, exit codes for bad usage.
. "$(dirname "$0")/lib.sh"
check "--help exits 0 and lists commands" run_rc 0 "$T/o" "$H" --help
check "--help mentions every command" bash -c "for c in summary top retainers diff leaks dups closures listeners gc report; do grep -q \"^  \$c \" '$T/o' || exit 1; done"
check "--version" run_rc 0 "$T/o" "$H" --version
check "--version prints the version" grep -q '^devrun-heap [0-9]' "$T/o"
check "no arguments is bad usage (2)" run_rc 2 "$T/o" "$H"
check "unknown command is bad usage (2)" run_rc 2 "$T/o" "$H" frobnicate
check "unknown command message" grep -q "^devrun-heap: unknown command 'frobnicate'" "$T/o"
for c in summary top retainers diff leaks dups closures listeners gc report info; do
  check "$c --help exits 0 with examples" run_rc 0 "$T/o" "$H" "$c" --help
  check "$c --help has examples" grep -q '^examples:' "$T/o"
  check "$c with a bad option is bad usage" run_rc 2 "$T/o" "$H" "$c" --no-such-option x
done
check "summary without a file is bad usage" run_rc 2 "$T/o" "$H" summary
check "leaks needs three files" run_rc 2 "$T/o" "$H" leaks a b
check "leaks message" grep -q "expected 3 files" "$T/o"
check "retainers needs --id or --class" run_rc 2 "$T/o" "$H" retainers x.heapsnapshot
check "--top must be a number" run_rc 2 "$T/o" "$H" summary --top lots x.heapsnapshot
check "--top message" grep -q "needs a non-negative integer, not 'lots'" "$T/o"
check "--rules must be known" run_rc 2 "$T/o" "$H" summary --rules=chrome x.heapsnapshot
check "--class must be a valid regex" bash -c "printf '{}' > '$T/e'; '$H' summary --class '(' '$T/e' >'$T/o' 2>&1; [ \$? = 2 ] && grep -q 'bad regular expression' '$T/o'"
check "report needs -o" run_rc 2 "$T/o" "$H" report x.heapsnapshot
finish
