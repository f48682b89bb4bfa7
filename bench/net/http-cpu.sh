#!/usr/bin/env bash
# bench/net/http-cpu.sh — server CPU time per HTTP request of devrun-js and
# Node 20 under the same wrk load as http.sh, in one run.
#
#   bench/net/http-cpu.sh [RUNS] [SECONDS] [APP] [MODE]
#       defaults: 5 runs of 5 s, app hello, mode keepalive
#       APP: hello | express;  MODE: keepalive | close
#   DEVRUN_JS=build-foo/bin/devrun-js bench/net/http-cpu.sh 7 3
#
# Requests per second on a shared machine mostly measure how much CPU the
# scheduler gave the server; the CPU the server spent per request (user and
# system time from /proc/PID/stat over the run, divided by the requests wrk
# completed) moves much less with other load.  Runs alternate between the
# runtimes (server pinned to CPU 0, wrk -t1 -c50 to CPU 1, one second of
# warm-up first); medians are printed, and the ratio node / devrun-js
# (above 1: devrun-js needs less CPU per request).
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
SECS=${2:-5}
APP=${3:-hello}
MODE=${4:-keepalive}
DR=$(realpath "${DEVRUN_JS:-build/bin/devrun-js}")
[ -x "$DR" ] || { echo "http-cpu.sh: build first (make build) or set DEVRUN_JS" >&2; exit 1; }
NODE=$(command -v node || true)
[ -n "$NODE" ] || { echo "http-cpu.sh: node (the reference) is not installed" >&2; exit 1; }
command -v wrk >/dev/null || { echo "http-cpu.sh: wrk is not installed (scripts/bootstrap installs it)" >&2; exit 1; }
case $APP in hello|express) ;; *) echo "http-cpu.sh: APP is hello or express" >&2; exit 2;; esac
case $MODE in keepalive|close) ;; *) echo "http-cpu.sh: MODE is keepalive or close" >&2; exit 2;; esac
HERE=bench/net
if [ "$APP" = express ] && [ ! -d "$HERE/node_modules/express" ]; then
  (cd "$HERE" && timeout 120 npm install --prefix "$HERE" --silent --no-audit --no-fund --no-save express@4 >/dev/null 2>&1) ||
    { echo "http-cpu.sh: npm could not install express" >&2; exit 1; }
fi
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
PIN_SRV="" PIN_WRK=""
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then PIN_SRV="taskset -c 0" PIN_WRK="taskset -c 1"; fi
hdr=()
[ "$MODE" = close ] && hdr=(-H 'Connection: close')
TCK=$(getconf CLK_TCK)

# one RUNTIME -> "usr_us sys_us rps" per request
one() {
  $PIN_SRV "$1" "$HERE/app-$APP.js" >"$tmp/port" 2>"$tmp/err" &
  pid=$!
  for _ in $(seq 600); do grep -q '^listening' "$tmp/port" 2>/dev/null && break; sleep 0.1; done
  local port
  port=$(sed -n 's/^listening //p' "$tmp/port")
  [ -n "$port" ] || { cat "$tmp/err" >&2; echo "http-cpu.sh: $1 did not start" >&2; exit 1; }
  $PIN_WRK wrk -t1 -c50 -d1s "${hdr[@]}" "http://127.0.0.1:$port/" >/dev/null 2>&1
  local u0 s0 u1 s1
  read -r u0 s0 < <(awk '{print $14, $15}' /proc/$pid/stat)
  $PIN_WRK wrk -t1 -c50 -d"${SECS}s" "${hdr[@]}" "http://127.0.0.1:$port/" >"$tmp/wrk" 2>&1
  read -r u1 s1 < <(awk '{print $14, $15}' /proc/$pid/stat)
  kill $pid; wait $pid 2>/dev/null || true
  pid=""
  local reqs rps
  reqs=$(awk '/requests in/ {print $1}' "$tmp/wrk")
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$tmp/wrk")
  awk -v u0="$u0" -v u1="$u1" -v s0="$s0" -v s1="$s1" -v r="$reqs" -v t="$TCK" -v rps="$rps" \
    'BEGIN { printf "%.2f %.2f %s\n", (u1-u0)/t*1e6/r, (s1-s0)/t*1e6/r, rps }'
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

: >"$tmp/dr"; : >"$tmp/nd"
for _ in $(seq "$RUNS"); do
  one "$DR" >>"$tmp/dr"
  one "$NODE" >>"$tmp/nd"
done
col() { awk -v c="$1" '{print $c}' "$2" | median; }
tot() { awk '{print $1 + $2}' "$1" | median; }
printf '%-8s %-10s %-8s %10s %10s %10s %10s\n' app mode runtime 'usr us/req' 'sys us/req' 'cpu us/req' 'rps'
printf '%-8s %-10s %-8s %10.2f %10.2f %10.2f %10.0f\n' "$APP" "$MODE" devrun "$(col 1 "$tmp/dr")" "$(col 2 "$tmp/dr")" "$(tot "$tmp/dr")" "$(col 3 "$tmp/dr")"
printf '%-8s %-10s %-8s %10.2f %10.2f %10.2f %10.0f\n' "$APP" "$MODE" node "$(col 1 "$tmp/nd")" "$(col 2 "$tmp/nd")" "$(tot "$tmp/nd")" "$(col 3 "$tmp/nd")"
echo "cpu per request, node / devrun-js: $(awk -v a="$(tot "$tmp/nd")" -v b="$(tot "$tmp/dr")" 'BEGIN {printf "%.2f", a / b}')"
