'use strict';
// _http_agent — legacy http internals: Agent.

module.exports = { Agent: require('http').Agent, globalAgent: require('http').globalAgent };
