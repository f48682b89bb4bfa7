// The `redis` npm client (v4) against a real redis-server
// (test/cli/net/06-redis.sh): strings, counters, hashes, lists, sets,
// sorted sets, binary and 1 MB values, pipelining, MULTI/EXEC, WATCH
// conflicts, error replies, pub/sub on a duplicate connection, SCAN,
// Lua, a blocking BLPOP on an isolated connection, then QUIT.
// Usage: redis-client.js PORT
'use strict';
const crypto = require('crypto');
const { createClient, commandOptions } = require('redis');

const sha = (b) => crypto.createHash('sha256').update(b).digest('hex').slice(0, 16);

async function main() {
  const client = createClient({ socket: { host: '127.0.0.1', port: Number(process.argv[2]), reconnectStrategy: false } });
  client.on('error', (err) => console.log('client error event:', err.message));
  client.on('ready', () => console.log('ready'));
  await client.connect();
  console.log('ping', await client.ping());
  console.log('flushdb', await client.flushDb());

  console.log('set', await client.set('greeting', 'hello ☺ wörld'));
  console.log('get', await client.get('greeting'));
  console.log('get missing', await client.get('nope'));
  console.log('set NX existing', await client.set('greeting', 'x', { NX: true }));
  console.log('set PX', await client.set('temp', 'v', { PX: 60000 }), 'ttl in range', (await client.pTTL('temp')) > 50000);
  console.log('strlen/append', await client.strLen('greeting'), await client.append('greeting', '!'));
  console.log('incr/incrBy/decr', await client.incr('n'), await client.incrBy('n', 41), await client.decr('n'));
  console.log('incrByFloat', await client.incrByFloat('f', 1.5));
  console.log('mSet/mGet', await client.mSet({ a: '1', b: '2' }), await client.mGet(['a', 'b', 'c']));

  console.log('hSet', await client.hSet('user:1', { name: 'Ada', lang: 'en', visits: 3 }));
  console.log('hGetAll', await client.hGetAll('user:1'));
  console.log('hIncrBy/hGet', await client.hIncrBy('user:1', 'visits', 2), await client.hGet('user:1', 'visits'));
  console.log('hKeys sorted', (await client.hKeys('user:1')).sort());

  console.log('rPush', await client.rPush('list', ['a', 'b', 'c']), await client.lPush('list', 'z'));
  console.log('lRange', await client.lRange('list', 0, -1), 'lPop', await client.lPop('list'));
  console.log('sAdd', await client.sAdd('set', ['x', 'y', 'z', 'x']));
  console.log('sMembers sorted', (await client.sMembers('set')).sort(), 'sIsMember', await client.sIsMember('set', 'y'));
  console.log('zAdd', await client.zAdd('board', [{ score: 30, value: 'carol' }, { score: 10, value: 'alice' }, { score: 20, value: 'bob' }]));
  console.log('zRangeWithScores', await client.zRangeWithScores('board', 0, -1));
  console.log('zRank/zScore', await client.zRank('board', 'bob'), await client.zScore('board', 'carol'));

  const bin = Buffer.from([0, 255, 1, 254, 13, 10, 0]);
  await client.set('bin', bin);
  const back = await client.get(commandOptions({ returnBuffers: true }), 'bin');
  console.log('binary round trip', Buffer.isBuffer(back), back.equals(bin));
  const big = crypto.createHash('sha512').update('seed').digest().toString('hex').repeat(8192);
  await client.set('big', big);
  const bigBack = await client.get('big');
  console.log('1 MB value', big.length, bigBack.length, sha(bigBack) === sha(big));

  const incrs = [];
  for (let i = 0; i < 1000; i++) incrs.push(client.incr('pipelined'));
  const results = await Promise.all(incrs);
  console.log('1000 pipelined INCRs', results[0], results[999], await client.get('pipelined'));

  console.log('multi/exec', await client.multi().set('m1', 'one').incr('m2').get('m1').lRange('list', 0, -1).exec());

  const other = client.duplicate();
  await other.connect();
  await client.watch('watched');
  await other.set('watched', 'changed by another client');
  try {
    await client.multi().set('watched', 'mine').exec();
    console.log('watch: exec went through (unexpected)');
  } catch (err) {
    console.log('watch conflict:', err.constructor.name, err.message);
  }
  console.log('watched value', await client.get('watched'));

  for (const [what, fn] of [
    ['INCR on text', () => client.incr('greeting')],
    ['LPUSH on a string', () => client.lPush('greeting', 'x')],
    ['unknown command', () => client.sendCommand(['NOSUCHCOMMAND', 'x'])],
  ]) {
    try {
      await fn();
      console.log(what, 'succeeded (unexpected)');
    } catch (err) {
      console.log(`${what}:`, err.constructor.name, err.message.split(',')[0]);
    }
  }

  const sub = client.duplicate();
  await sub.connect();
  const got = [];
  let done;
  const allIn = new Promise((r) => { done = r; });
  await sub.subscribe('news', (message, channel) => {
    got.push(`${channel}: ${message}`);
    if (got.length === 3) done();
  });
  await sub.pSubscribe('log.*', (message, channel) => {
    got.push(`${channel} (pattern): ${message}`);
    if (got.length === 3) done();
  });
  console.log('publish', await client.publish('news', 'first'), await client.publish('log.error', 'disk full'),
    await client.publish('news', 'x'.repeat(100000)).then(() => 'big'));
  await allIn;
  console.log('received', got.map((m) => (m.length > 60 ? `${m.slice(0, 10)}... (${m.length} chars)` : m)));
  await sub.unsubscribe('news');
  await sub.pUnsubscribe('log.*');
  console.log('publish after unsubscribe', await client.publish('news', 'nobody'));
  await sub.quit();

  for (let i = 0; i < 25; i++) await client.set(`scan:${String(i).padStart(2, '0')}`, String(i));
  const keys = [];
  for await (const k of client.scanIterator({ MATCH: 'scan:*', COUNT: 7 })) keys.push(k);
  console.log('scanIterator', keys.length, keys.sort().slice(0, 3), keys.sort().slice(-1));

  console.log('eval', await client.eval("return {KEYS[1], ARGV[1], redis.call('INCRBY', KEYS[1], ARGV[1])}",
    { keys: ['lua:n'], arguments: ['5'] }));

  const blocking = client.blPop(commandOptions({ isolated: true }), 'queue', 10);
  await other.rPush('queue', 'job-1');
  console.log('blPop', await blocking);

  console.log('dbSize', await client.dbSize());
  console.log('del/exists', await client.del(['a', 'b', 'zz']), await client.exists('a'));
  await other.quit();
  console.log('quit', await client.quit());
  console.log('isOpen', client.isOpen);
}
main().catch((err) => {
  console.log('failed:', err);
  process.exit(1);
});
