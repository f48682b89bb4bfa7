'use strict';
// trace_events — Node's trace_events module: Tracing objects that enable
// and disable sets of trace-event categories at run time.  Recording and the
// file (node_trace.${rotation}.log, or --trace-event-file-pattern) are
// internalBinding('trace_events')'s; enabling the first category starts it.

const binding = internalBinding('trace_events');
const hooks = require('internal/trace_events_hooks');
const { E, codes } = require('internal/errors');
if (!codes.ERR_TRACE_EVENTS_CATEGORY_REQUIRED) {
  E('ERR_TRACE_EVENTS_CATEGORY_REQUIRED', 'At least one category is required', TypeError);
}
const { ERR_INVALID_ARG_TYPE, ERR_TRACE_EVENTS_CATEGORY_REQUIRED } = codes;
const { validateObject, validateStringArray } = require('internal/validators');

const kMaxTracingCount = 10;
const kHandle = Symbol('handle');
const kEnabled = Symbol('enabled');
const kCategories = Symbol('categories');
const enabledTracingObjects = new Set();

class Tracing {
  constructor(categories) {
    // What enable() enables is fixed now; the getter shows the array (Node).
    this[kHandle] = categories.join(',');
    this[kCategories] = categories;
    this[kEnabled] = false;
  }

  enable() {
    if (!this[kEnabled]) {
      binding.enable(this[kHandle]);
      this[kEnabled] = true;
      enabledTracingObjects.add(this);
      if (enabledTracingObjects.size > kMaxTracingCount) {
        process.emitWarning('Possible trace_events memory leak detected. There are more than ' +
                            `${kMaxTracingCount} enabled Tracing objects.`);
      }
      hooks.setup();
    }
  }

  disable() {
    if (this[kEnabled]) {
      binding.disable(this[kHandle]);
      this[kEnabled] = false;
      enabledTracingObjects.delete(this);
      hooks.refresh();
    }
  }

  get enabled() { return this[kEnabled]; }

  get categories() { return this[kCategories].join(','); }

  [require('internal/util/inspect').inspect.custom](depth, options) {
    if (typeof depth === 'number' && depth < 0) return this;
    const obj = { enabled: this.enabled, categories: this.categories };
    return `Tracing ${require('internal/util/inspect').inspect(obj, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

function createTracing(options) {
  validateObject(options, 'options');
  if (!Array.isArray(options.categories)) {
    throw new ERR_INVALID_ARG_TYPE('options.categories', 'Array', options.categories);
  }
  validateStringArray(options.categories, 'options.categories');
  if (options.categories.length <= 0) throw new ERR_TRACE_EVENTS_CATEGORY_REQUIRED();
  return new Tracing(options.categories);
}

function getEnabledCategories() {
  return binding.getEnabledCategories();
}

// With --trace-event-categories main.c preloads this module first: the file
// is then written at exit and marks/async resources are recorded.
if (binding.getEnabledCategories() !== undefined) hooks.setup();

module.exports = { createTracing, getEnabledCategories };
