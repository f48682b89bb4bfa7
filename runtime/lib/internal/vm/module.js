'use strict';
// internal/vm/module — vm.Module, vm.SourceTextModule and vm.SyntheticModule
// (Node 20 exposes them with --experimental-vm-modules; vm.js exports them
// only then).  The records are native (internalBinding('vm_module'),
// runtime/src/binding_vm_module.c over runtime/engine/engine_vmmodule.cc);
// this file is Node's lib/internal/vm/module.js over them: status, linking
// through the user's linker, evaluation, namespaces, errors, code caches,
// and import() inside a module going to its importModuleDynamically.
//
// ModuleWrap below stands for Node's native ModuleWrap: a SyntheticModule's
// evaluation steps run with it as `this` (so `this.setExport()` works, and
// `this` is not the SyntheticModule, as in Node).
//
// import.meta of a vm module is an empty object that initializeImportMeta
// (if given) fills.  Not supported: breakOnSigint (accepted and validated).

const binding = internalBinding('vm_module');
const { isModuleNamespaceObject } = internalBinding('types');
const { E, codes } = require('internal/errors');
const {
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
} = codes;
const {
  validateBoolean,
  validateBuffer,
  validateFunction,
  validateInt32,
  validateObject,
  validateUint32,
  validateString,
} = require('internal/validators');
const { customInspectSymbol, kEmptyObject } = require('internal/util');

if (codes.ERR_VM_MODULE_STATUS === undefined) {
  E('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING', 'A dynamic import callback was not specified.', TypeError);
  E('ERR_VM_MODULE_ALREADY_LINKED', 'Module has already been linked', Error);
  E('ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA',
    'Cached data cannot be created for a module which has been evaluated', Error);
  E('ERR_VM_MODULE_CACHED_DATA_REJECTED', 'cachedData buffer was rejected', Error);
  E('ERR_VM_MODULE_DIFFERENT_CONTEXT', 'Linked modules must use the same context', Error);
  E('ERR_VM_MODULE_LINK_FAILURE', function(message, cause) {
    this.cause = cause;
    return message;
  }, Error);
  E('ERR_VM_MODULE_NOT_MODULE', 'Provided module is not an instance of Module', Error);
  E('ERR_VM_MODULE_STATUS', 'Module status %s', Error);
}
const {
  ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING,
  ERR_VM_MODULE_ALREADY_LINKED,
  ERR_VM_MODULE_CACHED_DATA_REJECTED,
  ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA,
  ERR_VM_MODULE_DIFFERENT_CONTEXT,
  ERR_VM_MODULE_LINK_FAILURE,
  ERR_VM_MODULE_NOT_MODULE,
  ERR_VM_MODULE_STATUS,
} = codes;

const {
  kUninstantiated, kInstantiating, kInstantiated, kEvaluating, kEvaluated, kErrored,
} = binding;

const STATUS_MAP = {
  [kUninstantiated]: 'unlinked',
  [kInstantiating]: 'linking',
  [kInstantiated]: 'linked',
  [kEvaluating]: 'evaluating',
  [kEvaluated]: 'evaluated',
  [kErrored]: 'errored',
};

let globalModuleId = 0;
const defaultModuleName = 'vm:module';

const kWrap = Symbol('kWrap');
const kContext = Symbol('kContext');
const kPerContextModuleId = Symbol('kPerContextModuleId');
const kLink = Symbol('kLink');
const kNative = Symbol('kNative');

let warned = false;
function emitExperimentalWarning() {
  if (warned) return;
  warned = true;
  process.emitWarning('VM Modules is an experimental feature and might change at any time',
    'ExperimentalWarning');
}

function isContext(object) {
  return internalBinding('vm').isContext(object);
}

function validateInternalField(object, fieldKey, className) {
  if (typeof object !== 'object' || object === null || !Object.prototype.hasOwnProperty.call(object, fieldKey)) {
    throw new ERR_INVALID_ARG_TYPE('this', className, object);
  }
}

function isModule(object) {
  return typeof object === 'object' && object !== null &&
    Object.prototype.hasOwnProperty.call(object, kWrap);
}

