#!/bin/sh
# devrun-js --gc-trace, --heapsnapshot-signal and v8 heap snapshots:
# the files exist and have the shape devrun-heap reads.
set -eu
DR=${1:?usage: 01-heap-hooks.sh path/to/devrun-js}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"

# --gc-trace: one JSON object per GC with the documented fields
"$DR" --gc-trace="$T/gc.jsonl" --expose-gc -e '
  let keep = [];
  for (let r = 0; r < 3; r++) { for (let i = 0; i < 50000; i++) keep.push({ i }); gc(); }' 
python3 - "$T/gc.jsonl" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert len(lines) >= 3, f"expected at least 3 GCs, got {len(lines)}"
types = {l["type"] for l in lines}
assert "mark-compact" in types, types
for l in lines:
    for k in ("type", "start_ms", "duration_ms", "before", "after", "external"):
        assert k in l, (k, l)
    assert l["duration_ms"] >= 0 and l["start_ms"] >= 0
    for side in ("before", "after"):
        assert 0 < l[side]["used"] <= l[side]["committed"], (side, l[side])
        assert "old_space" in l[side]["spaces"], l[side]["spaces"].keys()
print("gc-trace ok:", len(lines), "GCs")
PY

# --heapsnapshot-signal: a snapshot per signal, named as Node names them
"$DR" --heapsnapshot-signal=SIGUSR2 -e '
  globalThis.marker = { name: "devrun-marker" };
  process.kill(process.pid, "SIGUSR2");
  setTimeout(() => {}, 300);' 2> "$T/err"
grep -q '^Wrote snapshot to Heap\.[0-9]\{8\}\.[0-9]\{6\}\.[0-9]*\.0\.001\.heapsnapshot$' "$T/err"
snap=$(ls Heap.*.heapsnapshot)
python3 - "$snap" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
meta = s["snapshot"]["meta"]
n = len(meta["node_fields"])
assert s["snapshot"]["node_count"] * n == len(s["nodes"])
assert "devrun-marker" in s["strings"]
print("snapshot ok:", s["snapshot"]["node_count"], "nodes")
PY

# --heapsnapshot-near-heap-limit: a snapshot before V8 gives up
rm -f Heap.*.heapsnapshot
"$DR" --max-old-space-size=16 --heapsnapshot-near-heap-limit=1 -e '
  const a = []; for (;;) a.push({ x: new Array(100) });' >/dev/null 2>&1 && { echo "expected an OOM"; exit 1; }
snap=$(ls Heap.*.heapsnapshot)
python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); assert s["snapshot"]["node_count"] > 1000' "$snap"
echo "near-heap-limit snapshot ok"

# bad option values are usage errors
if "$DR" --heapsnapshot-signal=SIGNOPE -e 0 2>/dev/null; then echo "accepted a bad signal"; exit 1; fi
if "$DR" --heapsnapshot-near-heap-limit=x -e 0 2>/dev/null; then echo "accepted a bad count"; exit 1; fi
echo ok
