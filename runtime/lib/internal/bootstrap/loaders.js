'use strict';
// internal/bootstrap/loaders — the first JavaScript devrun-js runs.
//
// Called by main.c with (exports, require = undefined, module, process,
// internalBinding); sets module.exports to requireBuiltin(id), the require
// every builtin receives.  Builtins are compiled lazily on first use by
// internalBinding('builtins').compile(id) and cached here.  User code sees
// builtins through the CommonJS loader (internal/modules/cjs/loader), which
// calls requireBuiltin for ids that are not internal/.

const { compile, exists } = internalBinding('builtins');
const cache = new Map();
const bindingCache = { __proto__: null };

function getInternalBinding(name) {
  let b = bindingCache[name];
  if (b === undefined) {
    b = internalBinding(name);
    bindingCache[name] = b;
  }
  return b;
}

class BuiltinModule {
  constructor(id) {
    this.id = id;
    this.filename = `${id}.js`;
    this.exports = {};
    this.loaded = false;
    this.loading = false;
  }
}

function requireBuiltin(id) {
  if (id.startsWith('node:')) id = id.slice(5);
  const cached = cache.get(id);
  if (cached !== undefined) return cached.exports;
  const mod = new BuiltinModule(id);
  cache.set(id, mod);
  const fn = compile(id);
  mod.loading = true;
  try {
    fn(mod.exports, requireBuiltin, mod, process, getInternalBinding);
  } catch (e) {
    cache.delete(id);
    throw e;
  } finally {
    mod.loading = false;
  }
  mod.loaded = true;
  return mod.exports;
}

requireBuiltin.exists = (id) => exists(id);
requireBuiltin.canBeRequiredByUsers = (id) => !id.startsWith('internal/') && exists(id);
requireBuiltin.cache = cache;
requireBuiltin.internalBinding = getInternalBinding;

module.exports = requireBuiltin;
