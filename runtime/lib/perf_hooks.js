'use strict';
// perf_hooks — performance (High Resolution Time, User Timing) and
// PerformanceObserver for 'mark' and 'measure' entries.

const perf = require('internal/perf');
const { performance, PerformanceEntry, PerformanceMark, PerformanceMeasure } = perf;

const observers = new Set();

class PerformanceObserverEntryList {
  constructor(list) { this._list = list; }
  getEntries() { return this._list.slice(); }
  getEntriesByName(name, type) { return this._list.filter((e) => e.name === name && (type === undefined || e.entryType === type)); }
  getEntriesByType(type) { return this._list.filter((e) => e.entryType === type); }
}

class PerformanceObserver {
  constructor(callback) {
    if (typeof callback !== 'function') {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_ARG_TYPE('callback', 'function', callback);
    }
    this._callback = callback;
    this._types = new Set();
    this._buffer = [];
    this._scheduled = false;
  }
  observe(options = {}) {
    const types = options.entryTypes || (options.type ? [options.type] : []);
    for (const t of types) this._types.add(t);
    observers.add(this);
  }
  disconnect() { observers.delete(this); this._types.clear(); }
  takeRecords() { const b = this._buffer; this._buffer = []; return b; }
  _enqueue(entry) {
    if (!this._types.has(entry.entryType)) return;
    this._buffer.push(entry);
    if (!this._scheduled) {
      this._scheduled = true;
      setImmediate(() => {
        this._scheduled = false;
        const list = this.takeRecords();
        if (list.length) this._callback(new PerformanceObserverEntryList(list), this);
      });
    }
  }
  static get supportedEntryTypes() { return ['mark', 'measure']; }
}

for (const method of ['mark', 'measure']) {
  const orig = performance[method].bind(performance);
  performance[method] = function(...args) {
    const entry = orig(...args);
    for (const o of observers) o._enqueue(entry);
    return entry;
  };
}

if (require.exists('internal/perf_extras')) {
  const extras = require('internal/perf_extras');
  if (extras.eventLoopUtilization) performance.eventLoopUtilization = extras.eventLoopUtilization;
}

module.exports = {
  get createHistogram() { return require('internal/perf_extras').createHistogram; },
  get monitorEventLoopDelay() { return require('internal/perf_extras').monitorEventLoopDelay; },
  performance, PerformanceObserver, PerformanceEntry, PerformanceMark, PerformanceMeasure,
  PerformanceObserverEntryList,
  constants: {
    NODE_PERFORMANCE_GC_MAJOR: 4, NODE_PERFORMANCE_GC_MINOR: 1, NODE_PERFORMANCE_GC_INCREMENTAL: 8,
    NODE_PERFORMANCE_GC_WEAKCB: 16, NODE_PERFORMANCE_GC_FLAGS_NO: 0, NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
  },
};
