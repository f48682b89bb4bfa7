'use strict';
// runtime/lib/path.js against Node's path.posix and path.win32 on a grid
// of tricky inputs, every function, plus argument validation.

const nodePath = require('path');
const util = require('util');
const { load, check, outcome } = require('./harness');
const ours = load('path');

const inputs = [
  '', '.', '..', '/', '//', '///', 'a', 'a/', '/a', '/a/', 'a/b', 'a//b', 'a/./b', 'a/../b', '../a',
  '../../a/b', '/../a', '/a/b/../../..', 'a/b/../../..', './', './a', '.a', '..a', 'a.', 'a..', '.a.b',
  'a.b.c', '/a/b.c/', '/a/.b', 'a/b.', 'file.txt', '/path/to/file.tar.gz', '...', '/..', '/.', 'a/.',
  'a/..', '//a//b//', '\\', '\\\\', 'C:', 'C:\\', 'C:/', 'c:', 'C:a', 'C:\\a\\b', 'C:/a/b/../c',
  'C:\\..\\..', 'C:a\\..\\..', '\\\\server', '\\\\server\\', '\\\\server\\share', '\\\\server\\share\\',
  '\\\\server\\share\\a\\b', '//server/share/x', '\\\\?\\C:\\x', '\\\\.\\pipe\\x', 'a\\b\\c', 'a\\..\\b',
  '\\a\\b\\', 'C:\\a\\b.txt', 'C:file.txt', 'a:b', 'a/b:c', 'a\\..\\c:', 'c:\\..\\x', 'foo.\\', '/a\\b/c',
  'Ω/ü.txt', ' spaces /x ', 'x/\u0000/y', 'a/b/c/', '/foo/bar/baz/asdf/quux/..',
];

for (const flavour of ['posix', 'win32']) {
  const N = nodePath[flavour];
  const O = ours[flavour];
  for (const fn of ['normalize', 'isAbsolute', 'dirname', 'basename', 'extname', 'parse', 'toNamespacedPath']) {
    for (const p of inputs) {
      check(`${flavour}.${fn}(${JSON.stringify(p)})`, outcome(() => O[fn](p)), outcome(() => N[fn](p)));
    }
  }
  for (const p of inputs) {
    for (const ext of ['.txt', 'txt', '.gz', 'b', '', 'file.txt', '\\', '/']) {
      check(`${flavour}.basename(${JSON.stringify(p)}, ${JSON.stringify(ext)})`, outcome(() => O.basename(p, ext)), outcome(() => N.basename(p, ext)));
    }
    const parsed = N.parse(p);
    check(`${flavour}.format(parse(${JSON.stringify(p)}))`, outcome(() => O.format(parsed)), outcome(() => N.format(parsed)));
  }
  const pairs = [];
  for (let i = 0; i < inputs.length; i += 3) {
    for (let j = 1; j < inputs.length; j += 4) pairs.push([inputs[i], inputs[j]]);
  }
  pairs.push(['/var/lib', '/var/apache'], ['/var/lib', '/var/lib/x'], ['/', '/a'], ['/a', '/'], ['/a/b', '/a/bc'],
    ['C:\\orandea\\test\\aaa', 'C:\\orandea\\impl\\bbb'], ['C:\\', 'D:\\'], ['\\\\s\\sh\\a', '\\\\s\\sh\\b'],
    ['C:\\foo', 'C:\\FOO\\bar'], ['c:/a', 'c:/a/b'], ['C:\\a\\b', 'C:\\']);
  for (const [a, b] of pairs) {
    check(`${flavour}.join(${JSON.stringify(a)}, ${JSON.stringify(b)})`, outcome(() => O.join(a, b)), outcome(() => N.join(a, b)));
    check(`${flavour}.resolve(${JSON.stringify(a)}, ${JSON.stringify(b)})`, outcome(() => O.resolve(a, b)), outcome(() => N.resolve(a, b)));
    check(`${flavour}.relative(${JSON.stringify(a)}, ${JSON.stringify(b)})`, outcome(() => O.relative(a, b)), outcome(() => N.relative(a, b)));
  }
  for (const args of [[], [''], ['a', '', 'b'], ['/a', '/b', 'c'], ['a', '/b', '../c', './d'], ['\\\\', 'server', 'share'], ['//server', 'share'], ['\\\\\\a', 'b'], ['C:', 'a'], ['C:', '\\a', 'D:b']]) {
    check(`${flavour}.join${JSON.stringify(args)}`, outcome(() => O.join(...args)), outcome(() => N.join(...args)));
    check(`${flavour}.resolve${JSON.stringify(args)}`, outcome(() => O.resolve(...args)), outcome(() => N.resolve(...args)));
  }
  for (const obj of [{ root: '/', dir: '/a', base: 'b.c' }, { name: 'x', ext: 'js' }, { name: 'x', ext: '.js' }, { root: '/' }, { dir: 'd', name: 'n' }, {}, { base: 'b', name: 'ignored' }]) {
    check(`${flavour}.format(${JSON.stringify(obj)})`, O.format(obj), N.format(obj));
  }
  // Validation errors.
  for (const [fn, args] of [['join', [1]], ['resolve', ['a', null]], ['normalize', [{}]], ['basename', ['a', 1]], ['relative', ['a', 2]], ['format', [null]], ['format', ['str']], ['parse', [undefined]], ['dirname', [5]], ['extname', [[]]], ['isAbsolute', [1n]]]) {
    check(`${flavour}.${fn} bad ${util.inspect(args)}`, outcome(() => O[fn](...args)), outcome(() => N[fn](...args)));
  }
  check(`${flavour} sep/delimiter`, `${O.sep}${O.delimiter}`, `${N.sep}${N.delimiter}`);
  check(`${flavour} toNamespacedPath non-string`, O.toNamespacedPath(5), N.toNamespacedPath(5));
}
check('default is posix', ours, ours.posix);
check('cross refs', ours.win32.posix === ours.posix && ours.posix.win32 === ours.win32, true);
check('keys', Object.keys(ours).join(), Object.keys(nodePath).filter((k) => k !== 'matchesGlob').join());
