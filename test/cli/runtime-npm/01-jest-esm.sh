#!/bin/sh
# jest 29 in its ES-module mode (`--experimental-vm-modules`), which runs
# every test file and module as a vm.SourceTextModule: static and dynamic
# imports through the linker and importModuleDynamically, import.meta.url
# through initializeImportMeta, CommonJS and node: builtins as
# vm.SyntheticModules, jest.unstable_mockModule, top-level await, and a
# failing test's report with its code frame (error positions inside vm
# modules).  The output is compared with Node 20's, recorded below (timings
# and the process id taken out).  jest is installed by npm once into the
# build tree; without npm or a reachable registry the test is skipped (77).
set -eu
DR=${1:?usage: 01-jest-esm.sh path/to/devrun-js}
case $DR in /*) ;; */*) DR=$(cd "$(dirname "$DR")" && pwd)/$(basename "$DR") ;; esac
NPM_DIR=${DEVRUN_RUNTIME_NPM:-$(dirname "$DR")/../runtime-npm}
mkdir -p "$NPM_DIR"
NPM_DIR=$(cd "$NPM_DIR" && pwd)
if [ ! -f "$NPM_DIR/node_modules/jest/package.json" ]; then
	command -v npm >/dev/null 2>&1 || { echo "SKIP: npm not available"; exit 77; }
	[ -f "$NPM_DIR/package.json" ] || echo '{"private":true}' >"$NPM_DIR/package.json"
	if ! (cd "$NPM_DIR" && timeout 180 npm install --prefix "$NPM_DIR" --no-audit --no-fund \
		--no-save --loglevel=error jest@29.7.0 >"$NPM_DIR/npm.log" 2>&1); then
		if (cd "$NPM_DIR" && npm ping --fetch-retries=1 --fetch-timeout=20000 >/dev/null 2>&1); then
			cat "$NPM_DIR/npm.log" >&2
			echo "npm install failed with the registry reachable" >&2
			exit 1
		fi
		echo "SKIP: npm install jest failed (registry unreachable?)"
		exit 77
	fi
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
P=$T/project
mkdir -p "$P/src" "$P/test"
ln -s "$NPM_DIR/node_modules" "$P/node_modules"
cat >"$P/package.json" <<'EOF'
{ "name": "devrun-jest-esm", "version": "1.0.0", "private": true, "type": "module",
  "jest": { "testEnvironment": "node", "transform": {} } }
EOF
cat >"$P/src/math.js" <<'EOF'
export const sum = (a, b) => a + b;
export default function mul(a, b) { return a * b; }
export const here = new URL('.', import.meta.url).pathname.endsWith('/src/');
EOF
cat >"$P/src/clock.js" <<'EOF'
import { readFileSync } from 'node:fs';
export function now() { return 'real'; }
export function pkgName() { return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).name; }
EOF
cat >"$P/src/cjs-helper.cjs" <<'EOF'
module.exports = { shout: (s) => s.toUpperCase() + '!' };
EOF
cat >"$P/test/math.test.js" <<'EOF'
import mul, { sum, here } from '../src/math.js';
import helper from '../src/cjs-helper.cjs';
const late = await Promise.resolve('top-level await');
test('named and default imports', () => { expect(sum(2, 3)).toBe(5); expect(mul(4, 5)).toBe(20); });
test('import.meta.url of the test and the module', () => {
  expect(import.meta.url.startsWith('file://')).toBe(true);
  expect(import.meta.url.endsWith('/test/math.test.js')).toBe(true);
  expect(here).toBe(true);
});
test('dynamic import', async () => { const m = await import('../src/math.js'); expect(m.sum).toBe(sum); });
test('CommonJS from ESM', () => { expect(helper.shout('hi')).toBe('HI!'); });
test('top-level await', () => { expect(late).toBe('top-level await'); });
EOF
cat >"$P/test/mock.test.js" <<'EOF'
import { jest } from '@jest/globals';
jest.unstable_mockModule('../src/clock.js', () => ({ now: jest.fn(() => 'mocked'), pkgName: () => 'mocked-pkg' }));
const { now, pkgName } = await import('../src/clock.js');
test('a mocked ES module', () => { expect(now()).toBe('mocked'); expect(now).toHaveBeenCalledTimes(1); expect(pkgName()).toBe('mocked-pkg'); });
test('node: builtins', async () => { const { readFileSync } = await import('node:fs'); expect(typeof readFileSync).toBe('function'); });
test.each([[1, 1, 2], [2, 3, 5]])('sum %i + %i', async (a, b, c) => { const { sum } = await import('../src/math.js'); expect(sum(a, b)).toBe(c); });
test('a failing expectation is reported', () => { expect(() => expect(1).toBe(2)).toThrow('Expected: 2'); });
EOF
cat >"$P/test/real.test.js" <<'EOF'
import { now, pkgName } from '../src/clock.js';
test('the real module in another test file', () => { expect(now()).toBe('real'); expect(pkgName()).toBe('devrun-jest-esm'); });
EOF

