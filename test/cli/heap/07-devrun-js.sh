#!/bin/bash
# devrun-heap on what devrun-js (V8 10.2, 14 node types) writes: heap
# snapshots of the known-graph app made at test time, and the recorded
# --trace-gc and --gc-trace=FILE traces (test/heap/gc/devrun-js.*).
. "$(dirname "$0")/lib.sh"
for f in devrun-js.leak.trace-gc.log devrun-js.leak.gc-trace.jsonl; do
  gzip -dc "$HEAP_TEST_DIR/gc/$f.gz" > "$T/$f"
  check "gc --json $f" run_rc 0 "$T/$f.json" "$H" gc --json "$T/$f"
  check "$f: leak suspected" json "$T/$f.json" "j['leak_suspected'] is True and j['events']==$(wc -l < "$T/$f")"
done
check "--gc-trace lines give old-space figures" json "$T/devrun-js.leak.gc-trace.jsonl.json" "j['format']=='gc-trace-json' and j['trend']['metric']=='old_space_used'"
: "${DEVRUN_JS:=$here/../../../build/bin/devrun-js}"
if [ ! -x "$DEVRUN_JS" ]; then echo "SKIP: no devrun-js at $DEVRUN_JS (snapshot part)"; finish; fi
timeout 120 "$DEVRUN_JS" "$HEAP_TEST_DIR/fixture-app.js" "$T" || { bad "devrun-js fixture-app.js"; finish; }
check "info reads the 14 node types of V8 10.2" run_rc 0 "$T/info.json" "$H" info --json "$T/app.heapsnapshot"
check "14 node types" json "$T/info.json" "len(j['node_types'])==14"
check "summary" run_rc 0 "$T/sum.json" "$H" summary --json "$T/app.heapsnapshot"
check "100 Session objects" json "$T/sum.json" "[c['count'] for c in j['classes'] if c['name']=='Session']==[100]"
check "leaks" run_rc 0 "$T/leaks.json" "$H" leaks --json "$T/s1.heapsnapshot" "$T/s2.heapsnapshot" "$T/s3.heapsnapshot"
check "the top leak group is 40 LeakedRequest via store.audit" json "$T/leaks.json" "{c['name']:c['count'] for c in j['groups'][0]['classes']}.get('LeakedRequest')==40 and '--audit--> ' in j['groups'][0]['path_text']"
check "listeners" run_rc 0 "$T/lis.json" "$H" listeners --json "$T/app.heapsnapshot"
check "53 listeners" json "$T/lis.json" "j['emitters'][0]['listeners']==53"
finish
