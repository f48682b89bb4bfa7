'use strict';
// constants — Node's deprecated `constants` module (still required by
// graceful-fs and others): os.constants' dlopen, errno, priority and
// signals, fs.constants and crypto.constants merged into one frozen object,
// in Node's order.

const os = require('os').constants;
const fs = require('internal/fs/utils').constants;

Object.assign(exports, os.dlopen, os.errno, os.priority, os.signals, fs);
if (require.exists('crypto')) {
  try {
    Object.assign(exports, require('crypto').constants);
  } catch {
    // crypto unavailable: the rest stands
  }
}
Object.freeze(exports);
