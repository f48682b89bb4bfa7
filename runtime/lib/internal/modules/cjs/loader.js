'use strict';
// internal/modules/cjs/loader — Node's CommonJS module system:
// require/resolve (relative, absolute, node_modules walk-up, package.json
// "main" and "exports" with require/node/default conditions, "imports"),
// extensions .js/.cjs/.json (.node refused clearly), require.cache,
// require.main, module.children/parent/paths, cycles with partial exports,
// and the MODULE_NOT_FOUND / ERR_REQUIRE_ESM errors with Node's messages.

const path = require('path');
const fsb = internalBinding('fs');
const { compileFunction } = internalBinding('contextify');
const requireBuiltin = require;
const pkg = require('internal/modules/package_json');

const kConditions = ['require', 'node', 'node-addons'];
const builtinIds = internalBinding('builtins').list()
  .filter((id) => !id.startsWith('internal/'));
const builtinSet = new Set(builtinIds);
// Modules that exist only with the node: prefix.
const schemeOnly = new Set(['test', 'test/reporters', 'sea', 'sqlite']);

function isBuiltin(id) {
  if (typeof id !== 'string') return false;
  if (id.startsWith('node:')) return builtinSet.has(id.slice(5));
  return builtinSet.has(id) && !schemeOnly.has(id);
}

function stat(p) { return fsb.internalModuleStat(p); }

function Module(id = '', parent) {
  this.id = id;
  this.path = path.dirname(id);
  this.exports = {};
  this.filename = null;
  this.loaded = false;
  this.children = [];
  this.paths = undefined;
  Object.defineProperty(this, 'parent', { value: parent, writable: true, enumerable: false, configurable: true });
  if (parent && parent.children) parent.children.push(this);
}

Module._cache = { __proto__: null };
Module._pathCache = { __proto__: null };
Module._extensions = { __proto__: null };
Module.globalPaths = [];
Module.builtinModules = builtinIds.filter((id) => !schemeOnly.has(id)).sort();
Module.isBuiltin = isBuiltin;
Module.wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
Module.wrap = (script) => Module.wrapper[0] + script + Module.wrapper[1];

Module._nodeModulePaths = function(from) {
  from = path.resolve(from);
  if (from === '/') return ['/node_modules'];
  const parts = from.split('/');
  const paths = [];
  for (let i = parts.length; i > 0; i--) {
    if (parts[i - 1] === 'node_modules') continue;
    const dir = parts.slice(0, i).join('/') || '';
    paths.push(`${dir}/node_modules`);
  }
  paths.push('/node_modules');
  return paths.filter((p, i, a) => a.indexOf(p) === i);
};

Module._resolveLookupPaths = function(request, parent) {
  if (isBuiltin(request)) return null;
  if (request[0] !== '.' || (request.length > 1 && request[1] !== '.' && request[1] !== '/')) {
    let paths = [];
    if (parent && parent.paths && parent.paths.length) paths = parent.paths.concat(paths);
    else paths = Module._nodeModulePaths(process.cwd());
    return paths.concat(Module.globalPaths);
  }
  if (!parent || !parent.id || !parent.filename) return ['.'];
  return [path.dirname(parent.filename)];
};

function tryFile(p) {
  if (stat(p) !== 0) return false;
  try { return fsb.realpath(p); } catch { return p; }
}

function tryExtensions(p, exts) {
  for (const ext of exts) {
    const f = tryFile(p + ext);
    if (f) return f;
  }
  return false;
}

function tryPackage(requestPath, exts, isMain, originalPath) {
  const pj = pkg.read(path.join(requestPath, 'package.json'));
  const main = pj && pj.main;
  if (!main) return tryExtensions(path.resolve(requestPath, 'index'), exts);
  const filename = path.resolve(requestPath, main);
  let actual = tryFile(filename) || tryExtensions(filename, exts) ||
    tryExtensions(path.resolve(filename, 'index'), exts);
  if (actual === false) {
    actual = tryExtensions(path.resolve(requestPath, 'index'), exts);
    if (actual) {
      const jsonPath = path.resolve(requestPath, 'package.json');
      process.emitWarning(
        `Invalid 'main' field in '${jsonPath}' of '${main}'. Please either fix that or report it to the module author`,
        'DeprecationWarning', 'DEP0128');
    } else {
      const err = new Error(`Cannot find module '${filename}'. Please verify that the package.json has a valid "main" entry`);
      err.code = 'MODULE_NOT_FOUND';
      err.path = path.resolve(requestPath, 'package.json');
      err.requestPath = originalPath;
      throw err;
    }
  }
  return actual;
}

