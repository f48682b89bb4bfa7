'use strict';
// internal/modules/esm — the ES-module loader on internalBinding('module_wrap').
//
// load(url) compiles a module and, recursively, everything it imports
// (resolution as Node's ESM resolver: relative and absolute URLs without
// extension searching, bare specifiers through node_modules with "exports"
// conditions node/import/default, "imports" (#x), node: builtins), links the
// records, instantiates the root and evaluates it (a promise: top-level await).
// CommonJS modules and builtins become synthetic modules with a default
// export plus named exports (builtins: their keys; CommonJS: names detected
// statically, as cjs-module-lexer does, filled when the module runs).
// JSON needs `assert { type: 'json' }`.

const path = require('path');
const fsb = internalBinding('fs');
const mw = internalBinding('module_wrap');
const pkg = require('internal/modules/package_json');
const kConditions = ['node', 'import', 'node-addons'];

const records = new Map(); // url -> { wrap, url, filename, format }

function lazyUrl() { return require('internal/url'); }

// File URL conversions done here (not with URL) so that loading modules does
// not need the WHATWG URL parser.
function fileURLToPath(u) {
  if (typeof u !== 'string') u = `${u.href}`;
  if (!u.startsWith('file://')) return lazyUrl().fileURLToPath(u);
  let p = u.slice(7);
  if (!p.startsWith('/')) return lazyUrl().fileURLToPath(u); // file://host/...
  const q = p.search(/[?#]/);
  if (q !== -1) p = p.slice(0, q);
  if (/%2f/i.test(p)) return lazyUrl().fileURLToPath(u);
  return decodeURIComponent(p);
}
function pathToFileURL(p) {
  let r = '';
  for (const ch of path.resolve(p)) {
    const c = ch.codePointAt(0);
    if (ch === '%' || ch === '?' || ch === '#' || ch === '"' || ch === '<' || ch === '>' || ch === '`' ||
        ch === '{' || ch === '}' || ch === ' ' || ch === '^' || ch === '|' || ch === '\\' || ch === '[' || ch === ']' || c < 0x21 || c > 0x7e) {
      r += encodeURIComponent(ch).replace(/[!'()*]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`);
      if (ch === '[' || ch === ']' || ch === '^' || ch === '|' || ch === '`' || ch === '{' || ch === '}' || ch === '\\') {
        // encodeURIComponent encodes these already
      }
    } else {
      r += ch;
    }
  }
  return `file://${r}`;
}

// Resolves a relative URL reference against a file: URL (paths only).
function resolveRelativeFile(specifier, base) {
  const q = specifier.search(/[?#]/);
  const spec = q === -1 ? specifier : specifier.slice(0, q);
  const basePath = fileURLToPath(base);
  const dir = base.endsWith('/') ? basePath : path.dirname(basePath);
  const decoded = decodeURIComponent(spec);
  return decoded.startsWith('/') ? path.resolve(decoded) : path.resolve(dir, decoded);
}

function err(Ctor, code, msg) {
  const e = new Ctor(msg);
  e.code = code;
  return e;
}

function isBuiltin(id) { return require('internal/modules/cjs/loader').isBuiltin(id); }

function displayParent(parentURL) {
  if (!parentURL) return '';
  if (parentURL.startsWith('file:')) { try { return fileURLToPath(parentURL); } catch {} }
  return parentURL;
}

function finalizeFile(file, specifier, parentURL) {
  const st = fsb.internalModuleStat(file);
  if (st === 1) {
    throw err(Error, 'ERR_UNSUPPORTED_DIR_IMPORT',
      `Directory import '${file}' is not supported resolving ES modules imported from ${displayParent(parentURL)}`);
  }
  if (st !== 0) {
    throw err(Error, 'ERR_MODULE_NOT_FOUND', `Cannot find module '${file}' imported from ${displayParent(parentURL)}`);
  }
  let real = file;
  try { real = fsb.realpath(file); } catch {}
  return pathToFileURL(real);
}

function legacyMainResolve(pkgDir, pj, parentURL) {
  const tries = [];
  if (pj && pj.main) {
    tries.push(pj.main, `${pj.main}.js`, `${pj.main}.json`, `${pj.main}.node`,
      `${pj.main}/index.js`, `${pj.main}/index.json`, `${pj.main}/index.node`);
  }
  tries.push('index.js', 'index.json', 'index.node');
  for (const t of tries) {
    const f = path.resolve(pkgDir, t);
    if (fsb.internalModuleStat(f) === 0) return finalizeFile(f, t, parentURL);
  }
  throw err(Error, 'ERR_MODULE_NOT_FOUND', `Cannot find package '${pkgDir}' imported from ${displayParent(parentURL)}`);
}

function packageResolve(specifier, parentURL) {
  const m = /^((?:@[^/\\%]+\/)?[^./\\%][^/\\%]*)(\/.*)?$/.exec(specifier);
  if (!m || specifier.startsWith('@') && !specifier.includes('/')) {
    throw err(TypeError, 'ERR_INVALID_MODULE_SPECIFIER', `Invalid module "${specifier}" is not a valid package name imported from ${displayParent(parentURL)}`);
  }
  const name = m[1];
  const subpath = `.${m[2] || ''}`;
  const parentDir = parentURL && parentURL.startsWith('file:') ? path.dirname(fileURLToPath(parentURL)) : process.cwd();
  // self-reference
  const self = pkg.scopeOf(parentDir);
  if (self && self.name === name && self.exports !== undefined && self.exports !== null) {
    return finalizeFile(pkg.resolveExports(path.dirname(self.path), subpath, self.exports, kConditions, displayParent(parentURL)), specifier, parentURL);
  }
  let dir = parentDir;
  for (;;) {
    if (path.basename(dir) !== 'node_modules') {
      const pkgDir = path.join(dir, 'node_modules', name);
      if (fsb.internalModuleStat(pkgDir) === 1) {
        const pj = pkg.read(path.join(pkgDir, 'package.json'));
        if (pj && pj.exports !== undefined && pj.exports !== null) {
          return finalizeFile(pkg.resolveExports(pkgDir, subpath, pj.exports, kConditions, displayParent(parentURL)), specifier, parentURL);
        }
        if (subpath === '.') return legacyMainResolve(pkgDir, pj, parentURL);
        return finalizeFile(path.join(pkgDir, subpath), specifier, parentURL);
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw err(Error, 'ERR_MODULE_NOT_FOUND', `Cannot find package '${name}' imported from ${displayParent(parentURL)}`);
}

function resolve(specifier, parentURL) {
  if (specifier.startsWith('node:')) {
    if (!isBuiltin(specifier)) throw err(Error, 'ERR_UNKNOWN_BUILTIN_MODULE', `No such built-in module: ${specifier}`);
    return specifier;
  }
  if (isBuiltin(specifier)) return `node:${specifier}`;
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/') ||
      specifier === '.' || specifier === '..') {
    const base = parentURL && parentURL.startsWith('file:') ? parentURL : `${pathToFileURL(process.cwd())}/`;
    const q = specifier.search(/[?#]/);
    const suffix = q === -1 ? '' : specifier.slice(q);
    return finalizeFile(resolveRelativeFile(specifier, base), specifier, parentURL) + suffix;
  }
  if (specifier.startsWith('#')) {
    const parentDir = parentURL && parentURL.startsWith('file:') ? path.dirname(fileURLToPath(parentURL)) : process.cwd();
    const r = pkg.resolveImports(specifier, parentDir, kConditions, displayParent(parentURL));
    if (r.file) return finalizeFile(r.file, specifier, parentURL);
    return resolve(r.bare, parentURL);
  }
  let url;
  if (specifier.startsWith('file:')) return finalizeFile(fileURLToPath(specifier), specifier, parentURL);
  if (specifier.startsWith('data:')) return specifier;
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(specifier)) {
    try { url = new (lazyUrl().URL)(specifier); } catch { url = undefined; }
  }
  if (url !== undefined) {
    if (url.protocol === 'file:') return finalizeFile(fileURLToPath(url.href), specifier, parentURL);
    if (url.protocol === 'data:') return url.href;
    throw err(Error, 'ERR_UNSUPPORTED_ESM_URL_SCHEME',
      `Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. Received protocol '${url.protocol}'`);
  }
  return packageResolve(specifier, parentURL);
}

function formatOf(url) {
  if (url.startsWith('node:')) return 'builtin';
  if (url.startsWith('data:')) {
    const m = /^data:([^,;]*)/.exec(url);
    if (m && m[1] === 'application/json') return 'json';
    return 'module';
  }
  const filename = fileURLToPath(url);
  if (filename.endsWith('.mjs')) return 'module';
  if (filename.endsWith('.cjs')) return 'commonjs';
  if (filename.endsWith('.json')) return 'json';
  if (filename.endsWith('.node')) return 'addon';
  if (filename.endsWith('.js') || path.extname(filename) === '') {
    return pkg.typeOf(filename) === 'module' ? 'module' : 'commonjs';
  }
  throw err(TypeError, 'ERR_UNKNOWN_FILE_EXTENSION', `Unknown file extension "${path.extname(filename)}" for ${filename}`);
}

// Named exports of a CommonJS source, detected statically as Node's
// cjs-module-lexer does: `exports.x =`, `exports['x'] =`, `module.exports =
// { a, b: ... }`, Object.defineProperty(exports, 'x', ...) with a value or a
// getter returning an identifier or member, and re-exports —
// `module.exports = require('./y')` and TypeScript's
// `__exportStar(require('./y'), exports)` — whose names are read from y.
function detectCjsExports(source) {
  const names = new Set();
  const reexports = [];
  const id = '[A-Za-z_$][\\w$]*';
  let m;
  const re1 = new RegExp(`(?:^|[^.\\w$])(?:module\\.)?exports\\.(${id})\\s*=`, 'g');
  while ((m = re1.exec(source)) !== null) names.add(m[1]);
  const re2 = new RegExp(`(?:^|[^.\\w$])(?:module\\.)?exports\\[\\s*(['"])(${id})\\1\\s*\\]\\s*=`, 'g');
  while ((m = re2.exec(source)) !== null) names.add(m[2]);
  const re3 = new RegExp(`Object\\.defineProperty\\(\\s*(?:module\\.)?exports\\s*,\\s*(['"])(${id})\\1\\s*,\\s*\\{`, 'g');
  while ((m = re3.exec(source)) !== null) {
    // the descriptor: up to its matching brace
    let depth = 1;
    let i = re3.lastIndex;
    for (; i < source.length && depth > 0; i++) {
      if (source[i] === '{') depth++;
      else if (source[i] === '}') depth--;
    }
    const desc = source.slice(re3.lastIndex, i - 1);
    if (/(?:^|[,\s])value\s*:/.test(desc) ||
        new RegExp(`get\\s*(?::\\s*function\\s*)?\\(\\s*\\)\\s*\\{\\s*return\\s+${id}(?:\\s*\\.\\s*${id}|\\s*\\[\\s*(['"])${id}\\1\\s*\\])*\\s*;?\\s*\\}`).test(desc)) {
      names.add(m[2]);
    }
  }
  const re4 = /(?:^|[^.\w$])module\.exports\s*=\s*\{([^}]*)\}/g;
  while ((m = re4.exec(source)) !== null) {
    for (const part of m[1].split(',')) {
      const p = part.trim();
      const km = new RegExp(`^(?:(${id})|(['"])(${id})\\2)\\s*(?::|$|\\()`).exec(p);
      if (km) names.add(km[1] || km[3]);
    }
  }
  const re5 = /(?:^|[^.\w$])module\.exports\s*=\s*require\(\s*(['"])([^'"]+)\1\s*\)/g;
  while ((m = re5.exec(source)) !== null) reexports.push(m[2]);
  const re6 = /__exportStar\(\s*require\(\s*(['"])([^'"]+)\1\s*\)/g;
  while ((m = re6.exec(source)) !== null) reexports.push(m[2]);
  const re7 = /__export\(\s*require\(\s*(['"])([^'"]+)\1\s*\)\s*\)/g;
  while ((m = re7.exec(source)) !== null) reexports.push(m[2]);
  names.delete('default');
  return { names: [...names], reexports };
}

// Names of a CommonJS file including those of the modules it re-exports.
function cjsExportNames(filename, seen = new Set()) {
  if (seen.has(filename)) return [];
  seen.add(filename);
  let source = '';
  try { source = fsb.readFileUtf8(filename); } catch { return []; }
  const { names, reexports } = detectCjsExports(source);
  const all = new Set(names);
  if (reexports.length) {
    const Module = cjsLoader();
    const parent = new Module(filename);
    parent.filename = filename;
    parent.paths = Module._nodeModulePaths(path.dirname(filename));
    for (const spec of reexports) {
      let target;
      try { target = Module._resolveFilename(spec, parent, false); } catch { continue; }
      if (!path.isAbsolute(target) || !/\.(c?js)$/.test(target)) continue;
      for (const n of cjsExportNames(target, seen)) all.add(n);
    }
  }
  all.delete('default');
  return [...all];
}

function cjsLoader() { return require('internal/modules/cjs/loader'); }

function makeCjsRecord(url) {
  const filename = fileURLToPath(url);
  const Module = cjsLoader();
  const cached = Module._cache[filename];
  let names;
  if (cached && cached.loaded) {
    const ex = cached.exports;
    names = ex !== null && (typeof ex === 'object' || typeof ex === 'function') ? Object.keys(ex) : [];
  } else {
    names = cjsExportNames(filename);
  }
  names = names.filter((n) => n !== 'default');
  const exportNames = ['default', ...names];
  return mw.synthetic(url, exportNames, (wrap) => {
    const exports = Module._load(filename, undefined, false);
    mw.setExport(wrap, 'default', exports);
    for (const n of names) {
      let v;
      try { v = exports == null ? undefined : exports[n]; } catch {}
      mw.setExport(wrap, n, v);
    }
  });
}

function makeBuiltinRecord(url) {
  const id = url.slice(5);
  const exports = require(id);
  const names = exports !== null && (typeof exports === 'object' || typeof exports === 'function')
    ? Object.keys(exports).filter((n) => n !== 'default') : [];
  return mw.synthetic(url, ['default', ...names], (wrap) => {
    mw.setExport(wrap, 'default', exports);
    for (const n of names) mw.setExport(wrap, n, exports[n]);
  });
}

function makeJsonRecord(url) {
  let text;
  if (url.startsWith('data:')) text = decodeURIComponent(url.slice(url.indexOf(',') + 1));
  else text = fsb.readFileUtf8(fileURLToPath(url));
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    e.message = `${url.startsWith('file:') ? fileURLToPath(url) : url}: ${e.message}`;
    throw e;
  }
  return mw.synthetic(url, ['default'], (wrap) => mw.setExport(wrap, 'default', value));
}

function sourceOf(url) {
  if (url.startsWith('data:')) {
    const comma = url.indexOf(',');
    const meta = url.slice(5, comma);
    const body = url.slice(comma + 1);
    if (meta.endsWith(';base64')) return require('buffer').Buffer.from(body, 'base64').toString();
    return decodeURIComponent(body);
  }
  return fsb.readFileUtf8(fileURLToPath(url));
}

function checkAssertions(url, format, assertions, parentURL) {
  const type = assertions && assertions.type;
  if (type !== undefined && type !== 'json') {
    throw err(TypeError, 'ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED', `Import assertion type "${type}" is unsupported`);
  }
  if (format === 'json') {
    if (type !== 'json') {
      throw err(TypeError, 'ERR_IMPORT_ASSERTION_TYPE_MISSING',
        `Module "${url}" needs an import assertion of type "json"`);
    }
  } else if (type !== undefined) {
    if (type === 'json') {
      throw err(TypeError, 'ERR_IMPORT_ASSERTION_TYPE_FAILED', `Module "${url}" is not of type "json"`);
    }
    throw err(TypeError, 'ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED', `Import assertion type "${type}" is unsupported`);
  }
}

// Returns the record for url, compiling and linking its graph.
function getRecord(url, assertions, parentURL, source) {
  const format = source !== undefined ? 'module' : formatOf(url);
  checkAssertions(url, format, assertions, parentURL);
  let rec = records.get(url);
  if (rec !== undefined) return rec;
  let wrap;
  switch (format) {
    case 'module': wrap = mw.compile(url, source !== undefined ? source : sourceOf(url)); break;
    case 'commonjs': wrap = makeCjsRecord(url); break;
    case 'builtin': wrap = makeBuiltinRecord(url); break;
    case 'json': wrap = makeJsonRecord(url); break;
    case 'addon': {
      throw err(Error, 'ERR_UNKNOWN_FILE_EXTENSION',
        `Unknown file extension ".node" for ${fileURLToPath(url)}: native addons are not supported by devrun-js`);
    }
    default: throw new Error(`unknown format ${format}`);
  }
  rec = { url, wrap, format };
  records.set(url, rec);
  if (url.startsWith('file:') && format !== 'commonjs') require('internal/modules/deps').record(fileURLToPath(url));
  if (format === 'module') {
    const reqs = mw.requests(wrap);
    for (let i = 0; i < reqs.length; i++) {
      const depUrl = resolve(reqs[i].specifier, url);
      const dep = getRecord(depUrl, reqs[i].assert, url);
      mw.link(wrap, i, dep.wrap);
    }
  }
  return rec;
}

function instantiate(rec) {
  try {
    mw.instantiate(rec.wrap);
  } catch (e) {
    improveLinkError(e);
    throw e;
  }
}

// V8's message for a missing export of a CommonJS module becomes Node's.
function improveLinkError(e) {
  if (!(e instanceof SyntaxError)) return;
  const m = /^The requested module '([^']+)' does not provide an export named '([^']+)'$/.exec(e.message);
  if (!m) return;
  const [, spec, name] = m;
  for (const rec of records.values()) {
    if (rec.format !== 'commonjs') continue;
    if (!rec.url.endsWith(spec.replace(/^\.\.?\//, '/')) && !rec.url.endsWith(spec)) continue;
    e.message = `Named export '${name}' not found. The requested module '${spec}' is a CommonJS module, ` +
      'which may not support all module.exports as named exports.\nCommonJS modules can always be ' +
      `imported via the default export, for example using:\n\nimport pkg from '${spec}';\n` +
      `const { ${name} } = pkg;\n`;
    const stack = e.stack;
    if (typeof stack === 'string') {
      const nl = stack.indexOf('\n    at');
      e.stack = `SyntaxError: ${e.message}${nl === -1 ? '' : stack.slice(nl)}`;
    }
    return;
  }
}

async function importModule(specifier, parentURL, assertions) {
  await undefined; // loading is asynchronous in Node: never evaluate inside import()'s caller
  const url = resolve(specifier, parentURL);
  const rec = getRecord(url, assertions, parentURL);
  instantiate(rec);
  await mw.evaluate(rec.wrap);
  return mw.namespace(rec.wrap);
}

// require(esm): loads an ES module synchronously (Node 20.19+); a graph
// with top-level await cannot be required.
function requireModule(filename, parentFilename) {
  const url = pathToFileURL(filename);
  const rec = getRecord(url, undefined, parentFilename ? pathToFileURL(parentFilename) : undefined);
  instantiate(rec);
  if (mw.isGraphAsync(rec.wrap)) {
    throw err(Error, 'ERR_REQUIRE_ASYNC_MODULE',
      'require() cannot be used on an ESM graph with top-level await. Use import() instead. ' +
      'To see where the top-level await comes from, use --experimental-print-required-tla.');
  }
  const p = mw.evaluate(rec.wrap);
  const { getPromiseDetails } = internalBinding('util');
  const d = getPromiseDetails(p);
  if (d && d[0] === 2) {
    p.catch(() => {});
    throw d[1];
  }
  const ns = mw.namespace(rec.wrap);
  if (!('default' in ns) || '__esModule' in ns) return ns;
  // Node adds __esModule to what require() returns when there is a default export.
  const names = Object.keys(ns);
  const wrapper = mw.synthetic(`${url}#require`, ['__esModule', ...names], (w) => {
    mw.setExport(w, '__esModule', true);
    for (const n of names) mw.setExport(w, n, ns[n]);
  });
  mw.instantiate(wrapper);
  mw.evaluate(wrapper);
  return mw.namespace(wrapper);
}

function referrerToURL(referrer) {
  if (typeof referrer !== 'string' || referrer === '') return undefined;
  if (referrer.startsWith('file:') || referrer.startsWith('node:') || referrer.startsWith('data:')) return referrer;
  if (path.isAbsolute(referrer)) return pathToFileURL(referrer);
  return undefined; // [eval], [stdin]: relative to cwd
}

function setup() {
  mw.setCallbacks(
    (referrer, specifier, assertions) => importModule(specifier, referrerToURL(referrer), assertions),
    (wrap, meta) => {
      const url = mw.url(wrap);
      meta.url = url;
      if (url.startsWith('file:')) {
        const filename = fileURLToPath(url);
        meta.filename = filename;
        meta.dirname = path.dirname(filename);
      }
      meta.resolve = (specifier) => resolve(`${specifier}`, url);
    });
}

let mainPromise;
let mainUrl;

function runEntry(url, source) {
  const rec = getRecord(url, undefined, undefined, source);
  mainUrl = url;
  instantiate(rec);
  // --inspect-brk/--inspect-wait: the inspector runs the main module (Break on start).
  mainPromise = process._inspectorRunMain ? process._inspectorRunMain(mw.evaluate, mw, rec.wrap) : mw.evaluate(rec.wrap);
  mainPromise.then(undefined, (e) => {
    improveScopeError(e, url);
    require('internal/process/execution').triggerUncaughtException(e, false);
  });
  process.on('exit', onExitCheckTLA);
  return mainPromise;
}

// CommonJS names used in an ES module: Node's explanation.
function improveScopeError(e, url) {
  if (!(e instanceof ReferenceError)) return;
  const m = /^(require|module|exports|__filename|__dirname) is not defined$/.exec(e.message);
  if (!m) return;
  let msg = `${m[1]} is not defined in ES module scope`;
  if (m[1] === 'require') msg += ', you can use import instead';
  if (url.startsWith('file:') && url.endsWith('.js')) {
    const pj = pkg.scopeOf(path.dirname(fileURLToPath(url)));
    if (pj) {
      msg += `\nThis file is being treated as an ES module because it has a '.js' file extension and '${pj.path}' contains "type": "module". To treat it as a CommonJS script, rename it to use the '.cjs' file extension.`;
    }
  }
  const old = e.message;
  // Where it was thrown, before the stack is rewritten (V8 derives it from the stack).
  const util = internalBinding('util');
  if (util.getHiddenValue(e, 'arrowInfo') === undefined) {
    const info = internalBinding('errors').messageInfo(e);
    if (info) info.plain = true; // printed with a blank line, as any uncaught error
    util.setHiddenValue(e, 'arrowInfo', info);
  }
  const stack = e.stack;
  e.message = msg;
  if (typeof stack === 'string' && stack.startsWith(`ReferenceError: ${old}`)) {
    e.stack = `ReferenceError: ${msg}${stack.slice(16 + old.length)}`;
  }
}

function onExitCheckTLA(code) {
  const { getPromiseDetails } = internalBinding('util');
  const d = getPromiseDetails(mainPromise);
  if (d && d[0] === 0 && (code === 0 || code === undefined) && (process.exitCode === undefined || process.exitCode === 0)) {
    internalBinding('stdio').writeString(2, `Warning: Detected unsettled top-level await at ${mainUrl}\n`);
    process.exitCode = 13;
  }
}

function runMain(filename) {
  return runEntry(pathToFileURL(filename));
}

function evalModule(source, name = '[eval1]') {
  return runEntry(pathToFileURL(`${process.cwd()}/${name}`), source);
}

module.exports = { fileURLToPath, pathToFileURL, setup, resolve, importModule, runMain, evalModule, detectCjsExports, requireModule };
