'use strict';
// Runs each program in test/js-builtins/programs/ under Node and under
// devrun-js and requires the same stdout, stderr and exit status, so the
// builtin modules keep matching Node inside the real runtime (V8 10.2).
// Process ids in warnings ("(node:1234)") are normalised.  Programs named
// *.tty.js run on a pseudo-terminal (util-linux `script`), where stdout and
// stderr arrive merged; they are skipped when `script` is not installed.
//
//   node test/js-builtins/run-programs.js path/to/devrun-js [program ...]

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const devrun = process.argv[2] && path.resolve(process.argv[2]);
if (!devrun) {
  console.error('usage: run-programs.js <devrun-js> [program ...]');
  process.exit(2);
}
let programs = process.argv.slice(3);
if (programs.length === 0) {
  const dir = path.join(__dirname, 'programs');
  programs = fs.readdirSync(dir).filter((f) => f.endsWith('.js')).sort()
    .map((f) => path.join(dir, f));
}

const quote = (s) => `'${s.replace(/'/g, "'\\''")}'`;
const haveScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

function run(cmd, file) {
  const tty = file.endsWith('.tty.js');
  const r = spawnSync(tty ? 'script' : cmd, tty ? ['-qec', `${quote(cmd)} ${quote(file)}`, '/dev/null'] : [file], {
    cwd: path.dirname(file),
    encoding: 'utf8',
    timeout: 60000,
    env: tty ?
      { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, NODE_DISABLE_COLORS: undefined, TERM: 'xterm-256color', NODE_DEBUG: '' } :
      { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, NODE_DEBUG: '' },
  });
  const norm = (s) => (s || '').replace(/\((node|devrun-js):\d+\)/g, '(node:PID)');
  return { status: r.status, signal: r.signal, stdout: norm(r.stdout), stderr: norm(r.stderr), error: r.error };
}

function firstDiff(a, b) {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) {
      return `line ${i + 1}:\n  node:      ${JSON.stringify(la[i])}\n  devrun-js: ${JSON.stringify(lb[i])}`;
    }
  }
  return '';
}

let failed = 0;
for (const file of programs) {
  const name = path.basename(file);
  if (file.endsWith('.tty.js') && !haveScript) {
    console.log(`skip ${name} (no \`script\` for a pseudo-terminal)`);
    continue;
  }
  const n = run(process.execPath, file);
  const d = run(devrun, file);
  const problems = [];
  if (d.error) problems.push(`cannot run devrun-js: ${d.error.message}`);
  if (n.status !== d.status || n.signal !== d.signal) {
    problems.push(`exit status: node ${n.status}/${n.signal}, devrun-js ${d.status}/${d.signal}`);
  }
  if (n.stdout !== d.stdout) problems.push(`stdout differs at ${firstDiff(n.stdout, d.stdout)}`);
  if (n.stderr !== d.stderr) problems.push(`stderr differs at ${firstDiff(n.stderr, d.stderr)}`);
  if (problems.length) {
    failed++;
    console.log(`FAIL ${name}\n  ${problems.join('\n  ')}`);
  } else {
    console.log(`ok   ${name}`);
  }
}
console.log(`${programs.length - failed} of ${programs.length} programs identical`);
process.exitCode = failed ? 1 : 0;