function resolvePackageExports(nmPath, request) {
  const m = /^((?:@[^/\\%]+\/)?[^./\\%][^/\\%]*)(\/.*)?$/.exec(request);
  if (!m) return undefined;
  const pkgDir = path.resolve(nmPath, m[1]);
  const pj = pkg.read(path.join(pkgDir, 'package.json'));
  if (!pj || pj.exports === undefined || pj.exports === null) return undefined;
  const file = pkg.resolveExports(pkgDir, `.${m[2] || ''}`, pj.exports, kConditions);
  return finalizeExportsFile(file, request);
}

function finalizeExportsFile(file, request) {
  const actual = tryFile(file);
  if (actual) return actual;
  const err = new Error(`Cannot find module '${file}'`);
  err.code = 'MODULE_NOT_FOUND';
  throw err;
}

function resolveSelf(parentPath, request) {
  const pj = pkg.scopeOf(parentPath);
  if (!pj || pj.exports === undefined || pj.exports === null || !pj.name) return undefined;
  if (request !== pj.name && !request.startsWith(`${pj.name}/`)) return undefined;
  const file = pkg.resolveExports(path.dirname(pj.path), `.${request.slice(pj.name.length)}`, pj.exports, kConditions);
  return finalizeExportsFile(file, request);
}

Module._findPath = function(request, paths, isMain) {
  const absolute = path.isAbsolute(request);
  if (absolute) paths = [''];
  else if (!paths || paths.length === 0) return false;
  const cacheKey = `${request}\x00${paths.join('\x00')}`;
  const cached = Module._pathCache[cacheKey];
  if (cached) return cached;
  const exts = Object.keys(Module._extensions);
  const trailingSlash = request.length > 0 &&
    (request.endsWith('/') || request.endsWith('/.') || request.endsWith('/..') || request === '.' || request === '..');
  const isRelative = request.startsWith('./') || request.startsWith('../') || request === '.' || request === '..';
  for (const curPath of paths) {
    if (curPath && stat(curPath) < 1) continue;
    if (!absolute && !isRelative) {
      const exportsResolved = resolvePackageExports(curPath, request);
      if (exportsResolved) return exportsResolved;
    }
    const basePath = path.resolve(curPath, request);
    let filename;
    const rc = stat(basePath);
    if (!trailingSlash) {
      if (rc === 0) {
        try { filename = fsb.realpath(basePath); } catch { filename = basePath; }
      }
      if (!filename) filename = tryExtensions(basePath, exts);
    }
    if (!filename && rc === 1) filename = tryPackage(basePath, exts, isMain, request);
    if (filename) {
      Module._pathCache[cacheKey] = filename;
      return filename;
    }
  }
  return false;
};

function notFound(request, parent) {
  const requireStack = [];
  for (let cursor = parent; cursor; cursor = cursor.parent) requireStack.push(cursor.filename || cursor.id);
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) message += `\nRequire stack:\n- ${requireStack.join('\n- ')}`;
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = requireStack;
  return err;
}

