#!/bin/bash
# `devrun-heap report` writes one self-contained HTML file: summary, leak
# groups, retainer paths, GC timeline; no scripts, no network.
. "$(dirname "$0")/lib.sh"
need_node
node "$HEAP_TEST_DIR/fixture-app.js" "$T" >/dev/null
gzip -dc "$HEAP_TEST_DIR/gc/leak.trace-gc.log.gz" > "$T/gc.log"
check "report with 3 snapshots and a GC trace" run_rc 0 "$T/o" "$H" report -o "$T/r.html" --gc "$T/gc.log" "$T/s1.heapsnapshot" "$T/s2.heapsnapshot" "$T/s3.heapsnapshot"
check "it is HTML" grep -q '^<!doctype html>' "$T/r.html"
check "it has the leak group" grep -q 'LeakedRequest ×40' "$T/r.html"
check "it has inline SVG charts" bash -c "[ \$(grep -c '<svg' '$T/r.html') -ge 2 ]"
check "it has the GC verdict" grep -q 'likely leak' "$T/r.html"
check "no scripts and no network" bash -c "! grep -Eiq '<script|https?://|<link|src=' '$T/r.html'"
check "report with one snapshot" run_rc 0 "$T/o" "$H" report -o "$T/one.html" "$T/app.heapsnapshot"
check "unwritable output exits 1" run_rc 1 "$T/o" "$H" report -o /nonexistent/dir/r.html "$T/app.heapsnapshot"
finish
