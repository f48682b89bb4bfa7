'use strict';
// internal/readline/interface — the readline Interface shared by `readline`
// (callback question()) and `readline/promises` (promise question()).
//
// Over a non-terminal input it decodes 'data' as UTF-8, splits it into lines
// at \n, \r\n or \r (a \r\n split across chunks within crlfDelay counts
// once) and emits 'line' for each, the last unterminated one at 'end',
// then 'close'.  With terminal: true it puts the input in raw mode, reads
// 'keypress' events and edits the line in place (cursor movement, word and
// line deletion, history with substring search, tab completion), drawing the
// prompt and line on output with ANSI sequences.

const EventEmitter = require('events');
const {
  AbortError,
  codes: { ERR_INVALID_ARG_VALUE, ERR_USE_AFTER_CLOSE, ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateAbortSignal, validateNumber, validateString, validateUint32 } = require('internal/validators');
const {
  CSI,
  charLengthAt,
  charLengthLeft,
  commonPrefix,
  getStringWidth,
  stripVTControlCharacters,
  kSubstringSearch,
} = require('internal/readline/utils');
const { clearScreenDown, cursorTo, moveCursor } = require('internal/readline/callbacks');
const emitKeypressEvents = require('internal/readline/emitKeypressEvents');
const { createDecoder } = require('internal/streams/decoder');

const kHistorySize = 30;
const kMaxUndoRedoStackSize = 2048;
const kMincrlfDelay = 100;
const lineEnding = /\r?\n|\r(?!\n)/g;

const kLineObjectStream = Symbol('line object stream');
const kQuestionCancel = Symbol('kQuestionCancel');
const kQuestion = Symbol('kQuestion');
const kQuestionCallback = Symbol('kQuestionCallback');
const kOldPrompt = Symbol('kOldPrompt');
const kPrompt = Symbol('kPrompt');
const kDecoder = Symbol('kDecoder');
const kLineBuffer = Symbol('kLineBuffer');
const kSawReturnAt = Symbol('kSawReturnAt');
const kPreviousKey = Symbol('kPreviousKey');
const kSawKeyPress = Symbol.for('devrun.readline.sawKeyPress');
const kUndoStack = Symbol('kUndoStack');
const kRedoStack = Symbol('kRedoStack');
const kKillRing = Symbol('kKillRing');
const kKillRingCursor = Symbol('kKillRingCursor');
const kYanking = Symbol('kYanking');
const kMaxKillRing = 32;

function InterfaceConstructor(input, output, completer, terminal) {
  this[kSawReturnAt] = 0;
  this.isCompletionEnabled = true;
  this[kSawKeyPress] = false;
  this[kPreviousKey] = null;
  this.escapeCodeTimeout = 500;
  this.tabSize = 8;
  EventEmitter.call(this);

  let history;
  let historySize;
  let removeHistoryDuplicates = false;
  let crlfDelay;
  let prompt = '> ';
  let signal;

  if (input && input.input) {
    // An options object.
    output = input.output;
    completer = input.completer;
    terminal = input.terminal;
    history = input.history;
    historySize = input.historySize;
    signal = input.signal;
    if (input.tabSize !== undefined) {
      validateUint32(input.tabSize, 'tabSize', true);
      this.tabSize = input.tabSize;
    }
    removeHistoryDuplicates = input.removeHistoryDuplicates;
    if (input.prompt !== undefined) prompt = input.prompt;
    if (input.escapeCodeTimeout !== undefined) {
      if (Number.isFinite(input.escapeCodeTimeout)) {
        this.escapeCodeTimeout = input.escapeCodeTimeout;
      } else {
        throw new ERR_INVALID_ARG_VALUE('input.escapeCodeTimeout', this.escapeCodeTimeout);
      }
    }
    if (signal) validateAbortSignal(signal, 'options.signal');
    crlfDelay = input.crlfDelay;
    input = input.input;
  }

  if (completer !== undefined && typeof completer !== 'function') {
    throw new ERR_INVALID_ARG_VALUE('completer', completer);
  }
  if (history === undefined) {
    history = [];
  } else if (!Array.isArray(history)) {
    throw new ERR_INVALID_ARG_TYPE('history', 'Array', history);
  }
  if (historySize === undefined) historySize = kHistorySize;
  validateNumber(historySize, 'historySize', 0);
  // Backwards compatibility: terminal defaults to output.isTTY.
  if (terminal === undefined && !(output === null || output === undefined)) {
    terminal = !!output.isTTY;
  }

  const self = this;
  this.line = '';
  this[kSubstringSearch] = null;
  this.output = output;
  this.input = input;
  this[kUndoStack] = [];
  this[kRedoStack] = [];
  this[kKillRing] = [];
  this[kKillRingCursor] = 0;
  this[kYanking] = false;
  this.history = history;
  this.historySize = historySize;
  this.removeHistoryDuplicates = !!removeHistoryDuplicates;
  this.crlfDelay = crlfDelay ? Math.max(kMincrlfDelay, crlfDelay) : kMincrlfDelay;
  this.completer = completer;
  this.setPrompt(prompt);
  this.terminal = !!terminal;
  this[kLineObjectStream] = undefined;
  this.paused = false;
  this[kQuestionCallback] = null;
  this[kLineBuffer] = null;

  function onerror(err) {
    self.emit('error', err);
  }
  function ondata(data) {
    self._normalWrite(data);
  }
  function onend() {
    if (typeof self[kLineBuffer] === 'string' && self[kLineBuffer].length > 0) {
      self.emit('line', self[kLineBuffer]);
    }
    self.close();
  }
  function ontermend() {
    if (typeof self.line === 'string' && self.line.length > 0) self.emit('line', self.line);
    self.close();
  }
  function onkeypress(s, key) {
    self._ttyWrite(s, key);
    if (key && key.sequence) {
      // Half of a surrogate pair: redraw once the whole character is there.
      const ch = key.sequence.codePointAt(0);
      if (ch >= 0xd800 && ch <= 0xdfff) self._refreshLine();
    }
  }
  function onresize() {
    self._refreshLine();
  }

  this[kDecoder] = createDecoder('utf8');
  input.on('error', onerror);

  if (!this.terminal) {
    input.on('data', ondata);
    input.on('end', onend);
    self.once('close', () => {
      input.removeListener('data', ondata);
      input.removeListener('error', onerror);
      input.removeListener('end', onend);
    });
  } else {
    emitKeypressEvents(input, this);
    input.on('keypress', onkeypress);
    input.on('end', ontermend);
    this._setRawMode(true);
    this.terminal = true;
    this.cursor = 0;
    this.historyIndex = -1;
    if (output !== null && output !== undefined) output.on('resize', onresize);
    self.once('close', () => {
      input.removeListener('keypress', onkeypress);
      input.removeListener('error', onerror);
      input.removeListener('end', ontermend);
      if (output !== null && output !== undefined) output.removeListener('resize', onresize);
    });
  }

  if (signal) {
    const onAborted = () => self.close();
    if (signal.aborted) {
      process.nextTick(onAborted);
    } else {
      signal.addEventListener('abort', onAborted, { once: true });
      self.once('close', () => signal.removeEventListener('abort', onAborted));
    }
  }

  input.resume();
}

Object.setPrototypeOf(InterfaceConstructor.prototype, EventEmitter.prototype);
Object.setPrototypeOf(InterfaceConstructor, EventEmitter);

class Interface extends InterfaceConstructor {
  // eslint-disable-next-line no-useless-constructor
  constructor(input, output, completer, terminal) {
    super(input, output, completer, terminal);
  }

  get columns() {
    if (this.output && this.output.columns) return this.output.columns;
    return Infinity;
  }

  setPrompt(prompt) {
    this[kPrompt] = prompt;
  }

  getPrompt() {
    return this[kPrompt];
  }

  _setRawMode(mode) {
    const wasInRawMode = this.input.isRaw;
    if (typeof this.input.setRawMode === 'function') this.input.setRawMode(mode);
    return wasInRawMode;
  }

  prompt(preserveCursor) {
    if (this.paused) this.resume();
    if (this.terminal && process.env.TERM !== 'dumb') {
      if (!preserveCursor) this.cursor = 0;
      this._refreshLine();
    } else {
      this._writeToOutput(this[kPrompt]);
    }
  }

  [kQuestion](query, cb) {
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    if (this[kQuestionCallback]) {
      this.prompt();
    } else {
      this[kOldPrompt] = this[kPrompt];
      this.setPrompt(query);
      this[kQuestionCallback] = cb;
      this.prompt();
    }
  }

  [kQuestionCancel]() {
    if (this[kQuestionCallback]) {
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      this.clearLine();
    }
  }

  _onLine(line) {
    if (this[kQuestionCallback]) {
      const cb = this[kQuestionCallback];
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      cb(line);
    } else {
      this.emit('line', line);
    }
  }

  _writeToOutput(stringToWrite) {
    validateString(stringToWrite, 'stringToWrite');
    if (this.output !== null && this.output !== undefined) this.output.write(stringToWrite);
  }

  _addHistory() {
    if (this.line.length === 0) return '';
    if (this.historySize === 0) return this.line;
    if (this.line.trim().length === 0) return this.line;
    if (this.history.length === 0 || this.history[0] !== this.line) {
      if (this.removeHistoryDuplicates) {
        const dupIndex = this.history.indexOf(this.line);
        if (dupIndex !== -1) this.history.splice(dupIndex, 1);
      }
      this.history.unshift(this.line);
      if (this.history.length > this.historySize) this.history.pop();
    }
    this.historyIndex = -1;
    const line = this.history[0];
    this.emit('history', this.history);
    return line;
  }

  _refreshLine() {
    const line = this[kPrompt] + this.line;
    const dispPos = this._getDisplayPos(line);
    const lineCols = dispPos.cols;
    const lineRows = dispPos.rows;
    const cursorPos = this.getCursorPos();

    // First move to the bottom of the current line, based on cursor pos.
    const prevRows = this.prevRows || 0;
    if (prevRows > 0) moveCursor(this.output, 0, -prevRows);
    cursorTo(this.output, 0);
    clearScreenDown(this.output);
    this._writeToOutput(line);
    // Force the terminal to allocate a new line.
    if (lineCols === 0) this._writeToOutput(' ');
    cursorTo(this.output, cursorPos.cols);
    const diff = lineRows - cursorPos.rows;
    if (diff > 0) moveCursor(this.output, 0, -diff);
    this.prevRows = cursorPos.rows;
  }

  close() {
    if (this.closed) return;
    this.pause();
    if (this.terminal) this._setRawMode(false);
    this.closed = true;
    this.emit('close');
  }

  pause() {
    if (this.paused) return;
    this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  resume() {
    if (!this.paused) return;
    this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  write(d, key) {
    if (this.paused) this.resume();
    if (this.terminal) this._ttyWrite(d, key);
    else this._normalWrite(d);
  }

  _normalWrite(b) {
    if (b === undefined) return;
    let string = this[kDecoder].write(b);
    if (this[kSawReturnAt] && Date.now() - this[kSawReturnAt] <= this.crlfDelay) {
      if (string.codePointAt(0) === 10) string = string.slice(1);
      this[kSawReturnAt] = 0;
    }
    // Look for line endings in the new part only.
    lineEnding.lastIndex = 0;
    let match = lineEnding.exec(string);
    if (match !== null) {
      if (this[kLineBuffer]) {
        string = this[kLineBuffer] + string;
        this[kLineBuffer] = null;
        lineEnding.lastIndex = 0;
        match = lineEnding.exec(string);
      }
      this[kSawReturnAt] = string.endsWith('\r') ? Date.now() : 0;
      const indexes = [0, match.index, lineEnding.lastIndex];
      let next;
      while ((next = lineEnding.exec(string)) !== null) indexes.push(next.index, lineEnding.lastIndex);
      const last = indexes.length - 1;
      this[kLineBuffer] = string.slice(indexes[last]);
      // Every line of the chunk is emitted, even after a listener closes
      // the interface (Node 20 does the same).
      for (let i = 1; i < last; i += 2) {
        this._onLine(string.slice(indexes[i - 1], indexes[i]));
      }
    } else if (string) {
      if (this[kLineBuffer]) this[kLineBuffer] += string;
      else this[kLineBuffer] = string;
    }
  }

  _insertString(c) {
    this._beforeEdit(this.line, this.cursor);
    if (!this.isCompletionEnabled) {
      // Inside a multi-character chunk (a paste): append and echo only,
      // as Node does; the last character of the chunk redraws if needed.
      this.line += c;
      this.cursor += c.length;
      this._writeToOutput(c);
      return;
    }
    if (this.cursor < this.line.length) {
      const beg = this.line.slice(0, this.cursor);
      const end = this.line.slice(this.cursor, this.line.length);
      this.line = beg + c + end;
      this.cursor += c.length;
      this._refreshLine();
    } else {
      const oldPos = this.getCursorPos();
      this.line += c;
      this.cursor += c.length;
      const newPos = this.getCursorPos();
      if (oldPos.rows < newPos.rows) this._refreshLine();
      else this._writeToOutput(c);
    }
  }

  async _tabComplete(lastKeypressWasTab) {
    this.pause();
    const string = this.line.slice(0, this.cursor);
    let value;
    try {
      value = await this.completer(string);
    } catch (err) {
      this._writeToOutput(`Tab completion error: ${require('util').inspect(err)}`);
      return;
    } finally {
      this.resume();
    }
    this._tabCompleter(lastKeypressWasTab, value);
  }

  _tabCompleter(lastKeypressWasTab, { 0: completions, 1: completeOn }) {
    if (!completions || completions.length === 0) return;
    // Apply the common prefix of all matches.
    const prefix = commonPrefix(completions.filter((e) => e !== ''));
    if (prefix.startsWith(completeOn) && prefix.length > completeOn.length) {
      this._insertString(prefix.slice(completeOn.length));
      return;
    } else if (!completeOn.startsWith(prefix)) {
      this.line = this.line.slice(0, this.cursor - completeOn.length) + prefix +
        this.line.slice(this.cursor, this.line.length);
      this.cursor = this.cursor - completeOn.length + prefix.length;
      this._refreshLine();
      return;
    }
    if (!lastKeypressWasTab) return;
    this._beforeEdit(this.line, this.cursor);

    // Show the completions in columns.
    const completionsWidth = completions.map((e) => getStringWidth(e));
    const width = Math.max(...completionsWidth) + 2;
    let maxColumns = Math.floor(this.columns / width) || 1;
    if (maxColumns === Infinity) maxColumns = 1;
    let output = '\r\n';
    let lineIndex = 0;
    let whitespace = 0;
    for (let i = 0; i < completions.length; i++) {
      const completion = completions[i];
      if (completion === '' || lineIndex === maxColumns) {
        output += '\r\n';
        lineIndex = 0;
        whitespace = 0;
      } else {
        output += ' '.repeat(whitespace);
      }
      if (completion !== '') {
        output += completion;
        whitespace = width - completionsWidth[i];
        lineIndex++;
      } else {
        output += '\r\n';
      }
    }
    if (lineIndex !== 0) output += '\r\n\r\n';
    this._writeToOutput(output);
    this._refreshLine();
  }

  _wordLeft() {
    if (this.cursor > 0) {
      const leading = this.line.slice(0, this.cursor);
      const reversed = Array.from(leading).reverse().join('');
      const match = /^\s*(?:[^\w\s]+|\w+)?/.exec(reversed);
      this._moveCursor(-match[0].length);
    }
  }

  _wordRight() {
    if (this.cursor < this.line.length) {
      const trailing = this.line.slice(this.cursor);
      const match = /^(?:\s+|[^\w\s]+|\w+)\s*/.exec(trailing);
      this._moveCursor(match[0].length);
    }
  }

  _deleteLeft() {
    if (this.cursor > 0 && this.line.length > 0) {
      this._beforeEdit(this.line, this.cursor);
      const charSize = charLengthLeft(this.line, this.cursor);
      this.line = this.line.slice(0, this.cursor - charSize) + this.line.slice(this.cursor, this.line.length);
      this.cursor -= charSize;
      this._refreshLine();
    }
  }

  _deleteRight() {
    if (this.cursor < this.line.length) {
      this._beforeEdit(this.line, this.cursor);
      const charSize = charLengthAt(this.line, this.cursor);
      this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + charSize, this.line.length);
      this._refreshLine();
    }
  }

  _deleteWordLeft() {
    if (this.cursor > 0) {
      this._beforeEdit(this.line, this.cursor);
      let leading = this.line.slice(0, this.cursor);
      const reversed = Array.from(leading).reverse().join('');
      const match = /^\s*(?:[^\w\s]+|\w+)?/.exec(reversed);
      leading = leading.slice(0, leading.length - match[0].length);
      this.line = leading + this.line.slice(this.cursor, this.line.length);
      this.cursor = leading.length;
      this._refreshLine();
    }
  }

  _deleteWordRight() {
    if (this.cursor < this.line.length) {
      this._beforeEdit(this.line, this.cursor);
      const trailing = this.line.slice(this.cursor);
      const match = /^(?:\s+|\W+|\w+)\s*/.exec(trailing);
      this.line = this.line.slice(0, this.cursor) + trailing.slice(match[0].length);
      this._refreshLine();
    }
  }

  _deleteLineLeft() {
    this._beforeEdit(this.line, this.cursor);
    const killed = this.line.slice(0, this.cursor);
    this.line = this.line.slice(this.cursor);
    this.cursor = 0;
    this._pushToKillRing(killed);
    this._refreshLine();
  }

  _deleteLineRight() {
    this._beforeEdit(this.line, this.cursor);
    const killed = this.line.slice(this.cursor);
    this.line = this.line.slice(0, this.cursor);
    this._pushToKillRing(killed);
    this._refreshLine();
  }

  // The kill ring: text removed by ctrl+u / ctrl+k, newest first; ctrl+y
  // inserts the newest, meta+y right after it swaps in older ones.
  _pushToKillRing(text) {
    if (!text || text === this[kKillRing][0]) return;
    this[kKillRing].unshift(text);
    this[kKillRingCursor] = 0;
    while (this[kKillRing].length > kMaxKillRing) this[kKillRing].pop();
  }

  _yank() {
    if (this[kKillRing].length > 0) {
      this[kYanking] = true;
      this._insertString(this[kKillRing][this[kKillRingCursor]]);
    }
  }

  _yankPop() {
    if (!this[kYanking] || this[kKillRing].length <= 1) return;
    const ring = this[kKillRing];
    const previous = ring[this[kKillRingCursor]];
    this[kKillRingCursor] = (this[kKillRingCursor] + 1) % ring.length;
    const next = ring[this[kKillRingCursor]];
    const head = this.line.slice(0, this.cursor - previous.length);
    const tail = this.line.slice(this.cursor);
    this.line = head + next + tail;
    this.cursor = head.length + next.length;
    this._refreshLine();
  }

  clearLine() {
    this._moveCursor(+Infinity);
    this._writeToOutput('\r\n');
    this.line = '';
    this.cursor = 0;
    this.prevRows = 0;
  }

  _line() {
    const line = this._addHistory();
    this[kUndoStack] = [];
    this[kRedoStack] = [];
    this.clearLine();
    this._onLine(line);
  }

  _beforeEdit(oldText, oldCursor) {
    this[kRedoStack] = [];
    const stack = this[kUndoStack];
    const last = stack[stack.length - 1];
    if (last && last.text === oldText) return;
    stack.push({ text: oldText, cursor: oldCursor });
    if (stack.length > kMaxUndoRedoStackSize) stack.shift();
  }

  _undo() {
    if (this[kUndoStack].length <= 0) return;
    const entry = this[kUndoStack].pop();
    this[kRedoStack].push({ text: this.line, cursor: this.cursor });
    this.line = entry.text;
    this.cursor = entry.cursor;
    this._refreshLine();
  }

  _redo() {
    if (this[kRedoStack].length <= 0) return;
    const entry = this[kRedoStack].pop();
    this[kUndoStack].push({ text: this.line, cursor: this.cursor });
    this.line = entry.text;
    this.cursor = entry.cursor;
    this._refreshLine();
  }

  _historyNext() {
    if (this.historyIndex >= 0) {
      this._beforeEdit(this.line, this.cursor);
      const search = this[kSubstringSearch] || '';
      let index = this.historyIndex - 1;
      while (index >= 0 &&
             ((search && !this.history[index].startsWith(search)) || this.line === this.history[index])) {
        index--;
      }
      this.line = index === -1 ? search : this.history[index];
      this.historyIndex = index;
      this.cursor = this.line.length;
      this._refreshLine();
    }
  }

  _historyPrev() {
    if (this.historyIndex < this.history.length && this.history.length) {
      this._beforeEdit(this.line, this.cursor);
      const search = this[kSubstringSearch] || '';
      let index = this.historyIndex + 1;
      while (index < this.history.length &&
             ((search && !this.history[index].startsWith(search)) || this.line === this.history[index])) {
        index++;
      }
      this.line = index === this.history.length ? search : this.history[index];
      this.historyIndex = index;
      this.cursor = this.line.length;
      this._refreshLine();
    }
  }

  // Rows and columns `str` takes on the terminal.
  _getDisplayPos(str) {
    let offset = 0;
    const col = this.columns;
    let rows = 0;
    str = stripVTControlCharacters(str);
    for (const char of str) {
      if (char === '\n') {
        rows += Math.ceil(offset / col) || 1;
        offset = 0;
        continue;
      }
      if (char === '\t') {
        offset += this.tabSize - (offset % this.tabSize);
        continue;
      }
      const width = getStringWidth(char, false);
      if (width === 0 || width === 1) {
        offset += width;
      } else {
        // Wide characters do not split across rows.
        if ((offset + 1) % col === 0) offset++;
        offset += 2;
      }
    }
    const cols = offset % col;
    rows += (offset - cols) / col;
    return { cols, rows };
  }

  getCursorPos() {
    const strBeforeCursor = this[kPrompt] + this.line.slice(0, this.cursor);
    return this._getDisplayPos(strBeforeCursor);
  }

  _moveCursor(dx) {
    if (dx === 0) return;
    const oldPos = this.getCursorPos();
    this.cursor += dx;
    if (this.cursor < 0) this.cursor = 0;
    else if (this.cursor > this.line.length) this.cursor = this.line.length;
    const newPos = this.getCursorPos();
    if (oldPos.rows === newPos.rows) {
      const diffWidth = newPos.cols - oldPos.cols;
      moveCursor(this.output, diffWidth, 0);
    } else {
      this._refreshLine();
    }
  }

  // Handle one keypress in terminal mode.
  _ttyWrite(s, key) {
    const previousKey = this[kPreviousKey];
    key = key || {};
    this[kPreviousKey] = key;
    if (!key.meta || key.name !== 'y') this[kYanking] = false;

    // Up/down without modifiers search history for the text before the cursor.
    if ((key.name === 'up' || key.name === 'down') && !key.ctrl && !key.meta && !key.shift) {
      if (this[kSubstringSearch] === null) this[kSubstringSearch] = this.line.slice(0, this.cursor);
    } else if (this[kSubstringSearch] !== null) {
      this[kSubstringSearch] = null;
      if (this.history.length === this.historyIndex) this.historyIndex = -1;
    }

    // Undo: ctrl+-, redo: ctrl+^ (as Node maps them).
    if (typeof key.sequence === 'string') {
      switch (key.sequence.codePointAt(0)) {
        case 0x1f:
          this._undo();
          return;
        case 0x1e:
          this._redo();
          return;
        default:
          break;
      }
    }

    // Ignore a lone escape key.
    if (key.name === 'escape') return;

    if (key.ctrl && key.shift) {
      switch (key.name) {
        case 'backspace':
          this._deleteLineLeft();
          break;
        case 'delete':
          this._deleteLineRight();
          break;
      }
    } else if (key.ctrl) {
      switch (key.name) {
        case 'c':
          if (this.listenerCount('SIGINT') > 0) this.emit('SIGINT');
          else this.close();
          break;
        case 'h': // delete left
          this._deleteLeft();
          break;
        case 'd': // delete right or EOF
          if (this.cursor === 0 && this.line.length === 0) this.close();
          else if (this.cursor < this.line.length) this._deleteRight();
          break;
        case 'u': // delete from current to start of line
          this._deleteLineLeft();
          break;
        case 'k': // delete from current to end of line
          this._deleteLineRight();
          break;
        case 'y': // paste the last killed text
          this._yank();
          break;
        case 'a': // go to the start of the line
          this._moveCursor(-Infinity);
          break;
        case 'e': // go to the end of the line
          this._moveCursor(+Infinity);
          break;
        case 'b': // back one character
          this._moveCursor(-charLengthLeft(this.line, this.cursor));
          break;
        case 'f': // forward one character
          this._moveCursor(+charLengthAt(this.line, this.cursor));
          break;
        case 'l': // clear the whole screen
          cursorTo(this.output, 0, 0);
          clearScreenDown(this.output);
          this._refreshLine();
          break;
        case 'n': // next history item
          this._historyNext();
          break;
        case 'p': // previous history item
          this._historyPrev();
          break;
        case 'z':
          if (process.platform === 'win32') break;
          if (this.listenerCount('SIGTSTP') > 0) this.emit('SIGTSTP');
          break;
        case 'w': // delete backwards to a word boundary
        case 'backspace':
          this._deleteWordLeft();
          break;
        case 'delete': // delete forward to a word boundary
          this._deleteWordRight();
          break;
        case 'left':
          this._wordLeft();
          break;
        case 'right':
          this._wordRight();
          break;
      }
    } else if (key.meta) {
      switch (key.name) {
        case 'b': // backward word
          this._wordLeft();
          break;
        case 'f': // forward word
          this._wordRight();
          break;
        case 'd': // delete forward word
        case 'delete':
          this._deleteWordRight();
          break;
        case 'backspace': // delete backwards to a word boundary
          this._deleteWordLeft();
          break;
        case 'y': // cycle through the kill ring after a yank
          this._yankPop();
          break;
      }
    } else {
      // \r bookkeeping only matters when \n comes right after.
      if (this[kSawReturnAt] && key.name !== 'enter') this[kSawReturnAt] = 0;
      switch (key.name) {
        case 'return':
          this[kSawReturnAt] = Date.now();
          this._line();
          break;
        case 'enter':
          // Skip the \n of a \r\n.
          if (this[kSawReturnAt] === 0 || Date.now() - this[kSawReturnAt] > this.crlfDelay) {
            this._line();
          }
          this[kSawReturnAt] = 0;
          break;
        case 'backspace':
          this._deleteLeft();
          break;
        case 'delete':
          this._deleteRight();
          break;
        case 'left':
          this._moveCursor(-charLengthLeft(this.line, this.cursor));
          break;
        case 'right':
          this._moveCursor(+charLengthAt(this.line, this.cursor));
          break;
        case 'home':
          this._moveCursor(-Infinity);
          break;
        case 'end':
          this._moveCursor(+Infinity);
          break;
        case 'up':
          this._historyPrev();
          break;
        case 'down':
          this._historyNext();
          break;
        case 'tab':
          if (typeof this.completer === 'function' && this.isCompletionEnabled) {
            const lastKeypressWasTab = previousKey && previousKey.name === 'tab';
            this._tabComplete(lastKeypressWasTab);
            break;
          }
        // falls through
        default:
          if (typeof s === 'string' && s) {
            lineEnding.lastIndex = 0;
            let next;
            let lastIndex = 0;
            while ((next = lineEnding.exec(s)) !== null) {
              this._insertString(s.slice(lastIndex, next.index));
              ({ lastIndex } = lineEnding);
              this._line();
              lineEnding.lastIndex = lastIndex;
            }
            this._insertString(s.slice(lastIndex));
          }
      }
    }
  }

  // Lines as an async iterator; lines emitted before it is created are not
  // seen.  The input is paused while many lines wait unread.
  [Symbol.asyncIterator]() {
    if (this[kLineObjectStream] === undefined) {
      this[kLineObjectStream] = createLineIterator(this);
    }
    return this[kLineObjectStream];
  }
}

function createLineIterator(rl) {
  const kHighWatermark = 1024;
  const lines = [];
  const waiting = [];
  let done = false;
  let error = null;
  let pausedByUs = false;

  function settle() {
    while (waiting.length) {
      if (lines.length) {
        waiting.shift().resolve({ value: lines.shift(), done: false });
      } else if (error) {
        const err = error;
        error = null;
        done = true;
        waiting.shift().reject(err);
      } else if (done) {
        waiting.shift().resolve({ value: undefined, done: true });
      } else {
        break;
      }
    }
    if (pausedByUs && lines.length < kHighWatermark && !done) {
      pausedByUs = false;
      rl.resume();
    }
  }
  function onLine(line) {
    lines.push(line);
    if (lines.length >= kHighWatermark && !rl.paused) {
      pausedByUs = true;
      rl.pause();
    }
    settle();
  }
  function onClose() {
    done = true;
    cleanup();
    settle();
  }
  function onError(err) {
    error = err;
    cleanup();
    settle();
  }
  function cleanup() {
    rl.removeListener('line', onLine);
    rl.removeListener('close', onClose);
    rl.removeListener('error', onError);
  }
  rl.on('line', onLine);
  rl.on('close', onClose);
  rl.on('error', onError);

  const iterator = {
    next() {
      if (lines.length) {
        const value = lines.shift();
        settle();
        return Promise.resolve({ value, done: false });
      }
      if (error) {
        const err = error;
        error = null;
        done = true;
        return Promise.reject(err);
      }
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return() {
      done = true;
      lines.length = 0;
      cleanup();
      rl.close();
      settle();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(err) {
      done = true;
      cleanup();
      rl.close();
      return Promise.reject(err);
    },
    [Symbol.asyncIterator]() { return this; },
  };
  Object.setPrototypeOf(iterator, Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype));
  return iterator;
}

module.exports = {
  Interface,
  InterfaceConstructor,
  kQuestion,
  kQuestionCancel,
  kQuestionCallback,
  kOldPrompt,
  kPrompt,
  kDecoder,
  kLineBuffer,
  kPreviousKey,
  kSawKeyPress,
  kSawReturnAt,
};
