#!/bin/bash
# bench/inspector/run.sh — inspector benchmarks, devrun-js vs node --inspect:
# Runtime.evaluate("1+1") round trip and start-to-"Debugger listening".
#   bench/inspector/run.sh [build/bin/devrun-js] [runs] [requests]
# Needs node and npm (installs the `ws` client into bench/out, git-ignored).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JS=${1:-$ROOT/build/bin/devrun-js}
OUT=$ROOT/bench/out/inspector-npm
if [ ! -d "$OUT/node_modules/ws" ]; then
  mkdir -p "$OUT"
  ([ -f "$OUT/package.json" ] || echo '{"private":true}' > "$OUT/package.json"; cd "$OUT" && npm install --prefix "$OUT" --silent --no-audit --no-fund --no-save ws@8 >/dev/null)
fi
NODE_PATH=$OUT/node_modules node "$HERE/bench.js" "$JS" "${2:-7}" "${3:-2000}"