Module._resolveFilename = function(request, parent, isMain, options) {
  if (isBuiltin(request)) return request;
  let paths;
  if (typeof options === 'object' && options !== null && Array.isArray(options.paths)) {
    const isRelative = request.startsWith('./') || request.startsWith('../');
    if (isRelative) {
      paths = options.paths;
    } else {
      const fakeParent = new Module('', null);
      paths = [];
      for (const p of options.paths) {
        fakeParent.paths = Module._nodeModulePaths(p);
        const lookup = Module._resolveLookupPaths(request, fakeParent);
        for (const q of lookup) if (!paths.includes(q)) paths.push(q);
      }
    }
  } else {
    paths = Module._resolveLookupPaths(request, parent);
  }
  if (request[0] === '#' && parent && parent.filename) {
    const r = pkg.resolveImports(request, path.dirname(parent.filename), kConditions);
    if (r.file) {
      const f = tryFile(r.file);
      if (f) return f;
      throw notFound(r.file, parent);
    }
    return Module._resolveFilename(r.bare, parent, isMain);
  }
  if (parent && parent.filename) {
    const self = resolveSelf(path.dirname(parent.filename), request);
    if (self) return self;
  }
  const filename = Module._findPath(request, paths, isMain);
  if (filename) return filename;
  throw notFound(request, parent);
};

function updateChildren(parent, child, scan) {
  const children = parent && parent.children;
  if (children && !(scan && children.includes(child))) children.push(child);
}

Module._load = function(request, parent, isMain) {
  if (typeof request === 'string' && request.startsWith('node:')) {
    const id = request.slice(5);
    if (!builtinSet.has(id)) {
      const err = new Error(`No such built-in module: ${request}`);
      err.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
      throw err;
    }
    return requireBuiltin(id);
  }
  const filename = Module._resolveFilename(request, parent, isMain);
  const cachedModule = Module._cache[filename];
  if (cachedModule !== undefined) {
    updateChildren(parent, cachedModule, true);
    return cachedModule.exports;
  }
  if (isBuiltin(filename)) return requireBuiltin(filename);
  const module = new Module(filename, parent);
  if (isMain) {
    process.mainModule = module;
    module.id = '.';
    mainModule = module;
  }
  Module._cache[filename] = module;
  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) {
      delete Module._cache[filename];
      if (parent !== undefined && parent !== null) {
        const i = parent.children.indexOf(module);
        if (i !== -1) parent.children.splice(i, 1);
      }
    }
  }
  return module.exports;
};

function findLongestRegisteredExtension(filename) {
  const name = path.basename(filename);
  let currentExtension;
  let index;
  let startIndex = 0;
  while ((index = name.indexOf('.', startIndex)) !== -1) {
    startIndex = index + 1;
    if (index === 0) continue;
    currentExtension = name.slice(index);
    if (Module._extensions[currentExtension]) return currentExtension;
  }
  return '.js';
}

Module.prototype.load = function(filename) {
  this.filename = filename;
  requireBuiltin('internal/modules/deps').record(filename);
  this.paths = Module._nodeModulePaths(path.dirname(filename));
  const extension = findLongestRegisteredExtension(filename);
  if (filename.endsWith('.mjs') ||
      (extension === '.js' && filename.endsWith('.js') && pkg.typeOf(filename) === 'module')) {
    this.exports = requireBuiltin('internal/modules/esm').requireModule(filename, this.parent && this.parent.filename);
    this.loaded = true;
    return;
  }
  Module._extensions[extension](this, filename);
  this.loaded = true;
};