// import() from a vm module goes to that module's importModuleDynamically
// and its import.meta to its initializeImportMeta (the engine hands only
// those of vm modules here; the loader keeps the rest).
const importers = new WeakMap(); // native record -> { initializeImportMeta, importModuleDynamically, referrer }
let importHandlerSet = false;

async function vmImport(native, specifier, assertions) {
  const entry = native === undefined ? undefined : importers.get(native);
  if (entry !== undefined && entry.importModuleDynamically !== undefined) {
    return entry.importModuleDynamically(specifier, entry.referrer, assertions);
  }
  throw new ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING();
}


function metaHandler(native, meta) {
  const entry = importers.get(native);
  if (entry !== undefined && entry.initializeImportMeta !== undefined) {
    entry.initializeImportMeta(meta, entry.referrer);
  }
}

function ensureImportHandler() {
  if (importHandlerSet) return;
  importHandlerSet = true;
  binding.setImportHandler(vmImport);
  binding.setMetaHandler(metaHandler);
}

// Node's native ModuleWrap, as much of it as user code can reach (`this` in
// a SyntheticModule's evaluation steps).
class ModuleWrap {
  constructor(native) {
    this[kNative] = native;
  }
  get url() { return binding.identifier(this[kNative]); }
  getStatus() { return binding.status(this[kNative]); }
  getNamespace() { return binding.namespace(this[kNative]); }
  getError() { return binding.error(this[kNative]); }
  getModuleRequests() { return binding.requests(this[kNative]); }
  setExport(name, value) {
    validateString(name, 'name');
    binding.setExport(this[kNative], name, value);
  }
  link(specifiers, wraps) {
    binding.link(this[kNative], specifiers, wraps.map((w) => w[kNative]));
  }
  instantiate() { binding.instantiate(this[kNative]); }
  evaluate(timeout) { return binding.evaluate(this[kNative], timeout); }
  createCachedData() {
    const { Buffer } = require('buffer');
    const data = binding.createCachedData(this[kNative]);
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  }
}

class Module {
  constructor(options) {
    emitExperimentalWarning();

    if (new.target === Module) {
      // eslint-disable-next-line no-restricted-syntax
      throw new TypeError('Module is not a constructor');
    }

    const {
      context,
      sourceText,
      syntheticExportNames,
      syntheticEvaluationSteps,
    } = options;

    if (context !== undefined) {
      validateObject(context, 'context');
      if (!isContext(context)) {
        throw new ERR_INVALID_ARG_TYPE('options.context', 'vm.Context', context);
      }
    }

    let { identifier } = options;
    if (identifier !== undefined) {
      validateString(identifier, 'options.identifier');
    } else if (context === undefined) {
      identifier = `${defaultModuleName}(${globalModuleId++})`;
    } else if (context[kPerContextModuleId] !== undefined) {
      const curId = context[kPerContextModuleId];
      identifier = `${defaultModuleName}(${curId})`;
      context[kPerContextModuleId] += 1;
    } else {
      identifier = `${defaultModuleName}(0)`;
      Object.defineProperty(context, kPerContextModuleId, {
        __proto__: null,
        value: 1,
        writable: true,
        enumerable: false,
        configurable: true,
      });
    }

    let native;
    if (sourceText !== undefined) {
      const [n, rejected] = binding.compile(identifier, context, sourceText,
        options.lineOffset, options.columnOffset, options.cachedData);
      if (rejected) throw new ERR_VM_MODULE_CACHED_DATA_REJECTED();
      native = n;
      this[kWrap] = new ModuleWrap(native);
      ensureImportHandler();
      importers.set(native, {
        initializeImportMeta: options.initializeImportMeta,
        importModuleDynamically: options.importModuleDynamically ?
          importModuleDynamicallyWrap(options.importModuleDynamically) : undefined,
        referrer: this,
      });
    } else {
      let wrap;
      native = binding.synthetic(identifier, context, syntheticExportNames,
        () => Reflect.apply(syntheticEvaluationSteps, wrap, []));
      wrap = this[kWrap] = new ModuleWrap(native);
    }

    this[kContext] = context;
  }

  get identifier() {
    validateInternalField(this, kWrap, 'Module');
    return this[kWrap].url;
  }

