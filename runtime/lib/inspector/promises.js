'use strict';
// inspector/promises — Node's promise flavour of `inspector`: the same
// module, with Session.prototype.post returning a promise.

const inspector = require('inspector');
const { Session: CallbackSession } = require('internal/inspector/session');

class Session extends CallbackSession {
  post(method, params) {
    return new Promise((resolve, reject) => {
      super.post(method, params || null, (error, result) => {
        if (error) reject(error);
        else resolve(result);
      });
    });
  }
}

module.exports = {
  open: inspector.open,
  close: inspector.close,
  url: inspector.url,
  waitForDebugger: inspector.waitForDebugger,
  get console() { return inspector.console; },
  Session,
};
