#!/usr/bin/env node
// tsc-snapshot.js — the real-program benchmark heap: the TypeScript compiler
// (bench/heap/node_modules/typescript) type-checking its own .d.ts files,
// then v8.writeHeapSnapshot(OUT).
//
//   node --max-old-space-size=8192 tsc-snapshot.js OUT.heapsnapshot
//
// V8 before 11.5 recomputes the line ends of huge single-file scripts while
// snapshotting, which takes many minutes for typescript.js; formatting one
// error stack thrown from inside typescript.js first caches them.
'use strict';
const v8 = require('v8');
const path = require('path');
const fs = require('fs');
const ts = require(path.join(__dirname, 'node_modules', 'typescript'));
const out = process.argv[2];
if (!out) { console.error('usage: tsc-snapshot.js OUT.heapsnapshot'); process.exit(2); }
const lib = path.dirname(require.resolve(path.join(__dirname, 'node_modules', 'typescript')));
const files = fs.readdirSync(lib).filter(f => f.endsWith('.d.ts')).map(f => path.join(lib, f));
const program = ts.createProgram(files, { noEmit: true, skipLibCheck: false, target: ts.ScriptTarget.ES2022 });
const diags = ts.getPreEmitDiagnostics(program);
globalThis.keep = { program, checker: program.getTypeChecker(), diags };
try { ts.Debug.fail('format a stack from inside typescript.js'); } catch (e) { void e.stack; }
v8.writeHeapSnapshot(out);
console.error(`${files.length} files, ${diags.length} diagnostics`);