  get context() {
    validateInternalField(this, kWrap, 'Module');
    return this[kContext];
  }

  get namespace() {
    validateInternalField(this, kWrap, 'Module');
    if (this[kWrap].getStatus() < kInstantiated) {
      throw new ERR_VM_MODULE_STATUS('must not be unlinked or linking');
    }
    return this[kWrap].getNamespace();
  }

  get status() {
    validateInternalField(this, kWrap, 'Module');
    return STATUS_MAP[this[kWrap].getStatus()];
  }

  get error() {
    validateInternalField(this, kWrap, 'Module');
    if (this[kWrap].getStatus() !== kErrored) {
      throw new ERR_VM_MODULE_STATUS('must be errored');
    }
    return this[kWrap].getError();
  }

  async link(linker) {
    validateInternalField(this, kWrap, 'Module');
    validateFunction(linker, 'linker');
    if (this.status === 'linked') {
      throw new ERR_VM_MODULE_ALREADY_LINKED();
    }
    if (this.status !== 'unlinked') {
      throw new ERR_VM_MODULE_STATUS('must be unlinked');
    }
    await this[kLink](linker);
    this[kWrap].instantiate();
  }

  async evaluate(options = kEmptyObject) {
    validateInternalField(this, kWrap, 'Module');
    validateObject(options, 'options');

    let timeout = options.timeout;
    if (timeout === undefined) {
      timeout = -1;
    } else {
      validateUint32(timeout, 'options.timeout', true);
    }
    const { breakOnSigint = false } = options;
    validateBoolean(breakOnSigint, 'options.breakOnSigint');
    const status = this[kWrap].getStatus();
    if (status !== kInstantiated &&
        status !== kEvaluated &&
        status !== kErrored) {
      throw new ERR_VM_MODULE_STATUS(
        'must be one of linked, evaluated, or errored',
      );
    }
    await this[kWrap].evaluate(timeout);
  }

  [customInspectSymbol](depth, options) {
    validateInternalField(this, kWrap, 'Module');
    if (typeof depth === 'number' && depth < 0)
      return this;

    const constructor = getConstructorOf(this) || Module;
    const o = { __proto__: { constructor } };
    o.status = this.status;
    o.identifier = this.identifier;
    o.context = this.context;

    Object.setPrototypeOf(o, Object.getPrototypeOf(this));
    Object.defineProperty(o, Symbol.toStringTag, {
      __proto__: null,
      value: constructor.name,
      configurable: true,
    });

    const { inspect } = require('internal/util/inspect');
    return inspect(o, { ...options, customInspect: false });
  }
}

function getConstructorOf(obj) {
  while (obj) {
    const descriptor = Object.getOwnPropertyDescriptor(obj, 'constructor');
    if (descriptor !== undefined && typeof descriptor.value === 'function' && descriptor.value.name !== '') {
      return descriptor.value;
    }
    obj = Object.getPrototypeOf(obj);
  }
  return null;
}

const kDependencySpecifiers = Symbol('kDependencySpecifiers');
const kNoError = Symbol('kNoError');

class SourceTextModule extends Module {
  #error = kNoError;
  #statusOverride;

  constructor(sourceText, options = kEmptyObject) {
    validateString(sourceText, 'sourceText');
    validateObject(options, 'options');

    const {
      lineOffset = 0,
      columnOffset = 0,
      initializeImportMeta,
      importModuleDynamically,
      context,
      identifier,
      cachedData,
    } = options;

    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');

    if (initializeImportMeta !== undefined) {
      validateFunction(initializeImportMeta, 'options.initializeImportMeta');
    }

    if (importModuleDynamically !== undefined) {
      validateFunction(importModuleDynamically, 'options.importModuleDynamically');
    }

    if (cachedData !== undefined) {
      validateBuffer(cachedData, 'options.cachedData');
    }

    super({
      sourceText,
      context,
      identifier,
      lineOffset,
      columnOffset,
      cachedData,
      initializeImportMeta,
      importModuleDynamically,
    });

    this[kDependencySpecifiers] = undefined;
  }

