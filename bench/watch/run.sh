#!/usr/bin/env bash
# bench/watch/run.sh — devrun vs nodemon vs `node --watch` (see bench.py).
# Installs nodemon with npm into bench/out/watch/npm (not committed) when
# missing, builds nothing: set DEVRUN to the binary (default build/bin/devrun).
#   bench/watch/run.sh            20 trials per figure (about 10 minutes)
#   bench/watch/run.sh --quick    8 trials
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${OUT:-$PWD/bench/out/watch}
mkdir -p "$OUT"
if [ ! -x "$OUT/npm/node_modules/.bin/nodemon" ] && command -v npm >/dev/null; then
  npm install --prefix "$OUT/npm" nodemon@3 --no-audit --no-fund >/dev/null 2>&1 ||
    echo "bench: nodemon could not be installed; running without it" >&2
fi
export OUT
exec python3 bench/watch/bench.py "$@"
