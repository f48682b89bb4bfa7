#!/bin/bash
# The `redis` npm client (v4, apps/redis-client.js) on devrun-js against a
# real redis-server (Debian package redis-server, installed by
# scripts/bootstrap) that this test starts on a free loopback port, without
# persistence, in its temporary directory, and always stops. The output must
# be what Node 20 printed (apps/expected/06-redis.out, recorded by record-apps).
. "$(dirname "$0")/lib.sh"
need redis-server python3
need_apps
setup_app
mkdir -p "$T/redis"

# a free port: ask the kernel for one, then let redis-server bind it; another
# process may take it in between, so a few tries
started=no
for _ in 1 2 3 4 5; do
  RPORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  : >"$T/redis.log"
  # timeout: the server dies within 5 minutes even if this script is killed
  # with SIGKILL and cannot run its cleanup
  timeout 300 redis-server --port "$RPORT" --bind 127.0.0.1 --save '' --appendonly no \
    --dir "$T/redis" --logfile "$T/redis.log" --daemonize no >/dev/null 2>&1 &
  RPID=$!
  PIDS="$PIDS $RPID"
  for _ in $(seq 100); do
    grep -q 'Ready to accept connections' "$T/redis.log" && { started=yes; break; }
    kill -0 "$RPID" 2>/dev/null || break
    sleep 0.1
  done
  [ $started = yes ] && break
  kill "$RPID" 2>/dev/null || true
  wait "$RPID" 2>/dev/null || true
done
[ $started = yes ] || { cat "$T/redis.log" >&2; fail "redis-server did not start"; }

cd "$APP"
st=0
timeout 50 "$JS" redis-client.js "$RPORT" >"$OUT" 2>"$T/client.err" || st=$?
[ $st = 0 ] || { cat "$OUT" "$T/client.err" >&2; fail "redis client exited with $st"; }
kill "$RPID"
wait "$RPID" 2>/dev/null || true
check_out 06-redis
echo PASS
