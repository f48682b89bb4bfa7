'use strict';
// internal/repl/symbols — the REPLServer's private slots, shared by repl.js
// and internal/repl/main (which prints uncaught errors through the REPL).

module.exports = {
  kBuffered: Symbol('bufferedCommand'),
  kEvalCount: Symbol('evalCount'),
  kSawSigint: Symbol('sawSigint'),
  kOnLine: Symbol('onLine'),
  kPending: Symbol('pending'),
  kQueue: Symbol('queue'),
  kEditorLines: Symbol('editorLines'),
  kEvaluate: Symbol('evaluate'),
  kDrain: Symbol('drain'),
  kPrintError: Symbol('printError'),
  kCurrentEval: Symbol('currentEval'),
};
