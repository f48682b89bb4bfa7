#!/bin/bash
# huge.sh — devrun-heap beyond what DevTools and memlab load: a snapshot
# file over 4 GB with more than 2^24 nodes (gen-huge.c writes it; ITEMS
# defaults to 120 million, about 4.6 GB).  Checks the figures against what
# the generated graph must give and prints wall time and peak RSS.
#   bash bench/heap/huge.sh [ITEMS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$root/bench/out/heap
H=${DEVRUN_HEAP:-$root/build/bin/devrun-heap}
N=${1:-120000000}
mkdir -p "$out"
cc -O2 -o "$out/gen-huge" "$here/gen-huge.c"
f=$out/huge-$N.heapsnapshot
[ -f "$f" ] || "$out/gen-huge" "$f" "$N"
ls -l "$f"
/usr/bin/time -f "devrun-heap summary: wall %e s, cpu %U+%S s, peak RSS %M KB" "$H" summary --json --no-progress "$f" > "$out/huge.json"
python3 - "$out/huge.json" "$N" <<'PY'
import json, sys
j = json.load(open(sys.argv[1])); n = int(sys.argv[2])
c = {x['name']: x for x in j['classes']}
want = {'Item': (n, 32 * n, 32 * n + 64), 'global': (1, 16, 32 * n + 64 + 16), '(string)': (1, 64, 64)}
for k, (cnt, self, ret) in want.items():
    got = (c[k]['count'], c[k]['self_size'], c[k]['retained_size'])
    print(('ok  ' if got == (cnt, self, ret) else 'BAD ') + f'{k}: {got}, expected {(cnt, self, ret)}')
    if got != (cnt, self, ret): sys.exit(1)
PY
