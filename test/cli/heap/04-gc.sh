#!/bin/bash
# `devrun-heap gc` on GC traces recorded from Node 20 (test/heap/gc-app.js):
# --trace-gc, --trace-gc-nvp and --gc-trace JSON lines, leaking and steady.
. "$(dirname "$0")/lib.sh"
for f in "$HEAP_TEST_DIR"/gc/*.gz; do gzip -dc "$f" > "$T/$(basename "${f%.gz}")"; done
for f in leak.trace-gc.log leak.trace-gc-nvp.log leak.gc-trace.jsonl steady.trace-gc.log steady.gc-trace.jsonl; do
  check "gc --json $f" run_rc 0 "$T/$f.json" "$H" gc --json "$T/$f"
done
check "trace-gc format detected" json "$T/leak.trace-gc.log.json" "j['format']=='trace-gc'"
check "nvp format detected" json "$T/leak.trace-gc-nvp.log.json" "j['format']=='trace-gc-nvp'"
check "json-lines format detected" json "$T/leak.gc-trace.jsonl.json" "j['format']=='gc-trace-json'"
for f in leak.trace-gc.log leak.trace-gc-nvp.log leak.gc-trace.jsonl; do
  check "$f: leak suspected" json "$T/$f.json" "j['leak_suspected'] is True and j['verdict'].endswith('likely leak') and j['trend']['points']>=3"
done
for f in steady.trace-gc.log steady.gc-trace.jsonl; do
  check "$f: no leak" json "$T/$f.json" "j['leak_suspected'] is False and 'no sign of a leak' in j['verdict']"
done
check "scavenges and mark-compacts counted with percentiles" json "$T/leak.trace-gc.log.json" "{t['type'] for t in j['types']}>={'scavenge','mark-compact'} and all(t['p50_ms']<=t['p95_ms']<=t['p99_ms']<=t['max_ms'] for t in j['types'])"
check "event count equals the GC lines" bash -c "[ \$(grep -c ' ms: ' '$T/leak.trace-gc.log') = \$(python3 -c \"import json;print(json.load(open('$T/leak.trace-gc.log.json'))['events'])\") ]"
check "json-lines event count equals the lines" bash -c "[ \$(wc -l < '$T/leak.gc-trace.jsonl') = \$(python3 -c \"import json;print(json.load(open('$T/leak.gc-trace.jsonl.json'))['events'])\") ]"
check "mmu values are fractions" json "$T/steady.trace-gc.log.json" "all(0<=m['mmu']<=1 for m in j['mmu']) and len(j['mmu'])>=3"
check "gc human output" run_rc 0 "$T/o" "$H" gc "$T/leak.trace-gc.log"
check "human output has the verdict" grep -q 'likely leak' "$T/o"
finish
