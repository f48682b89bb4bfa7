'use strict';
// internal/modules/deps — tells a supervisor which files the program loaded.
//
// When DEVRUN_DEPS_FILE names a file, every module file the loaders read
// (CommonJS, ES modules, JSON) is appended to it as one absolute path per
// line, once each.  `devrun --deps` uses this to watch exactly the module
// graph instead of the whole directory.

const fsb = internalBinding('fs');
const { O_WRONLY, O_CREAT, O_APPEND } = fsb.constants;

let fd = -2;
const seen = new Set();

function record(filename) {
  if (fd === -1 || seen.has(filename)) return;
  if (fd === -2) {
    const target = process.env.DEVRUN_DEPS_FILE;
    if (!target) { fd = -1; return; }
    try { fd = fsb.open(target, O_WRONLY | O_CREAT | O_APPEND, 0o644); } catch { fd = -1; return; }
  }
  seen.add(filename);
  try { fsb.writeString(fd, `${filename}\n`, null); } catch {}
}

module.exports = { record };
