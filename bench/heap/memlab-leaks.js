#!/usr/bin/env node
// memlab-leaks.js — memlab's three-snapshot leak search on files, for the
// benchmark: findLeaksBySnapshotFilePaths(BASELINE, TARGET, FINAL).
//   NODE_PATH=bench/heap/node_modules node memlab-leaks.js S1 S2 S3
'use strict';
const { findLeaksBySnapshotFilePaths } = require('@memlab/api');
const [a, b, c] = process.argv.slice(2);
if (!c) { console.error('usage: memlab-leaks.js BASELINE TARGET FINAL'); process.exit(2); }
findLeaksBySnapshotFilePaths(a, b, c).then(leaks => {
  console.error(`${leaks.length} leak traces`);
  process.exit(0);
}).catch(e => { console.error(e); process.exit(1); });
