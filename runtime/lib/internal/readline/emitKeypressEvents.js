'use strict';
// internal/readline/emitKeypressEvents — readline.emitKeypressEvents(stream):
// make a readable stream emit 'keypress' (str, key) for its input while it
// has 'keypress' listeners.  An ESC at the end of a chunk is held for
// escapeCodeTimeout ms (500) in case the rest of a sequence follows.

const { emitKeys, charLengthAt, CSI: { kEscape } } = require('internal/readline/utils');
const { createDecoder } = require('internal/streams/decoder');

const KEYPRESS_DECODER = Symbol('keypress-decoder');
const ESCAPE_DECODER = Symbol('escape-decoder');
const ESCAPE_CODE_TIMEOUT = 500;
const kSawKeyPress = Symbol.for('devrun.readline.sawKeyPress');

function emitKeypressEvents(stream, iface = {}) {
  if (stream[KEYPRESS_DECODER]) return;
  stream[KEYPRESS_DECODER] = createDecoder('utf8');
  stream[ESCAPE_DECODER] = emitKeys(stream);
  stream[ESCAPE_DECODER].next();

  const triggerEscape = () => stream[ESCAPE_DECODER].next('');
  const escapeCodeTimeout = iface.escapeCodeTimeout === undefined ?
    ESCAPE_CODE_TIMEOUT : iface.escapeCodeTimeout;
  let timeoutId;

  function onData(input) {
    if (stream.listenerCount('keypress') > 0) {
      const string = stream[KEYPRESS_DECODER].write(input);
      if (string) {
        clearTimeout(timeoutId);
        iface[kSawKeyPress] = charLengthAt(string, 0) === string.length;
        iface.isCompletionEnabled = false;
        let length = 0;
        for (const character of string) {
          length += character.length;
          if (length === string.length) iface.isCompletionEnabled = true;
          try {
            stream[ESCAPE_DECODER].next(character);
            if (length === string.length && character === kEscape) {
              timeoutId = setTimeout(triggerEscape, escapeCodeTimeout);
            }
          } catch (err) {
            // A 'keypress' listener threw: restart the parser, rethrow.
            stream[ESCAPE_DECODER] = emitKeys(stream);
            stream[ESCAPE_DECODER].next();
            throw err;
          }
        }
      }
    } else {
      // Nobody is listening any more.
      stream.removeListener('data', onData);
      stream.on('newListener', onNewListener);
    }
  }

  function onNewListener(event) {
    if (event === 'keypress') {
      stream.on('data', onData);
      stream.removeListener('newListener', onNewListener);
    }
  }

  if (stream.listenerCount('keypress') > 0) stream.on('data', onData);
  else stream.on('newListener', onNewListener);
}

module.exports = emitKeypressEvents;
