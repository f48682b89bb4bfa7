'use strict';
// internal/perf — the global `performance` (High Resolution Time and User
// Timing): now(), timeOrigin, mark/measure and the entry lists, toJSON.
// perf_hooks builds on this object.

const pm = internalBinding('process_methods');
const traceHooks = require('internal/trace_events_hooks'); // node.perf.usertiming

// Time 0 is process start (when process_methods was first loaded, early in
// bootstrap); timeOrigin is that moment in epoch milliseconds.
function now() { return pm.uptime() * 1000; }
const timeOrigin = Date.now() - now();
const entries = [];

class PerformanceEntry {
  constructor(name, type, start, duration, detail) {
    this.name = name; this.entryType = type; this.startTime = start; this.duration = duration;
    if (detail !== undefined) this.detail = detail;
  }
  toJSON() { return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration, detail: this.detail }; }
}
class PerformanceMark extends PerformanceEntry {}
class PerformanceMeasure extends PerformanceEntry {}

function lookupMark(name) {
  if (typeof name === 'number') return name;
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i].entryType === 'mark' && entries[i].name === name) return entries[i].startTime;
  }
  const { codes } = require('internal/errors');
  const E = codes.ERR_INVALID_PERFORMANCE_MARK;
  if (E) throw new E(name);
  throw new SyntaxError(`The "${name}" performance mark has not been set`);
}

class Performance {
  now() { return now(); }
  get timeOrigin() { return timeOrigin; }
  mark(name, options = {}) {
    const m = new PerformanceMark(`${name}`, 'mark', options.startTime ?? now(), 0, options.detail ?? null);
    entries.push(m);
    if (traceHooks.state.usertiming) traceHooks.mark(m);
    return m;
  }
  measure(name, startOrOptions, endMark) {
    let start = 0;
    let end = now();
    let detail = null;
    if (startOrOptions !== null && typeof startOrOptions === 'object') {
      if (startOrOptions.start !== undefined) start = lookupMark(startOrOptions.start);
      if (startOrOptions.end !== undefined) end = lookupMark(startOrOptions.end);
      else if (startOrOptions.duration !== undefined) end = start + startOrOptions.duration;
      detail = startOrOptions.detail ?? null;
    } else if (startOrOptions !== undefined) {
      start = lookupMark(startOrOptions);
    }
    if (endMark !== undefined) end = lookupMark(endMark);
    const m = new PerformanceMeasure(`${name}`, 'measure', start, end - start, detail);
    entries.push(m);
    if (traceHooks.state.usertiming) traceHooks.measure(m);
    return m;
  }
  getEntries() { return entries.slice(); }
  getEntriesByName(name, type) { return entries.filter((e) => e.name === name && (type === undefined || e.entryType === type)); }
  getEntriesByType(type) { return entries.filter((e) => e.entryType === type); }
  clearMarks(name) { remove('mark', name); }
  clearMeasures(name) { remove('measure', name); }
  toJSON() { return { timeOrigin, nodeTiming: undefined, eventLoopUtilization: undefined }; }
  get [Symbol.toStringTag]() { return 'Performance'; }
}

function remove(type, name) {
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i].entryType === type && (name === undefined || entries[i].name === name)) entries.splice(i, 1);
  }
}

const performance = new Performance();

module.exports = { performance, Performance, PerformanceEntry, PerformanceMark, PerformanceMeasure, now };
