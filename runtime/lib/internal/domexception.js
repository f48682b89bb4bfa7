'use strict';
// internal/domexception: the WHATWG DOMException, used for AbortSignal
// reasons and TimeoutError when the runtime has no global DOMException.
// Behaves like Node 20's: an Error subclass whose name, message and code are
// prototype getters, printed by util.inspect as
// "DOMException [AbortError]: This operation was aborted".

const state = new WeakMap();

const names = [
  'IndexSizeError', 'DOMStringSizeError', 'HierarchyRequestError',
  'WrongDocumentError', 'InvalidCharacterError', 'NoDataAllowedError',
  'NoModificationAllowedError', 'NotFoundError', 'NotSupportedError',
  'InUseAttributeError', 'InvalidStateError', 'SyntaxError',
  'InvalidModificationError', 'NamespaceError', 'InvalidAccessError',
  'ValidationError', 'TypeMismatchError', 'SecurityError', 'NetworkError',
  'AbortError', 'URLMismatchError', 'QuotaExceededError', 'TimeoutError',
  'InvalidNodeTypeError', 'DataCloneError',
];
const constants = [
  'INDEX_SIZE_ERR', 'DOMSTRING_SIZE_ERR', 'HIERARCHY_REQUEST_ERR',
  'WRONG_DOCUMENT_ERR', 'INVALID_CHARACTER_ERR', 'NO_DATA_ALLOWED_ERR',
  'NO_MODIFICATION_ALLOWED_ERR', 'NOT_FOUND_ERR', 'NOT_SUPPORTED_ERR',
  'INUSE_ATTRIBUTE_ERR', 'INVALID_STATE_ERR', 'SYNTAX_ERR',
  'INVALID_MODIFICATION_ERR', 'NAMESPACE_ERR', 'INVALID_ACCESS_ERR',
  'VALIDATION_ERR', 'TYPE_MISMATCH_ERR', 'SECURITY_ERR', 'NETWORK_ERR',
  'ABORT_ERR', 'URL_MISMATCH_ERR', 'QUOTA_EXCEEDED_ERR', 'TIMEOUT_ERR',
  'INVALID_NODE_TYPE_ERR', 'DATA_CLONE_ERR',
];
const nameToCode = new Map(names.map((n, i) => [n, i + 1]));

function internals(self) {
  const s = state.get(self);
  if (s === undefined) {
    throw new TypeError('Value of "this" must be of type DOMException');
  }
  return s;
}

class DOMException {
  constructor(message = '', options = 'Error') {
    Error.captureStackTrace(this);
    let name = 'Error';
    let cause;
    if (options !== null && typeof options === 'object') {
      if ('cause' in options) cause = options.cause;
      name = 'name' in options ? `${options.name}` : 'Error';
    } else {
      name = `${options}`;
    }
    state.set(this, { message: `${message}`, name });
    if (cause !== undefined) {
      Object.defineProperty(this, 'cause', {
        value: cause, configurable: true, writable: true, enumerable: false,
      });
    }
  }

  get name() {
    return internals(this).name;
  }

  get message() {
    return internals(this).message;
  }

  get code() {
    return nameToCode.get(internals(this).name) || 0;
  }
}

Object.setPrototypeOf(DOMException.prototype, Error.prototype);
Object.defineProperty(DOMException.prototype, Symbol.toStringTag, {
  value: 'DOMException', configurable: true,
});
for (const key of ['name', 'message', 'code']) {
  Object.defineProperty(DOMException.prototype, key, { enumerable: true });
}
constants.forEach((c, i) => {
  const desc = { enumerable: true, value: i + 1 };
  Object.defineProperty(DOMException, c, desc);
  Object.defineProperty(DOMException.prototype, c, desc);
});

module.exports = { DOMException };
