'use strict';
// util.parseArgs (internal/util/parse_args.js) against Node's.

const util = require('util');
const { load, check, outcome } = require('./harness');
const ours = load('util');

const options = {
  verbose: { type: 'boolean', short: 'v' },
  file: { type: 'string', short: 'f' },
  tag: { type: 'string', short: 't', multiple: true },
  count: { type: 'boolean', short: 'c', multiple: true },
  mode: { type: 'string', default: 'fast' },
  dry: { type: 'boolean', default: false },
  color: { type: 'boolean' },
};
const argLists = [
  [], ['-v'], ['--verbose'], ['-f', 'a.txt'], ['-fa.txt'], ['--file', 'x'], ['--file=x'], ['--file=-x'], ['--file', '-x'],
  ['-vf', 'x'], ['-vfx'], ['-vc', '-c'], ['-t', 'a', '-t', 'b', '--tag=c'], ['pos'], ['--', '-v', 'x'], ['--unknown'],
  ['-u'], ['--verbose=1'], ['--file'], ['-f'], ['--mode', 'slow'], ['--no-color'], ['-'], ['--', '--'], ['-vz'],
  ['--__proto__'], ['--count', '--count'], ['a', '--', 'b'],
];
for (const args of argLists) {
  for (const extra of [{}, { strict: false }, { allowPositionals: true }, { tokens: true, strict: false }, { allowNegative: true, allowPositionals: true }]) {
    const cfg = { args, options, ...extra };
    check(`parseArgs ${JSON.stringify(args)} ${JSON.stringify(extra)}`, outcome(() => ours.parseArgs(cfg)), outcome(() => util.parseArgs(cfg)));
  }
}
const badConfigs = [
  { args: 'x' }, { strict: 1 }, { options: { a: { type: 'number' } } }, { options: { a: { type: 'string', short: 'ab' } } },
  { options: { a: { type: 'string', short: 1 } } }, { options: { a: { type: 'string', multiple: 1 } } },
  { options: { a: { type: 'string', default: 1 } } }, { options: { a: { type: 'string', multiple: true, default: ['x', 2] } } },
  { options: { a: { type: 'boolean', default: 'x' } } }, { options: 5 }, { options: { a: 'x' } }, { tokens: 'yes' },
];
for (const cfg of badConfigs) {
  check(`parseArgs bad ${util.inspect(cfg)}`, outcome(() => ours.parseArgs({ args: [], ...cfg })), outcome(() => util.parseArgs({ args: [], ...cfg })));
}
