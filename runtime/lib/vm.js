'use strict';
// vm — Node's vm module over internalBinding('vm') (runtime/src/binding_vm.c
// and runtime/engine/engine_vm.cc): Script (compiled once, runnable in any
// context), createContext/isContext (a sandbox object becomes the global of
// a new V8 context, Node's contextify model), runIn{This,New,}Context,
// compileFunction, timeouts (a watchdog terminates the script and throws
// ERR_SCRIPT_EXECUTION_TIMEOUT) and code caches.  With
// --experimental-vm-modules (as in Node 20), also vm.Module,
// vm.SourceTextModule and vm.SyntheticModule (internal/vm/module).  Not
// supported: breakOnSigint, microtaskMode.

const binding = internalBinding('vm');
const { isArrayBufferView } = internalBinding('types');
const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const {
  validateBoolean, validateInt32, validateObject, validateString, validateUint32, validateArray,
} = require('internal/validators');

const kParsingContext = Symbol('script parsing context');
let defaultContextNameIndex = 1;

class Script {
  #script;
  constructor(code, options = {}) {
    code = `${code}`;
    if (typeof options === 'string') {
      options = { filename: options };
    } else {
      validateObject(options, 'options');
    }
    const {
      filename = 'evalmachine.<anonymous>',
      lineOffset = 0,
      columnOffset = 0,
      cachedData,
      produceCachedData = false,
    } = options;
    validateString(filename, 'options.filename');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    if (cachedData !== undefined && !isArrayBufferView(cachedData)) {
      throw new ERR_INVALID_ARG_TYPE('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], cachedData);
    }
    validateBoolean(produceCachedData, 'options.produceCachedData');
    const [script, rejected] = binding.compile(code, filename, lineOffset, columnOffset, cachedData);
    this.#script = script;
    if (cachedData !== undefined) this.cachedDataRejected = rejected;
    if (produceCachedData) {
      const { Buffer } = require('buffer');
      const data = binding.createCachedData(script);
      this.cachedDataProduced = data.length > 0;
      this.cachedData = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    }
  }

  createCachedData() {
    const { Buffer } = require('buffer');
    const data = binding.createCachedData(this.#script);
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  }

  runInThisContext(options) {
    const { timeout, displayErrors } = getRunInContextArgs(options);
    return binding.run(this.#script, null, timeout, displayErrors);
  }

  runInContext(contextifiedObject, options) {
    validateContext(contextifiedObject);
    const { timeout, displayErrors } = getRunInContextArgs(options);
    return binding.run(this.#script, contextifiedObject, timeout, displayErrors);
  }

  runInNewContext(contextObject, options) {
    const context = createContext(contextObject, getContextOptions(options));
    return this.runInContext(context, options);
  }
}

function validateContext(contextifiedObject) {
  if (!isContext(contextifiedObject)) {
    throw new ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', contextifiedObject);
  }
}

function getRunInContextArgs(options = {}) {
  validateObject(options, 'options');
  let timeout = options.timeout;
  if (timeout === undefined) {
    timeout = -1;
  } else {
    validateUint32(timeout, 'options.timeout', true);
  }
  const { displayErrors = true, breakOnSigint = false } = options;
  validateBoolean(displayErrors, 'options.displayErrors');
  validateBoolean(breakOnSigint, 'options.breakOnSigint');
  return { timeout, displayErrors, breakOnSigint };
}

function getContextOptions(options) {
  if (!options) return {};
  const contextOptions = {
    name: options.contextName,
    origin: options.contextOrigin,
    codeGeneration: undefined,
    microtaskMode: options.microtaskMode,
  };
  if (contextOptions.name !== undefined) validateString(contextOptions.name, 'options.contextName');
  if (contextOptions.origin !== undefined) validateString(contextOptions.origin, 'options.contextOrigin');
  if (options.contextCodeGeneration !== undefined) {
    validateObject(options.contextCodeGeneration, 'options.contextCodeGeneration');
    contextOptions.codeGeneration = options.contextCodeGeneration;
  }
  return contextOptions;
}

function isContext(object) {
  validateObject(object, 'object', 2); // arrays, not null or functions
  return binding.isContext(object);
}

function createContext(contextObject = {}, options = {}) {
  if (isContext(contextObject)) return contextObject;
  validateObject(options, 'options');
  const { name = `VM Context ${defaultContextNameIndex++}`, origin, codeGeneration, microtaskMode } = options;
  validateString(name, 'options.name');
  if (origin !== undefined) validateString(origin, 'options.origin');
  if (codeGeneration !== undefined) validateObject(codeGeneration, 'options.codeGeneration');
  if (microtaskMode !== undefined && microtaskMode !== 'afterEvaluate') {
    const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_VALUE('options.microtaskMode', microtaskMode,
      "must be one of: 'afterEvaluate', undefined");
  }
  binding.makeContext(contextObject, name);
  return contextObject;
}

function createScript(code, options) {
  return new Script(code, options);
}

function runInContext(code, contextifiedObject, options) {
  validateContext(contextifiedObject);
  if (typeof options === 'string') options = { filename: options };
  return createScript(code, options).runInContext(contextifiedObject, options);
}

function runInNewContext(code, contextObject, options) {
  if (typeof options === 'string') options = { filename: options };
  contextObject = createContext(contextObject, getContextOptions(options));
  options = { ...options, [kParsingContext]: contextObject };
  return createScript(code, options).runInNewContext(contextObject, options);
}

function runInThisContext(code, options) {
  if (typeof options === 'string') options = { filename: options };
  return createScript(code, options).runInThisContext(options);
}

function compileFunction(code, params, options = {}) {
  validateString(code, 'code');
  if (params !== undefined) {
    validateArray(params, 'params');
    params.forEach((p, i) => validateString(p, `params[${i}]`));
  }
  validateObject(options, 'options');
  const {
    filename = '',
    columnOffset = 0,
    lineOffset = 0,
    cachedData = undefined,
    produceCachedData = false,
    parsingContext = undefined,
    contextExtensions = [],
  } = options;
  validateString(filename, 'options.filename');
  validateUint32(columnOffset, 'options.columnOffset');
  validateUint32(lineOffset, 'options.lineOffset');
  if (cachedData !== undefined && !isArrayBufferView(cachedData)) {
    throw new ERR_INVALID_ARG_TYPE('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], cachedData);
  }
  validateBoolean(produceCachedData, 'options.produceCachedData');
  if (parsingContext !== undefined) {
    if (typeof parsingContext !== 'object' || parsingContext === null || !binding.isContext(parsingContext)) {
      throw new ERR_INVALID_ARG_TYPE('options.parsingContext', 'Context', parsingContext);
    }
  }
  validateArray(contextExtensions, 'options.contextExtensions');
  contextExtensions.forEach((extension, i) => {
    const name = `options.contextExtensions[${i}]`;
    validateObject(extension, name, 2 | 4);
  });
  return binding.compileFunction(code, filename, lineOffset, columnOffset, params || [],
    parsingContext, contextExtensions);
}

function measureMemory(options = {}) {
  validateObject(options, 'options');
  const h = internalBinding('heap').getHeapStatistics();
  const used = h.used_heap_size;
  return Promise.resolve({ total: { jsMemoryEstimate: used, jsMemoryRange: [used, h.total_heap_size] } });
}

const constants = Object.freeze({
  __proto__: null,
  USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'),
});

module.exports = {
  Script,
  createContext,
  createScript,
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
  constants,
};

if (process.execArgv.includes('--experimental-vm-modules')) {
  const { Module, SourceTextModule, SyntheticModule } = require('internal/vm/module');
  module.exports.Module = Module;
  module.exports.SourceTextModule = SourceTextModule;
  module.exports.SyntheticModule = SyntheticModule;
}
