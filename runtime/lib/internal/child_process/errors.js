'use strict';
// internal/child_process/errors — the child_process and IPC error codes,
// registered with internal/errors so they behave like every other code.

const { E, codes } = require('internal/errors');

if (!codes.ERR_CHILD_PROCESS_STDIO_MAXBUFFER) {
  E('ERR_CHILD_PROCESS_STDIO_MAXBUFFER', '%s maxBuffer length exceeded', RangeError);
}
if (!codes.ERR_CHILD_PROCESS_IPC_REQUIRED) {
  E('ERR_CHILD_PROCESS_IPC_REQUIRED', "Forked processes must have an IPC channel, missing value 'ipc' in %s", Error);
}
if (!codes.ERR_IPC_CHANNEL_CLOSED) E('ERR_IPC_CHANNEL_CLOSED', 'Channel closed', Error);
if (!codes.ERR_IPC_DISCONNECTED) E('ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected', Error);
if (!codes.ERR_IPC_ONE_PIPE) E('ERR_IPC_ONE_PIPE', 'Child process can have only one IPC pipe', Error);
if (!codes.ERR_IPC_SYNC_FORK) E('ERR_IPC_SYNC_FORK', 'IPC cannot be used with synchronous forks', Error);

module.exports = codes;
