#!/bin/sh
# devrun-js trace events: --trace-event-categories writes Node's JSON
# ({"traceEvents":[...]}) at exit with V8's events and the User Timing marks;
# --trace-event-file-pattern names the file; trace_events.createTracing()
# starts recording at run time; a bad file path is a clear error.
set -eu
DR=${1:?usage: 05-trace-events.sh path/to/devrun-js}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"

# 1. command line: v8 and node.perf
"$DR" --trace-event-categories=v8,node.perf -e '
  performance.mark("start-mark");
  setTimeout(() => { performance.mark("end-mark"); performance.measure("span", "start-mark", "end-mark"); }, 5);'
test -f node_trace.1.log
python3 - node_trace.1.log <<'PY'
import json, sys
ev = json.load(open(sys.argv[1]))["traceEvents"]
v8 = [e for e in ev if e["cat"] == "v8"]
assert v8, "no v8 events"
assert any(e["name"].startswith("V8.") for e in v8), [e["name"] for e in v8]
ut = [e for e in ev if "node.perf.usertiming" in e["cat"].split(",")]
marks = {e["name"]: e for e in ut if e["ph"] == "R"}
assert set(marks) == {"start-mark", "end-mark"}, marks
assert marks["end-mark"]["ts"] - marks["start-mark"]["ts"] >= 4000, marks
span = [e for e in ut if e["name"] == "span"]
assert sorted(e["ph"] for e in span) == ["b", "e"], span
assert span[0]["id"] == span[1]["id"]
b = next(e for e in span if e["ph"] == "b"); e_ = next(e for e in span if e["ph"] == "e")
assert abs(b["ts"] - marks["start-mark"]["ts"]) <= 1 and abs(e_["ts"] - marks["end-mark"]["ts"]) <= 1, (span, marks)
assert not [e for e in ev if "async_hooks" in e["cat"]], "node.async_hooks not asked for"
print("cli ok:", len(v8), "v8 events,", len(ut), "user timing events")
PY
rm -f node_trace.1.log

# 2. without the option nothing is written, and marks still work
"$DR" -e 'performance.mark("x"); require("trace_events")'
test ! -e node_trace.1.log

# 3. --trace-event-file-pattern with ${pid}; --trace-events-enabled records async_hooks
"$DR" --trace-events-enabled --trace-event-file-pattern='t-${pid}-${rotation}.json' -e '
  require("fs").writeFileSync("pid", String(process.pid)); setTimeout(() => {}, 1);'
f="t-$(cat pid)-1.json"
test -f "$f"
python3 - "$f" <<'PY'
import json, sys
ev = json.load(open(sys.argv[1]))["traceEvents"]
ah = [e for e in ev if e["cat"] == "node,node.async_hooks"]
t = [e for e in ah if e["name"] == "Timeout"]
assert sorted(e["ph"] for e in t) == ["b", "e"], t
begin = next(e for e in t if e["ph"] == "b")
assert begin["args"]["data"]["triggerAsyncId"] >= 1, begin
assert any(e["name"] == "Timeout_CALLBACK" for e in ah)
print("pattern ok:", len(ah), "async_hooks events")
PY

# 4. run time: createTracing().enable() starts recording; disable() stops a category
"$DR" -e '
  const te = require("trace_events");
  if (te.getEnabledCategories() !== undefined) throw new Error("enabled at start");
  performance.mark("before-enable");
  const t = te.createTracing({ categories: ["node.perf.usertiming"] });
  t.enable();
  console.log(te.getEnabledCategories(), t.enabled);
  performance.mark("while-enabled");
  t.disable();
  performance.mark("after-disable");
  console.log(String(te.getEnabledCategories()), t.enabled);' > out
printf 'node.perf.usertiming true\nundefined false\n' | cmp - out
python3 - node_trace.1.log <<'PY'
import json, sys
ev = json.load(open(sys.argv[1]))["traceEvents"]
names = [e["name"] for e in ev if e["ph"] == "R"]
assert names == ["while-enabled"], names
print("run time ok")
PY

# 5. a trace file that cannot be created: an error, exit 9
if "$DR" --trace-event-categories=v8 --trace-event-file-pattern=/nonexistent/dir/x.log -e 1 2> err; then
  echo "expected failure" >&2; exit 1
else
  rc=$?
fi
test "$rc" = 9
grep -q "^devrun-js: cannot open the trace event file: No such file or directory" err
echo "trace-events ok"
