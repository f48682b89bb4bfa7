// AsyncLocalStorage through promises: run/getStore across await and then,
// Promise.all, async iterators, nested runs, two storages, enterWith, exit,
// disable, snapshot and bind.
const { AsyncLocalStorage } = require('async_hooks');
const als = new AsyncLocalStorage();
const other = new AsyncLocalStorage();
const log = (label) => console.log(label, JSON.stringify(als.getStore()), JSON.stringify(other.getStore()));

async function worker(name) {
  log(`${name} start`);
  await null;
  log(`${name} after await`);
  await Promise.all([1, 2].map(async (i) => {
    await Promise.resolve(i);
    log(`${name} in all ${i}`);
  }));
  for await (const v of (async function* () { yield 1; yield 2; })()) log(`${name} for-await ${v}`);
  return als.getStore();
}

log('top');
const p1 = als.run({ req: 1 }, () => worker('one'));
const p2 = als.run({ req: 2 }, () => other.run('o', () => worker('two')));
log('top after run');
Promise.all([p1, p2]).then((r) => {
  console.log('results', JSON.stringify(r));
  log('then at top');
  nested();
});

function nested() {
  als.run('outer', () => {
    als.run('inner', () => {
      Promise.resolve().then(() => log('inner then'));
    });
    log('back to outer');
    als.exit(() => {
      log('in exit');
      Promise.resolve().then(() => log('exit then'));
    });
    const bound = AsyncLocalStorage.bind(() => log('bound'));
    const snap = AsyncLocalStorage.snapshot();
    als.run('later', () => {
      bound();
      snap(() => log('snapshot'));
      snap((a, b) => console.log('snapshot args', a, b), 'x', 'y');
    });
  });
  setImmediateLike();
}

async function setImmediateLike() {
  await null;
  als.enterWith('entered');
  log('after enterWith');
  await null;
  log('enterWith survives await');
  console.log('run returns', als.run('r', () => 42), als.run('r', (a, b) => a + b, 1, 2));
  try {
    als.run('t', () => { throw new Error('boom'); });
  } catch (e) {
    log(`after throw ${e.message}`);
  }
  als.disable();
  log('after disable');
  als.run('again', () => log('run after disable'));
}
