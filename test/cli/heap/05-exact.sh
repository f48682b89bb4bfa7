#!/bin/bash
# Exactness: per-class count, shallow size and retained size equal what
# Chrome DevTools' own heap-snapshot code and memlab compute.  The committed
# fixtures (real Node 20 heaps cut down by test/heap/reduce-snapshot.js,
# one with the 6-field node layout) come with the figures recorded from
# DevTools and memlab (test/heap/make-fixtures.sh), so this runs without npm.
# Where bench/heap/setup.sh has installed the reference tools, a fresh full
# snapshot is also checked live against both.
. "$(dirname "$0")/lib.sh"
lines() { # summary --json -> one sorted ["name",count,self,retained] per line
  python3 -c '
import json,sys
c=[[x["name"],x["count"],x["self_size"],x["retained_size"]] for x in json.load(open(sys.argv[1]))["classes"]]
c.sort(key=lambda r:(r[0],r[1],r[2],r[3]))
print("\n".join(json.dumps(r,separators=(",",":"),ensure_ascii=False) for r in c))' "$1"
}
norm() { python3 -c '
import json,sys
for l in open(sys.argv[1]): print(json.dumps(json.loads(l),separators=(",",":"),ensure_ascii=False))' "$1"; }
for gz in "$HEAP_TEST_DIR"/fixtures/*.heapsnapshot.gz; do
  f=$(basename "$gz" .heapsnapshot.gz)
  gzip -dc "$gz" > "$T/$f.heapsnapshot"
  for rules in devtools memlab; do
    "$H" summary --json --rules=$rules "$T/$f.heapsnapshot" > "$T/$f.$rules.json" || bad "$f $rules: summary failed"
    lines "$T/$f.$rules.json" > "$T/$f.$rules.ours"
    norm "$HEAP_TEST_DIR/fixtures/$f.$rules.expected" > "$T/$f.$rules.want"
    check "$f: every class equals $rules ($(wc -l < "$T/$f.$rules.want") classes)" diff -u "$T/$f.$rules.want" "$T/$f.$rules.ours"
  done
done
nm="$HEAP_TEST_DIR/../../bench/heap/node_modules"
if command -v node >/dev/null && [ -f "$nm/.devtools/devtools-figures.mjs" ] && [ -d "$nm/@memlab/heap-analysis" ]; then
  node "$HEAP_TEST_DIR/fixture-app.js" "$T" --one >/dev/null
  node "$nm/.devtools/devtools-figures.mjs" "$T/app.heapsnapshot" "$T/dt.json" 2>/dev/null
  NODE_PATH=$nm node "$HEAP_TEST_DIR/memlab-figures.js" "$T/app.heapsnapshot" "$T/ml.json" >/dev/null 2>&1
  for rules in devtools memlab; do
    ref=$T/dt.json; [ $rules = memlab ] && ref=$T/ml.json
    "$H" summary --json --rules=$rules "$T/app.heapsnapshot" > "$T/live.$rules.json"
    lines "$ref" > "$T/live.$rules.want"; lines "$T/live.$rules.json" > "$T/live.$rules.ours"
    check "live full snapshot: every class equals $rules ($(wc -l < "$T/live.$rules.want") classes)" diff -u "$T/live.$rules.want" "$T/live.$rules.ours"
  done
else
  echo "note: reference tools not installed (bash bench/heap/setup.sh); live check skipped"
fi
finish
