#!/bin/bash
# Every command on snapshots of a program with a known object graph
# (test/heap/fixture-app.js), made by Node at test time.
. "$(dirname "$0")/lib.sh"
need_node
node "$HEAP_TEST_DIR/fixture-app.js" "$T" || { echo "FAIL fixture-app.js"; exit 1; }
A=$T/app.heapsnapshot
check "summary --json" run_rc 0 "$T/sum.json" "$H" summary --json "$A"
check "100 Session objects" json "$T/sum.json" "[c['count'] for c in j['classes'] if c['name']=='Session']==[100]"
check "summary fields are exactly name/count/self_size/retained_size" json "$T/sum.json" "all(sorted(c)==['count','name','retained_size','self_size'] for c in j['classes'])"
check "Session retained > 100 x 1000-element arrays" json "$T/sum.json" "[c['retained_size'] for c in j['classes'] if c['name']=='Session'][0] > 100*8000"
check "summary sorted by retained size" json "$T/sum.json" "[c['retained_size'] for c in j['classes']]==sorted([c['retained_size'] for c in j['classes']],reverse=True)"
check "summary --top 3" run_rc 0 "$T/top3.json" "$H" summary --json --top 3 "$A"
check "--top 3 gives 3 classes" json "$T/top3.json" "len(j['classes'])==3"
check "summary --class" run_rc 0 "$T/cls.json" "$H" summary --json --class '^(Session|LeakedRequest)$' "$A"
check "--class filters" json "$T/cls.json" "sorted(c['name'] for c in j['classes'])==['LeakedRequest','Session']"
check "summary human table" run_rc 0 "$T/sum.txt" "$H" summary --top 5 "$A"
check "human table has a header and sizes" bash -c "grep -q '^Constructor  *Count  *Shallow  *Retained' '$T/sum.txt' && grep -Eq '[0-9.]+ (KB|MB)' '$T/sum.txt'"
check "top --json" run_rc 0 "$T/top.json" "$H" top --json -n 5 "$A"
check "top fields" json "$T/top.json" "len(j['objects'])==5 and all({'id','name','type','self_size','retained_size'}<=set(o) for o in j['objects'])"
check "top sorted by retained" json "$T/top.json" "[o['retained_size'] for o in j['objects']]==sorted([o['retained_size'] for o in j['objects']],reverse=True)"
check "retainers --class Session" run_rc 0 "$T/ret.txt" "$H" retainers --class Session --max 2 "$A"
check "Session is retained via store.sessions" grep -q -- '--store--> .* --sessions--> Map' "$T/ret.txt"
id=$(python3 -c "import json;print(json.load(open('$T/top.json'))['objects'][0]['id'])")
check "retainers --id" run_rc 0 "$T/rid.json" "$H" retainers --json --id "$id" "$A"
check "retainers --id finds the object" json "$T/rid.json" "j['objects'][0]['id']==$id"
check "retainers --id of a missing id exits 1" run_rc 1 "$T/o" "$H" retainers --id 4294967294 "$A"
check "listeners --json" run_rc 0 "$T/lis.json" "$H" listeners --json "$A"
check "the bus has 53 listeners (50 tick, 3 done)" json "$T/lis.json" "j['emitters'][0]['listeners']==53 and {e['event']:e['listeners'] for e in j['emitters'][0]['events']}=={'tick':50,'done':3}"
check "closures --json" run_rc 0 "$T/clo.json" "$H" closures --json -n 5 "$A"
check "the handler's context captures bigCapture (>= 160000 B)" json "$T/clo.json" "j['closures'][0]['variables']==['bigCapture'] and j['closures'][0]['context_retained_size']>=160000"
check "dups --json" run_rc 0 "$T/dup.json" "$H" dups --json "$A"
# the 300 copies plus the original
check "301 copies of the 64-char string, ranked first" json "$T/dup.json" "j['strings'][0]['value']=='abcdefgh'*8 and j['strings'][0]['count']==301 and j['strings'][0]['wasted_size']==300*j['strings'][0]['self_size']//301"
check "diff --json s1 s2" run_rc 0 "$T/diff.json" "$H" diff --json "$T/s1.heapsnapshot" "$T/s2.heapsnapshot"
check "40 new LeakedRequest and 40 new Pending" json "$T/diff.json" "{c['name']:c['new'] for c in j['classes'] if c['name'] in ('LeakedRequest','Pending')}=={'LeakedRequest':40,'Pending':40}"
check "diff --json s2 s3" run_rc 0 "$T/diff2.json" "$H" diff --json "$T/s2.heapsnapshot" "$T/s3.heapsnapshot"
check "Pending objects deleted, LeakedRequest kept" json "$T/diff2.json" "[c['deleted'] for c in j['classes'] if c['name']=='Pending'][0]>=39 and not [c for c in j['classes'] if c['name']=='LeakedRequest' and c['deleted']>0]"
check "leaks --json" run_rc 0 "$T/leaks.json" "$H" leaks --json "$T/s1.heapsnapshot" "$T/s2.heapsnapshot" "$T/s3.heapsnapshot"
check "the top leak group is 40 LeakedRequest" json "$T/leaks.json" "{c['name']:c['count'] for c in j['groups'][0]['classes']}.get('LeakedRequest')==40 and j['groups'][0]['count']==40"
check "the top leak group is retained via global.store.audit" json "$T/leaks.json" "'--store--> ' in j['groups'][0]['path_text'] and '--audit--> ' in j['groups'][0]['path_text']"
check "leaks human output" run_rc 0 "$T/leaks.txt" "$H" leaks "$T/s1.heapsnapshot" "$T/s2.heapsnapshot" "$T/s3.heapsnapshot"
check "leaks human output names the path" grep -q 'retained via: global @[0-9]* --store--> ' "$T/leaks.txt"
check "info --json" run_rc 0 "$T/info.json" "$H" info --json "$A"
check "info reads 16 node types from meta (Node 20)" json "$T/info.json" "len(j['node_types'])==16 and j['node_types'][15]=='wasm object'"
check "--rules=memlab works" run_rc 0 "$T/o" "$H" summary --rules=memlab --top 3 "$A"
finish
