// pino's documented usage (synchronous destination, fixed time and base).
const pino = require('pino');
const logger = pino({ base: { svc: 'demo' }, timestamp: () => ',"time":0', level: 'debug' }, pino.destination({ dest: 1, sync: true }));
logger.info('hello world');
logger.debug({ user: { id: 7, name: 'ada' } }, 'user %s logged in', 'ada');
const child = logger.child({ module: 'db' });
child.warn({ rows: 3 }, 'slow query');
child.error(new TypeError('boom'));
logger.trace('not shown');
console.log(logger.levels.values.info, logger.isLevelEnabled('trace'), pino.stdSerializers.err(new Error('x')).type);