# Timings, the process id of the warning and trailing blanks are not compared.
normalize() {
	sed -e 's/ ([0-9.]* m\{0,1\}s)$//' -e '/^Time:/d' -e 's/^(node:[0-9]*) /(node:PID) /' \
		-e 's/[[:space:]]*$//'
}
# CI in the environment turns colours on in @babel/code-frame (picocolors
# checks "CI" in env), in Node as here: the expected output has none.
jest() {
	(cd "$P" && env -u CI -u FORCE_COLOR timeout 120 "$DR" --experimental-vm-modules node_modules/jest/bin/jest.js --ci -i \
		--cacheDirectory "$T/cache" "$@" 2>&1)
}

rc=0
jest --verbose >"$T/pass.raw" || rc=$?
normalize <"$T/pass.raw" >"$T/pass.out"
cat >"$T/pass.want" <<'EOF'
(node:PID) ExperimentalWarning: VM Modules is an experimental feature and might change at any time
(Use `node --trace-warnings ...` to show where the warning was created)
PASS test/mock.test.js
  ✓ a mocked ES module
  ✓ node: builtins
  ✓ sum 1 + 1
  ✓ sum 2 + 3
  ✓ a failing expectation is reported

PASS test/math.test.js
  ✓ named and default imports
  ✓ import.meta.url of the test and the module
  ✓ dynamic import
  ✓ CommonJS from ESM
  ✓ top-level await

PASS test/real.test.js
  ✓ the real module in another test file

Test Suites: 3 passed, 3 total
Tests:       11 passed, 11 total
Snapshots:   0 total
Ran all test suites.
EOF
diff -u "$T/pass.want" "$T/pass.out" || { echo "jest (passing run): output differs from Node 20's"; exit 1; }
[ "$rc" = 0 ] || { echo "jest (passing run) exited with $rc"; exit 1; }

cat >"$P/test/fail.test.js" <<'EOF'
import { sum } from '../src/math.js';
test('passes', () => { expect(sum(1, 1)).toBe(2); });
test('fails on purpose', () => { expect(sum(1, 1)).toBe(3); });
EOF
rc=0
jest test/fail >"$T/fail.raw" || rc=$?
normalize <"$T/fail.raw" >"$T/fail.out"
cat >"$T/fail.want" <<'EOF'
(node:PID) ExperimentalWarning: VM Modules is an experimental feature and might change at any time
(Use `node --trace-warnings ...` to show where the warning was created)
FAIL test/fail.test.js
  ✓ passes
  ✕ fails on purpose

  ● fails on purpose

    expect(received).toBe(expected) // Object.is equality

    Expected: 3
    Received: 2

      1 | import { sum } from '../src/math.js';
      2 | test('passes', () => { expect(sum(1, 1)).toBe(2); });
    > 3 | test('fails on purpose', () => { expect(sum(1, 1)).toBe(3); });
        |                                                    ^
      4 |

      at Object.<anonymous> (test/fail.test.js:3:52)

Test Suites: 1 failed, 1 total
Tests:       1 failed, 1 passed, 2 total
Snapshots:   0 total
Ran all test suites matching /test\/fail/i.
EOF
diff -u "$T/fail.want" "$T/fail.out" || { echo "jest (failing run): output differs from Node 20's"; exit 1; }
[ "$rc" = 1 ] || { echo "jest (failing run) exited with $rc, want 1"; exit 1; }
echo ok
