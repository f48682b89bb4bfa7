'use strict';
// internal/events/symbols: symbols shared by events.js and
// internal/event_target.js (kept out of the public `events` exports).

module.exports = {
  // Property an unhandled 'error' gets: () => its stack plus
  // "Emitted 'error' event at:" and the emit() site, for the uncaught
  // exception printer.
  kEnhanceStackBeforeInspector: Symbol('kEnhanceStackBeforeInspector'),
  // addEventListener option: the listener still runs after
  // stopImmediatePropagation() (used by events.once/addAbortListener).
  kResistStopPropagation: Symbol('kResistStopPropagation'),
  kMaxEventTargetListeners: Symbol('events.maxEventTargetListeners'),
  kMaxEventTargetListenersWarned: Symbol('events.maxEventTargetListenersWarned'),
};
