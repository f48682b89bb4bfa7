'use strict';
// internal/perf_extras — the perf_hooks functions beyond marks and measures:
// createHistogram (RecordableHistogram), monitorEventLoopDelay
// (IntervalHistogram) and eventLoopUtilization.  perf_hooks.js re-exports
// them; internalBinding('async_perf') (binding_async_perf.c) gives the
// loop's idle time and a nanosecond clock.
//
// Histograms keep exact values (a count per distinct value), where Node uses
// HdrHistogram with 3 significant figures: statistics of values below 2048
// are identical, larger values may differ from Node's in the fourth digit.
// percentiles follows HdrHistogram's percentile iteration (one tick per half
// distance), so the Map has Node's keys.

const binding = internalBinding('async_perf');
const { codes } = require('internal/errors');
const { validateInteger, validateObject, validateNumber } = require('internal/validators');
const { ERR_OUT_OF_RANGE, ERR_INVALID_ARG_TYPE } = codes;

const kEmptyMin = 9223372036854775807; // INT64_MAX as a Number, as Node reports it
const kState = Symbol('kState');

function emptyState() {
  return { counts: new Map(), count: 0, min: Infinity, max: 0, sum: 0, sumSq: 0, exceeds: 0, sorted: null, prev: 0 };
}

function recordValue(st, v, n = 1) {
  st.counts.set(v, (st.counts.get(v) || 0) + n);
  st.count += n;
  if (v < st.min) st.min = v;
  if (v > st.max) st.max = v;
  st.sum += v * n;
  st.sorted = null;
}

function sortedValues(st) {
  if (!st.sorted) st.sorted = [...st.counts.keys()].sort((a, b) => a - b);
  return st.sorted;
}

function valueAtPercentile(st, p) {
  if (st.count === 0) return 0;
  const target = Math.max(1, Math.ceil((p / 100) * st.count));
  let cum = 0;
  for (const v of sortedValues(st)) {
    cum += st.counts.get(v);
    if (cum >= target) return v;
  }
  return st.max;
}

// HdrHistogram's percentile iterator with ticks_per_half_distance = 1:
// each step emits the first value whose cumulative percentile reaches the
// next reporting point; once the last value is reached, 100 closes the map.
function percentileMap(st, big) {
  const out = new Map();
  const conv = big ? BigInt : (x) => x;
  const vals = sortedValues(st);
  const total = st.count;
  let i = -1;
  let cum = 0;
  const next = () => {
    if (++i >= vals.length) return false;
    cum += st.counts.get(vals[i]);
    return true;
  };
  let toIterate = 0;
  for (;;) {
    if (!(cum < total)) {
      out.set(100, conv(total === 0 ? 0 : vals[vals.length - 1]));
      return out;
    }
    if (i === -1 && !next()) return out;
    let emitted = false;
    do {
      if (toIterate <= (100 * cum) / total) {
        out.set(toIterate, conv(vals[i]));
        const temp = Math.trunc(Math.log(100 / (100 - toIterate)) / Math.log(2)) + 1;
        toIterate += 100 / Math.pow(2, temp);
        emitted = true;
        break;
      }
    } while (next());
    if (!emitted) return out;
  }
}

class Histogram {
  constructor(token) {
    if (token !== kState) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    this[kState] = emptyState();
  }
  get count() { return this[kState].count; }
  get countBigInt() { return BigInt(this[kState].count); }
  get min() { return this[kState].count ? this[kState].min : kEmptyMin; }
  get minBigInt() { return this[kState].count ? BigInt(this[kState].min) : 9223372036854775807n; }
  get max() { return this[kState].max; }
  get maxBigInt() { return BigInt(this[kState].max); }
  get mean() { const s = this[kState]; return s.count ? s.sum / s.count : NaN; }
  get exceeds() { return this[kState].exceeds; }
  get exceedsBigInt() { return BigInt(this[kState].exceeds); }
  get stddev() {
    const s = this[kState];
    if (!s.count) return NaN;
    const mean = s.sum / s.count;
    let acc = 0;
    for (const [v, n] of s.counts) acc += (v - mean) * (v - mean) * n;
    return Math.sqrt(acc / s.count);
  }
  percentile(percentile) {
    validateNumber(percentile, 'percentile');
    if (Number.isNaN(percentile) || percentile <= 0 || percentile > 100) {
      throw new ERR_OUT_OF_RANGE('percentile', '> 0 && <= 100', percentile);
    }
    return valueAtPercentile(this[kState], percentile);
  }
  percentileBigInt(percentile) { return BigInt(this.percentile(percentile)); }
  get percentiles() { return percentileMap(this[kState], false); }
  get percentilesBigInt() { return percentileMap(this[kState], true); }
  reset() { this[kState] = emptyState(); }
  toJSON() {
    return {
      count: this.count, min: this.min, max: this.max, mean: this.mean, exceeds: this.exceeds,
      stddev: this.stddev, percentiles: Object.fromEntries(this.percentiles),
    };
  }
}

