'use strict';
// inspector — Node's `inspector` module for devrun-js: open/close/url/
// waitForDebugger drive the inspector server (inspector/insp_agent.c through
// internalBinding('inspector')); Session is an in-process CDP session
// (internal/inspector/session); console is V8's own console, whose output
// goes only to connected clients.

const binding = internalBinding('inspector');
const { validateInt32, validateString } = require('internal/validators');
const { Session, inspectorError } = require('internal/inspector/session');

function open(port, host, wait) {
  if (!binding.isAvailable()) throw inspectorError('ERR_INSPECTOR_NOT_AVAILABLE');
  if (binding.isActive()) throw inspectorError('ERR_INSPECTOR_ALREADY_ACTIVATED');
  // inspector.open(port, host, wait) or inspector.open(port, wait)
  if (typeof host === 'boolean') {
    wait = host;
    host = undefined;
  }
  if (port !== undefined && port !== null) validateInt32(port, 'port', 0, 65535);
  if (host !== undefined && host !== null) validateString(host, 'host');
  binding.open(port ?? -1, host ?? undefined, !!wait);
  return {
    __proto__: null,
    [Symbol.dispose || Symbol.for('nodejs.dispose')]() { close(); },
  };
}

function close() {
  binding.close();
}

function url() {
  return binding.url();
}

function waitForDebugger() {
  if (!binding.waitForDebugger()) throw inspectorError('ERR_INSPECTOR_NOT_ACTIVE');
}

let vmConsole;
function getConsole() {
  if (vmConsole === undefined) {
    const c = binding.consoleFromVM();
    vmConsole = {};
    if (c) {
      for (const key of Object.keys(c)) {
        if (typeof c[key] === 'function') vmConsole[key] = c[key].bind(c);
      }
    }
  }
  return vmConsole;
}

module.exports = {
  open,
  close,
  url,
  waitForDebugger,
  get console() { return getConsole(); },
  Session,
};
