'use strict';
// internal/fs/cp — fs.cpSync (and, through it, fs.cp / fsPromises.cp): copies
// files, directories (with `recursive`) and symlinks, with Node's options
// (force, errorOnExist, filter, dereference, preserveTimestamps,
// verbatimSymlinks, mode) and its ERR_FS_CP_* / ERR_FS_EISDIR errors.

const B = internalBinding('fs_async');
const { validateBoolean, validateFunction, validateInteger, validateObject } = require('internal/validators');
const { getValidatedPath, getStatsFromBinding, SystemError } = require('internal/fs/utils');

function lazyPath() { return require('path'); }

function cpError(code, prefix, errCode, msg, path, errno) {
  return new SystemError(code, { message: msg, path, syscall: 'cp', errno, code: errCode, msgPrefix: prefix });
}

function lstat(p, deref) {
  try {
    return getStatsFromBinding(deref ? B.stat(p, true) : B.lstat(p, true), true);
  } catch (e) {
    if (e.code === 'ENOENT') return null;
    throw e;
  }
}

function isSrcSubdir(src, dest) {
  const srcArr = lazyPath().resolve(src).split('/').filter(Boolean);
  const destArr = lazyPath().resolve(dest).split('/').filter(Boolean);
  return srcArr.every((cur, i) => destArr[i] === cur);
}

function cpSync(src, dest, options) {
  if (options !== undefined) validateObject(options, 'options');
  const opts = {
    dereference: false, errorOnExist: false, filter: undefined, force: true,
    preserveTimestamps: false, recursive: false, verbatimSymlinks: false, mode: 0, ...options,
  };
  validateBoolean(opts.dereference, 'options.dereference');
  validateBoolean(opts.errorOnExist, 'options.errorOnExist');
  validateBoolean(opts.force, 'options.force');
  validateBoolean(opts.preserveTimestamps, 'options.preserveTimestamps');
  validateBoolean(opts.recursive, 'options.recursive');
  validateBoolean(opts.verbatimSymlinks, 'options.verbatimSymlinks');
  validateInteger(opts.mode, 'options.mode', 0, 7);
  if (opts.filter !== undefined) validateFunction(opts.filter, 'options.filter');
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  if (opts.filter && !opts.filter(src, dest)) return;
  const srcStat = getStatsFromBinding(opts.dereference ? B.stat(src, true) : B.lstat(src, true), true);
  const destStat = lstat(dest, opts.dereference);
  if (destStat && srcStat.ino === destStat.ino && srcStat.dev === destStat.dev) {
    throw cpError('ERR_FS_CP_EINVAL', 'Invalid src or dest', 'EINVAL',
      'src and dest cannot be the same', dest, 22);
  }
  if (srcStat.isDirectory() && !opts.recursive) {
    throw cpError('ERR_FS_EISDIR', 'Path is a directory', 'EISDIR',
      `${src} is a directory (not copied)`, src, 22);
  }
  if (srcStat.isDirectory() && isSrcSubdir(src, dest)) {
    throw cpError('ERR_FS_CP_EINVAL', 'Invalid src or dest', 'EINVAL',
      `cannot copy ${src} to a subdirectory of self ${dest}`, dest, 22);
  }
  const parent = lazyPath().dirname(dest);
  if (!lstat(parent, true)) require('fs').mkdirSync(parent, { recursive: true });
  copyEntry(srcStat, destStat, src, dest, opts);
}

function copyEntry(srcStat, destStat, src, dest, opts) {
  if (srcStat.isDirectory()) {
    if (destStat && !destStat.isDirectory()) {
      throw cpError('ERR_FS_CP_DIR_TO_NON_DIR', 'Cannot overwrite non-directory with directory',
        'EISDIR', `cannot overwrite non-directory ${dest} with directory ${src}`, dest, 21);
    }
    if (!destStat) B.mkdir(dest, Number(srcStat.mode) & 0o7777);
    for (const name of B.readdir(src, false)) {
      const s = lazyPath().join(src, name);
      const d = lazyPath().join(dest, name);
      if (opts.filter && !opts.filter(s, d)) continue;
      const st = getStatsFromBinding(opts.dereference ? B.stat(s, true) : B.lstat(s, true), true);
      copyEntry(st, lstat(d, opts.dereference), s, d, opts);
    }
    if (!destStat) B.chmod(dest, Number(srcStat.mode) & 0o7777);
    return;
  }
  if (destStat && destStat.isDirectory()) {
    throw cpError('ERR_FS_CP_NON_DIR_TO_DIR', 'Cannot overwrite directory with non-directory',
      'ENOTDIR', `cannot overwrite directory ${dest} with non-directory ${src}`, dest, 20);
  }
  if (destStat) {
    if (!opts.force) {
      if (opts.errorOnExist) {
        throw cpError('ERR_FS_CP_EEXIST', 'Target already exists', 'EEXIST',
          `${dest} already exists`, dest, 17);
      }
      return;
    }
    B.unlink(dest);
  }
  if (srcStat.isSymbolicLink()) {
    let target = B.readlink(src);
    if (!opts.verbatimSymlinks && !lazyPath().isAbsolute(target)) {
      target = lazyPath().resolve(lazyPath().dirname(src), target);
    }
    B.symlink(target, dest, 0);
    return;
  }
  if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) {
    B.copyfile(src, dest, opts.mode);
    if (opts.preserveTimestamps) {
      B.utimes(dest, Number(srcStat.atimeMs) / 1000, Number(srcStat.mtimeMs) / 1000);
    }
    return;
  }
  if (srcStat.isSocket()) {
    throw cpError('ERR_FS_CP_SOCKET', 'Cannot copy a socket file', 'EINVAL',
      `cannot copy a socket file: ${dest}`, dest, 22);
  }
  if (srcStat.isFIFO()) {
    throw cpError('ERR_FS_CP_FIFO_PIPE', 'Cannot copy a FIFO pipe', 'EINVAL',
      `cannot copy a FIFO pipe: ${dest}`, dest, 22);
  }
  throw cpError('ERR_FS_CP_UNKNOWN', 'Cannot copy an unknown file type', 'EINVAL',
    `cannot copy an unknown file type: ${dest}`, dest, 22);
}

module.exports = { cpSync };
