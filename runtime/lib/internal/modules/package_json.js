'use strict';
// internal/modules/package_json — reading package.json files (cached) and
// resolving their "exports" and "imports" maps as Node does, shared by the
// CommonJS and ES-module loaders.

const fsb = internalBinding('fs');
const path = require('path');

const cache = new Map();

function read(jsonPath) {
  if (cache.has(jsonPath)) return cache.get(jsonPath);
  let result;
  let text;
  try {
    text = fsb.readFileUtf8(jsonPath);
  } catch {
    cache.set(jsonPath, undefined);
    return undefined;
  }
  try {
    const parsed = JSON.parse(text);
    result = {
      path: jsonPath,
      name: parsed.name,
      main: parsed.main,
      exports: parsed.exports,
      imports: parsed.imports,
      type: parsed.type,
      exists: true,
    };
  } catch (e) {
    e.path = jsonPath;
    e.message = `Error parsing ${jsonPath}: ${e.message}`;
    throw e;
  }
  cache.set(jsonPath, result);
  return result;
}

// The nearest package.json at or above dir (a directory path).
function scopeOf(dir) {
  let d = dir;
  for (;;) {
    if (path.basename(d) === 'node_modules') return undefined;
    const pj = read(path.join(d, 'package.json'));
    if (pj !== undefined) return pj;
    const parent = path.dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
}

function typeOf(filename) {
  const pj = scopeOf(path.dirname(filename));
  return pj && pj.type === 'module' ? 'module' : 'commonjs';
}

function makeError(Ctor, code, message) {
  const e = new Ctor(message);
  e.code = code;
  return e;
}

function invalidTarget(pkgDir, subpath, target, base) {
  return makeError(Error, 'ERR_INVALID_PACKAGE_TARGET',
    `Invalid "exports" main target ${JSON.stringify(target)} defined in the package config ${pkgDir}${path.sep}package.json${base ? ` imported from ${base}` : ''}`);
}

function notExported(pkgDir, subpath, base) {
  const msg = subpath === '.'
    ? `No "exports" main defined in ${pkgDir}${path.sep}package.json`
    : `Package subpath '${subpath}' is not defined by "exports" in ${pkgDir}${path.sep}package.json`;
  return makeError(Error, 'ERR_PACKAGE_PATH_NOT_EXPORTED', msg + (base ? ` imported from ${base}` : ''));
}

// Resolves one target (string | array | conditions object) to a file path.
function resolveTarget(pkgDir, target, patternMatch, conditions, isImports) {
  if (typeof target === 'string') {
    if (!target.startsWith('./')) {
      if (isImports && !target.startsWith('../') && !target.startsWith('/')) {
        return { bare: patternMatch !== undefined ? target.replace(/\*/g, patternMatch) : target };
      }
      throw invalidTarget(pkgDir, '', target);
    }
    let t = target;
    if (patternMatch !== undefined) t = t.replace(/\*/g, patternMatch);
    return { file: path.join(pkgDir, t) };
  }
  if (Array.isArray(target)) {
    let lastErr;
    for (const t of target) {
      try {
        const r = resolveTarget(pkgDir, t, patternMatch, conditions, isImports);
        if (r !== null && r !== undefined) return r;
      } catch (e) { lastErr = e; }
    }
    if (lastErr) throw lastErr;
    return null;
  }
  if (target !== null && typeof target === 'object') {
    for (const key of Object.keys(target)) {
      if (key === 'default' || conditions.includes(key)) {
        const r = resolveTarget(pkgDir, target[key], patternMatch, conditions, isImports);
        if (r === undefined) continue;
        return r;
      }
    }
    return undefined;
  }
  if (target === null) return null;
  return undefined;
}

function isConditionalSugar(exports) {
  if (typeof exports === 'string' || Array.isArray(exports)) return true;
  if (typeof exports !== 'object' || exports === null) return false;
  const keys = Object.keys(exports);
  return keys.length > 0 && !keys[0].startsWith('.');
}

function matchMap(map, subpath) {
  if (Object.prototype.hasOwnProperty.call(map, subpath) && !subpath.includes('*')) {
    return { target: map[subpath], match: undefined };
  }
  let bestKey = '';
  let bestMatch;
  for (const key of Object.keys(map)) {
    const star = key.indexOf('*');
    if (star === -1 || key.indexOf('*', star + 1) !== -1) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.startsWith(prefix) && subpath !== prefix &&
        (suffix.length === 0 || (subpath.endsWith(suffix) && subpath.length >= key.length))) {
      if (patternKeyCompare(bestKey, key) === 1) {
        bestKey = key;
        bestMatch = subpath.slice(prefix.length, subpath.length - suffix.length);
      }
    }
  }
  if (bestKey) return { target: map[bestKey], match: bestMatch };
  return undefined;
}

function patternKeyCompare(a, b) {
  const aStar = a.indexOf('*');
  const bStar = b.indexOf('*');
  const aBase = aStar === -1 ? a.length : aStar + 1;
  const bBase = bStar === -1 ? b.length : bStar + 1;
  if (aBase > bBase) return -1;
  if (bBase > aBase) return 1;
  if (aStar === -1) return 1;
  if (bStar === -1) return -1;
  if (a.length > b.length) return -1;
  if (b.length > a.length) return 1;
  return 0;
}

// exports resolution: returns an absolute file path or throws.
function resolveExports(pkgDir, subpath, exports, conditions, base) {
  if (isConditionalSugar(exports)) exports = { '.': exports };
  const m = matchMap(exports, subpath);
  if (m !== undefined) {
    const r = resolveTarget(pkgDir, m.target, m.match, conditions, false);
    if (r && r.file) return r.file;
  }
  throw notExported(pkgDir, subpath, base);
}

// "#name" imports: returns {file} or {bare} or throws.
function resolveImports(name, fromDir, conditions, base) {
  const pj = scopeOf(fromDir);
  if (pj && pj.imports) {
    const m = matchMap(pj.imports, name);
    if (m !== undefined) {
      const r = resolveTarget(path.dirname(pj.path), m.target, m.match, conditions, true);
      if (r) return r;
    }
  }
  throw makeError(TypeError, 'ERR_PACKAGE_IMPORT_NOT_DEFINED',
    `Package import specifier "${name}" is not defined${pj ? ` in package ${pj.path}` : ''}${base ? ` imported from ${base}` : ''}`);
}

module.exports = { read, scopeOf, typeOf, resolveExports, resolveImports, cache };
