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
start_redis

cd "$APP"
st=0
timeout 50 "$JS" redis-client.js "$RPORT" >"$OUT" 2>"$T/client.err" || st=$?
[ $st = 0 ] || { cat "$OUT" "$T/client.err" >&2; fail "redis client exited with $st"; }
stop_redis
check_out 06-redis
echo PASS