Module.prototype.require = function(id) {
  if (typeof id !== 'string') {
    const { codes } = requireBuiltin('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('id', 'string', id);
  }
  if (id === '') {
    const { codes } = requireBuiltin('internal/errors');
    throw new codes.ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
  }
  return Module._load(id, this, false);
};

let mainModule;
const wrapperParams = ['exports', 'require', 'module', '__filename', '__dirname'];

function makeRequire(mod) {
  const require = function require(id) { return mod.require(id); };
  function resolve(request, options) {
    if (typeof request !== 'string') {
      const { codes } = requireBuiltin('internal/errors');
      throw new codes.ERR_INVALID_ARG_TYPE('request', 'string', request);
    }
    return Module._resolveFilename(request, mod, false, options);
  }
  require.resolve = resolve;
  resolve.paths = function paths(request) {
    if (isBuiltin(request)) return null;
    return Module._resolveLookupPaths(request, mod);
  };
  require.main = mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

function requireEsmError(filename, parent) {
  const parentPath = parent && parent.filename;
  let msg = `require() of ES Module ${filename}${parentPath ? ` from ${parentPath}` : ''} not supported.`;
  if (filename.endsWith('.mjs')) {
    msg += `\nInstead change the require of ${filename} to a dynamic import() which is available in all CommonJS modules.`;
  } else {
    const base = path.basename(filename);
    msg += `\n${base} is treated as an ES module file as it is a .js file whose nearest parent package.json contains "type": "module" which declares all .js files in that package scope as ES modules.\nInstead either rename ${base} to end in .cjs, change the requiring code to use dynamic import() which is available in all CommonJS modules, or change "type": "module" to "type": "commonjs" in ${pkg.scopeOf(path.dirname(filename)).path} to treat all .js files as CommonJS (using .mjs for all ES modules instead).\n`;
  }
  const err = new Error(msg);
  err.code = 'ERR_REQUIRE_ESM';
  return err;
}

Module.prototype._compile = function(content, filename) {
  const fn = compileFunction(content, filename, wrapperParams);
  const dirname = path.dirname(filename);
  const require = makeRequire(this);
  const exports = this.exports;
  // --inspect-brk/--inspect-wait: the inspector runs the main module (Break on start).
  if (this.id === '.' && process._inspectorRunMain) return process._inspectorRunMain(fn, exports, exports, require, this, filename, dirname);
  return fn.call(exports, exports, require, this, filename, dirname);
};

function stripBOM(content) {
  return content.charCodeAt(0) === 0xFEFF ? content.slice(1) : content;
}

Module._extensions['.js'] = function(module, filename) {
  if (filename.endsWith('.js') && pkg.typeOf(filename) === 'module') {
    throw requireEsmError(filename, module.parent);
  }
  const content = fsb.readFileUtf8(filename);
  module._compile(stripBOM(content), filename);
};

Module._extensions['.json'] = function(module, filename) {
  const content = fsb.readFileUtf8(filename);
  try {
    module.exports = JSON.parse(stripBOM(content));
  } catch (err) {
    err.message = `${filename}: ${err.message}`;
    throw err;
  }
};

Module._extensions['.node'] = function(module, filename) {
  const err = new Error(`Cannot load native addon '${filename}': native addons (.node) are not supported by devrun-js`);
  err.code = 'ERR_DLOPEN_FAILED';
  throw err;
};

Module.createRequire = function createRequire(filename) {
  let filepath;
  if (typeof filename === 'object' && filename !== null && typeof filename.href === 'string') filename = filename.href;
  if (typeof filename === 'string' && filename.startsWith('file:')) {
    filepath = requireBuiltin('internal/modules/esm').fileURLToPath(filename);
  } else if (typeof filename !== 'string' || !path.isAbsolute(filename)) {
    const { codes } = requireBuiltin('internal/errors');
    throw new codes.ERR_INVALID_ARG_VALUE('filename', filename, 'must be a file URL object, file URL string, or absolute path string');
  } else {
    filepath = filename;
  }
  const trailingSlash = filepath.endsWith('/');
  const proxyPath = trailingSlash ? path.join(filepath, 'noop.js') : filepath;
  const m = new Module(proxyPath);
  m.filename = proxyPath;
  m.paths = Module._nodeModulePaths(m.path);
  return makeRequire(m);
};

// Loads modules as -r does, relative to the working directory (tools such
// as ts-node call it for their own preloads).
Module._preloadModules = function(requests) {
  if (!Array.isArray(requests)) return;
  const parent = new Module('internal/preload', null);
  try {
    parent.paths = Module._nodeModulePaths(process.cwd());
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
  for (const request of requests) parent.require(request);
};

Module.runMain = function(main = process.argv[1]) {
  const resolved = Module._resolveFilename(path.resolve(main), null, true);
  if (resolved.endsWith('.mjs') || (resolved.endsWith('.js') && pkg.typeOf(resolved) === 'module')) {
    return requireBuiltin('internal/modules/esm').runMain(resolved);
  }
  Module._load(path.resolve(main), null, true);
  return undefined;
};

Module.syncBuiltinESMExports = function() {};
Module.findSourceMap = function() { return undefined; };
Module.Module = Module;
Module._initPaths = function() {};

module.exports = Module;
Object.defineProperty(Module, 'mainModule', { get() { return mainModule; } });
