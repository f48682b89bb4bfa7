#!/usr/bin/env bash
# bench/net/http.sh — HTTP server requests per second and p99 latency of
# devrun-js against Node 20, loaded by wrk on loopback, in one run.
#
#   bench/net/http.sh [RUNS] [SECONDS]       (default 5 runs of 5 s each)
#   DEVRUN_JS=build-foo/bin/devrun-js bench/net/http.sh
#
# Apps (the same file under both runtimes):
#   hello    http.createServer answering "hello world" (text/plain)
#   express  express@4 with one route, if npm can install it into
#            bench/net/node_modules (git-ignored); skipped otherwise
# Each app is measured with keep-alive and with "Connection: close" (a new
# TCP connection per request).  The server is pinned to CPU 0 and wrk
# (1 thread, 50 connections) to CPU 1 with taskset when the machine has two
# or more CPUs.  Runs of devrun-js and node alternate so machine noise hits
# both; medians over the runs are printed, with the ratio devrun-js / node
# (above 1: devrun-js serves more requests per second).
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
SECS=${2:-5}
DR=$(realpath "${DEVRUN_JS:-build/bin/devrun-js}")
[ -x "$DR" ] || { echo "http.sh: build first (make build) or set DEVRUN_JS" >&2; exit 1; }
NODE=$(command -v node || true)
[ -n "$NODE" ] || { echo "http.sh: node (the reference) is not installed" >&2; exit 1; }
command -v wrk >/dev/null || { echo "http.sh: wrk is not installed (scripts/bootstrap installs it)" >&2; exit 1; }
HERE=bench/net
tmp=$(mktemp -d)
pids=""
trap 'for p in $pids; do kill $p 2>/dev/null || true; done; rm -rf "$tmp"' EXIT

PIN_SRV="" PIN_WRK=""
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then PIN_SRV="taskset -c 0" PIN_WRK="taskset -c 1"; fi

apps="hello"
if [ -d "$HERE/node_modules/express" ] || (cd "$HERE" && timeout 120 npm install --prefix "$HERE" --silent --no-audit --no-fund --no-save express@4 >/dev/null 2>&1); then
  apps="hello express"
else
  echo "http.sh: npm could not install express; measuring hello only" >&2
fi

# serve RUNTIME APP -> sets SPID and SPORT once the server listens
serve() {
  $PIN_SRV "$1" "$HERE/app-$2.js" >"$tmp/port" 2>"$tmp/err" &
  SPID=$!
  pids="$pids $SPID"
  for _ in $(seq 600); do grep -q '^listening' "$tmp/port" 2>/dev/null && break; sleep 0.1; done
  SPORT=$(sed -n 's/^listening //p' "$tmp/port")
  [ -n "$SPORT" ] || { cat "$tmp/err" >&2; echo "http.sh: $1 $2 did not start" >&2; exit 1; }
}

# load MODE RUNTIME -> prints "rps p99_ms"
load() {
  local hdr=()
  [ "$1" = close ] && hdr=(-H 'Connection: close')
  $PIN_WRK wrk -t1 -c50 -d"${SECS}s" --latency "${hdr[@]}" "http://127.0.0.1:$SPORT/" >"$tmp/wrk" 2>&1
  local rps p99
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$tmp/wrk")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; print v}' "$tmp/wrk")
  grep -q 'Non-2xx\|Socket errors' "$tmp/wrk" && { echo "http.sh: errors during a $1 run of $2:" >&2; grep 'Non-2xx\|Socket errors' "$tmp/wrk" >&2; }
  echo "$rps $p99"
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

printf '%-8s %-10s %12s %12s %7s %12s %12s\n' app mode 'devrun rps' 'node rps' ratio 'devrun p99' 'node p99'
for app in $apps; do
  for mode in keepalive close; do
    : >"$tmp/dr" ; : >"$tmp/nd"
    for _ in $(seq "$RUNS"); do
      for rt in dr nd; do
        bin=$DR; [ $rt = nd ] && bin=$NODE
        serve "$bin" "$app"
        load "$mode" "$(basename "$bin") $app" >>"$tmp/$rt"
        kill "$SPID"; wait "$SPID" 2>/dev/null || true
      done
    done
    drr=$(awk '{print $1}' "$tmp/dr" | median); ndr=$(awk '{print $1}' "$tmp/nd" | median)
    drp=$(awk '{print $2}' "$tmp/dr" | median); ndp=$(awk '{print $2}' "$tmp/nd" | median)
    printf '%-8s %-10s %12.0f %12.0f %7.2f %10.2fms %10.2fms\n' "$app" "$mode" "$drr" "$ndr" "$(echo "$drr $ndr" | awk '{print $1/$2}')" "$drp" "$ndp"
  done
done
