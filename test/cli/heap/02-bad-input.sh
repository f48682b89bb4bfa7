#!/bin/bash
# Bad input never crashes devrun-heap: missing, empty, truncated and
# malformed files are reported (with the byte offset) and exit 1.
. "$(dirname "$0")/lib.sh"
check "missing file exits 1" run_rc 1 "$T/o" "$H" summary "$T/x.heapsnapshot"
check "missing file message" grep -qx "devrun-heap: cannot open '$T/x.heapsnapshot': No such file or directory" "$T/o"
: > "$T/empty.heapsnapshot"
check "empty file exits 1" run_rc 1 "$T/o" "$H" summary "$T/empty.heapsnapshot"
check "empty file message" grep -q "truncated input.* at byte 0" "$T/o"
check "a directory exits 1" run_rc 1 "$T/o" "$H" summary "$T"
gzip -dc "$HEAP_TEST_DIR/fixtures/app-4k.heapsnapshot.gz" > "$T/ok.heapsnapshot"
size=$(wc -c < "$T/ok.heapsnapshot")
check "the fixture itself loads" run_rc 0 "$T/o" "$H" summary "$T/ok.heapsnapshot"
for cut in 10 100 1000 20000 $((size / 2)) $((size - 3)); do
  head -c "$cut" "$T/ok.heapsnapshot" > "$T/cut.heapsnapshot"
  check "truncated at $cut exits 1" run_rc 1 "$T/o" "$H" summary "$T/cut.heapsnapshot"
  check "truncated at $cut is reported with the offset" grep -q "truncated input.*at byte $cut" "$T/o"
done
# a letter in the middle of the nodes array
off=$(grep -bo '"nodes":\[' "$T/ok.heapsnapshot" | head -1 | cut -d: -f1)
pos=$((off + 200))
cp "$T/ok.heapsnapshot" "$T/bad.heapsnapshot"
printf 'Z' | dd of="$T/bad.heapsnapshot" bs=1 seek="$pos" conv=notrunc status=none
check "malformed nodes exit 1" run_rc 1 "$T/o" "$H" top "$T/bad.heapsnapshot"
check "malformed nodes name the byte offset" grep -q "malformed snapshot: expected .* at byte" "$T/o"
printf 'this is not json' > "$T/junk.heapsnapshot"
check "junk exits 1" run_rc 1 "$T/o" "$H" info "$T/junk.heapsnapshot"
check "junk message" grep -q "^devrun-heap: '$T/junk.heapsnapshot': malformed snapshot: expected '{' at the start of a heap snapshot at byte 0" "$T/o"
printf 'no gc here\n' > "$T/x.log"
check "a non-trace exits 1" run_rc 1 "$T/o" "$H" gc "$T/x.log"
check "a non-trace message" grep -q "no GC events found" "$T/o"
finish
