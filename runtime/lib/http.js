'use strict';
// http — HTTP/1.1 servers and clients: parsing by llhttp in C
// (internalBinding('http_parser')), sockets from net.  See internal/http/*.

const { STATUS_CODES, METHODS, validateHeaderName, validateHeaderValue } = require('internal/http/common');
const { IncomingMessage } = require('internal/http/incoming');
const { OutgoingMessage } = require('internal/http/outgoing');
const { Server, ServerResponse, createServer } = require('internal/http/server');
const { Agent, globalAgent, ClientRequest } = require('internal/http/client');

function request(url, options, cb) { return new ClientRequest(url, options, cb); }
function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}

let maxHeaderSize = 16384;

module.exports = {
  METHODS, STATUS_CODES, Agent, ClientRequest, IncomingMessage, OutgoingMessage, Server,
  ServerResponse, createServer, get, request, validateHeaderName, validateHeaderValue,
  get globalAgent() { return globalAgent; },
  get maxHeaderSize() { return maxHeaderSize; },
  setMaxIdleHTTPParsers() {},
};