class RecordableHistogram extends Histogram {
  record(val) {
    if (typeof val === 'bigint') {
      if (val < 1n) throw new ERR_OUT_OF_RANGE('val', `>= 1 && <= ${Number.MAX_SAFE_INTEGER}`, val);
      val = Number(val);
    } else {
      validateInteger(val, 'val', 1);
    }
    recordValue(this[kState], val);
  }
  recordDelta() {
    const now = binding.hrtime();
    const s = this[kState];
    if (s.prev !== 0) recordValue(s, Math.max(1, now - s.prev));
    s.prev = now;
  }
  add(other) {
    if (!(other instanceof RecordableHistogram)) {
      throw new ERR_INVALID_ARG_TYPE('other', 'RecordableHistogram', other);
    }
    const s = this[kState], o = other[kState];
    for (const [v, n] of o.counts) recordValue(s, v, n);
    s.exceeds += o.exceeds;
  }
}

function createHistogram(options = {}) {
  validateObject(options, 'options');
  const { lowest = 1, highest = Number.MAX_SAFE_INTEGER, figures = 3 } = options;
  if (typeof lowest !== 'bigint') validateInteger(lowest, 'options.lowest', 1, Number.MAX_SAFE_INTEGER);
  if (typeof highest !== 'bigint') validateInteger(highest, 'options.highest', 2 * Number(lowest), Number.MAX_SAFE_INTEGER);
  validateInteger(figures, 'options.figures', 1, 5);
  return new RecordableHistogram(kState);
}

// ---- monitorEventLoopDelay ------------------------------------------------
class IntervalHistogram extends Histogram {
  constructor(token, resolution) {
    super(token);
    this._resolution = resolution;
    this._timer = null;
  }
  enable() {
    if (this._timer) return false;
    const s = this[kState];
    s.prev = binding.hrtime();
    this._timer = setInterval(() => {
      const now = binding.hrtime();
      recordValue(s, Math.max(1, Math.round(now - s.prev)));
      s.prev = now;
    }, this._resolution);
    this._timer.unref();
    return true;
  }
  disable() {
    if (!this._timer) return false;
    clearInterval(this._timer);
    this._timer = null;
    return true;
  }
}

function monitorEventLoopDelay(options = {}) {
  validateObject(options, 'options');
  const { resolution = 10 } = options;
  validateInteger(resolution, 'options.resolution', 1);
  return new IntervalHistogram(kState, resolution);
}

// ---- eventLoopUtilization ---------------------------------------------------
// Idle time is counted from when this module loads, and so is active time
// (the time before it loaded is unknown to the runtime); as in Node, the
// result is all zeros until the event loop has started (first iteration
// after the load, seen by a setImmediate).
const loopStart = require('internal/perf').performance.now();
let loopStarted = false;
binding.startIdleTime();
setImmediate(() => { loopStarted = true; }).unref();

function eventLoopUtilization(util1, util2) {
  if (!loopStarted) return { idle: 0, active: 0, utilization: 0 };
  if (util2) {
    const idle = util1.idle - util2.idle;
    const active = util1.active - util2.active;
    return { idle, active, utilization: active / (idle + active) };
  }
  const idle = binding.idleTime();
  const active = require('internal/perf').performance.now() - loopStart - idle;
  if (!util1) return { idle, active, utilization: active / (idle + active) };
  const idleDelta = idle - util1.idle;
  const activeDelta = active - util1.active;
  return { idle: idleDelta, active: activeDelta, utilization: activeDelta / (idleDelta + activeDelta) };
}

module.exports = {
  createHistogram,
  monitorEventLoopDelay,
  eventLoopUtilization,
  Histogram,
  RecordableHistogram,
  IntervalHistogram,
};