  async [kLink](linker) {
    this.#statusOverride = 'linking';

    const moduleRequests = this[kWrap].getModuleRequests();
    // Specifiers are aligned with the moduleRequests array in order.
    const specifiers = new Array(moduleRequests.length);
    const modulePromises = new Array(moduleRequests.length);
    for (let idx = 0; idx < moduleRequests.length; idx++) {
      const { specifier, attributes } = moduleRequests[idx];

      const linkerResult = linker(specifier, this, {
        attributes,
        assert: attributes,
      });
      const modulePromise = Promise.resolve(linkerResult).then(async (module) => {
        if (!isModule(module)) {
          throw new ERR_VM_MODULE_NOT_MODULE();
        }
        if (module.context !== this.context) {
          throw new ERR_VM_MODULE_DIFFERENT_CONTEXT();
        }
        if (module.status === 'errored') {
          throw new ERR_VM_MODULE_LINK_FAILURE(`request for '${specifier}' resolved to an errored module`, module.error);
        }
        if (module.status === 'unlinked') {
          await module[kLink](linker);
        }
        return module[kWrap];
      });
      modulePromises[idx] = modulePromise;
      specifiers[idx] = specifier;
    }

    try {
      const modules = await Promise.all(modulePromises);
      this[kWrap].link(specifiers, modules);
    } catch (e) {
      this.#error = e;
      throw e;
    } finally {
      this.#statusOverride = undefined;
    }
  }

  get dependencySpecifiers() {
    validateInternalField(this, kDependencySpecifiers, 'SourceTextModule');
    this[kDependencySpecifiers] ??= this[kWrap].getModuleRequests().map((request) => request.specifier);
    return this[kDependencySpecifiers];
  }

  get status() {
    validateInternalField(this, kDependencySpecifiers, 'SourceTextModule');
    if (this.#error !== kNoError) {
      return 'errored';
    }
    if (this.#statusOverride) {
      return this.#statusOverride;
    }
    return super.status;
  }

  get error() {
    validateInternalField(this, kDependencySpecifiers, 'SourceTextModule');
    if (this.#error !== kNoError) {
      return this.#error;
    }
    return super.error;
  }

  createCachedData() {
    const { status } = this;
    if (status === 'evaluating' ||
        status === 'evaluated' ||
        status === 'errored') {
      throw new ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA();
    }
    return this[kWrap].createCachedData();
  }
}

class SyntheticModule extends Module {
  constructor(exportNames, evaluateCallback, options = kEmptyObject) {
    if (!Array.isArray(exportNames) ||
      exportNames.some((e) => typeof e !== 'string')) {
      throw new ERR_INVALID_ARG_TYPE('exportNames',
                                     'Array of unique strings',
                                     exportNames);
    } else {
      exportNames.forEach((name, i) => {
        if (exportNames.indexOf(name, i + 1) !== -1) {
          throw new ERR_INVALID_ARG_VALUE(`exportNames.${name}`,
                                          name,
                                          'is duplicated');
        }
      });
    }
    validateFunction(evaluateCallback, 'evaluateCallback');

    validateObject(options, 'options');

    const { context, identifier } = options;

    super({
      syntheticExportNames: exportNames,
      syntheticEvaluationSteps: evaluateCallback,
      context,
      identifier,
    });
  }

  [kLink]() {
    /** nothing to do for synthetic modules */
  }

  setExport(name, value) {
    validateInternalField(this, kWrap, 'SyntheticModule');
    validateString(name, 'name');
    if (this[kWrap].getStatus() < kInstantiated) {
      throw new ERR_VM_MODULE_STATUS('must be linked');
    }
    this[kWrap].setExport(name, value);
  }
}

function importModuleDynamicallyWrap(importModuleDynamically) {
  const importModuleDynamicallyWrapper = async (...args) => {
    const m = await Reflect.apply(importModuleDynamically, this, args);
    if (isModuleNamespaceObject(m)) {
      return m;
    }
    if (!isModule(m)) {
      throw new ERR_VM_MODULE_NOT_MODULE();
    }
    if (m.status === 'errored') {
      throw m.error;
    }
    return m.namespace;
  };
  return importModuleDynamicallyWrapper;
}

module.exports = {
  Module,
  SourceTextModule,
  SyntheticModule,
  importModuleDynamicallyWrap,
};
