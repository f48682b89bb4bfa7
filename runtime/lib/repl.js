'use strict';
// repl — the Read-Eval-Print Loop (Node 20's documented API): repl.start()
// makes a REPLServer, a readline.Interface that evaluates each line with vm
// in its own context (or the global one), keeps reading lines while the
// input is incomplete (`... ` prompt), prints results with the writer
// (util.inspect) and errors as "Uncaught ...", sets `_`/`_error`, runs
// top-level `await` (internal/repl/await), and has the dot commands
// (.break .clear .editor .exit .help .load .save, defineCommand), tab
// completion and a history file (setupHistory).  devrun-js with no script
// on a terminal starts one (internal/main/run).  See docs/runtime-modules.md.

const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { inspect } = require('internal/util/inspect');
const { Interface } = require('readline');
const { wrapTopLevelAwait } = require('internal/repl/await');
const {
  kBuffered, kEvalCount, kSawSigint, kOnLine, kPending, kQueue, kEditorLines,
  kEvaluate, kDrain, kPrintError, kCurrentEval,
} = require('internal/repl/symbols');
const { codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_REPL_EVAL_CONFIG } = {} } = require('internal/errors');

const REPL_MODE_SLOPPY = Symbol('repl-sloppy');
const REPL_MODE_STRICT = Symbol('repl-strict');

let builtinModulesCache;
function getBuiltinModules() {
  if (builtinModulesCache === undefined) {
    const Module = require('internal/modules/cjs/loader');
    builtinModulesCache = Module.builtinModules.filter((id) => !id.startsWith('_'));
  }
  return builtinModulesCache;
}

// The default writer: util.inspect with the REPL's options.
function writer(obj) {
  return inspect(obj, writer.options);
}
writer.options = { ...inspect.defaultOptions, showProxy: true };

// An error the custom eval reports for incomplete input: keep reading.
class Recoverable extends SyntaxError {
  constructor(err) {
    super();
    this.err = err;
  }
}

// V8's messages for input that may be completed by more lines.
const kRecoverableMessages = /^(?:Unexpected end of input|Unterminated template literal)/;
function isRecoverable(err, code) {
  if (!(err instanceof SyntaxError) && (err === null || typeof err !== 'object' || err.name !== 'SyntaxError')) return false;
  if (kRecoverableMessages.test(err.message)) return true;
  if (err.message !== 'Invalid or unexpected token') return false;
  // An unterminated string continued with a trailing backslash, or an
  // unterminated block comment.
  return /['"][^'"]*\\\n$/.test(code) || code.lastIndexOf('/*') > code.lastIndexOf('*/');
}


function isErrorLike(e) {
  return e !== null && typeof e === 'object' && (e instanceof Error ||
    Object.prototype.toString.call(e) === '[object Error]' || typeof e.stack === 'string');
}

// Removes the runtime's own frames from the stack of an error thrown by REPL
// code: frames are cut where the evaluator (vm, repl) called the input, and
// the top-level frame of the input itself is dropped (Node shows only the
// frames of what the input called).
function trimStack(stack, fromCallback) {
  const lines = stack.split('\n');
  const first = lines.findIndex((l) => /^\s+at /.test(l));
  if (first === -1) return stack;
  // An error thrown later by a callback (the main REPL's uncaught errors)
  // is cut at the runtime's first frame instead.
  const boundary = fromCallback ? /[( ]node:[\w/]+:\d+:\d+\)?$/ : /\(node:(?:vm|repl):\d+:\d+\)$/;
  let end = lines.findIndex((l, i) => i >= first && boundary.test(l));
  if (end === -1) return stack;
  if (end > first && /^\s+at REPL\d+:\d+:\d+$/.test(lines[end - 1])) end--;
  return lines.slice(0, end).join('\n');
}

function REPLServer(prompt, stream, evalFn, useGlobal, ignoreUndefined, replMode) {
  if (!(this instanceof REPLServer)) {
    return new REPLServer(prompt, stream, evalFn, useGlobal, ignoreUndefined, replMode);
  }
  let options;
  if (prompt !== null && typeof prompt === 'object') {
    options = { ...prompt };
    stream = options.stream || options.socket;
    evalFn = options.eval;
    useGlobal = options.useGlobal;
    ignoreUndefined = options.ignoreUndefined;
    prompt = options.prompt;
    replMode = options.replMode;
  } else {
    options = {};
  }
  if (!options.input || !options.output) {
    if (!stream) stream = process;
    if (!options.input) options.input = stream.stdin || stream;
    if (!options.output) options.output = stream.stdout || stream;
  }
  if (options.terminal === undefined) options.terminal = !!options.output.isTTY;
  if (evalFn !== undefined && typeof evalFn !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('options.eval', 'function', evalFn);
  }
  if (options.breakEvalOnSigint && evalFn) {
    // As Node: a custom eval cannot be interrupted by the REPL.
    if (ERR_INVALID_REPL_EVAL_CONFIG) throw new ERR_INVALID_REPL_EVAL_CONFIG();
    const e = new TypeError('Cannot specify both "breakEvalOnSigint" and "eval" for REPL');
    e.code = 'ERR_INVALID_REPL_EVAL_CONFIG';
    throw e;
  }

  this.useGlobal = !!useGlobal;
  this.ignoreUndefined = !!ignoreUndefined;
  this.replMode = replMode || REPL_MODE_SLOPPY;
  this.breakEvalOnSigint = !!options.breakEvalOnSigint;
  this.allowBlockingCompletions = !!options.allowBlockingCompletions;
  this.underscoreAssigned = false;
  this.last = undefined;
  this.underscoreErrAssigned = false;
  this.lastError = undefined;
  this.editorMode = false;
  this.commands = Object.create(null);
  this.lines = [];
  this._domain = undefined;
  this.useColors = options.useColors !== undefined ? !!options.useColors :
    !!(options.terminal && typeof options.output.hasColors === 'function' && options.output.hasColors());
  this.writer = options.writer || writer;
  if (this.writer === writer && this.useColors) {
    this.writer = (obj) => inspect(obj, { ...writer.options, colors: true });
    this.writer.options = { ...writer.options, colors: true };
  }
  this.eval = evalFn || defaultEval;
  this[kBuffered] = '';
  this[kEvalCount] = 0;
  this[kSawSigint] = false;
  this[kPending] = false;
  this[kQueue] = [];

  const self = this;
  const completer = options.completer || ((text, cb) => self.complete(text, cb));
  Reflect.apply(Interface, this, [{
    input: options.input,
    output: options.output,
    completer,
    terminal: options.terminal,
    historySize: options.historySize,
    prompt: prompt === undefined ? '> ' : prompt,
  }]);
  this._initialPrompt = prompt === undefined ? '> ' : String(prompt);
  // The older names of input and output, still read by some REPLs (ts-node).
  for (const [name, key] of [['inputStream', 'input'], ['outputStream', 'output']]) {
    Object.defineProperty(this, name, {
      configurable: true,
      enumerable: false,
      get() { return this[key]; },
      set(v) { this[key] = v; },
    });
  }

  this.resetContext();
  defineDefaultCommands(this);

  this.on('close', () => self.emit('exit'));

  this.on('SIGINT', () => {
    // Ctrl+C while an evaluation is pending (an await that never settles):
    // it is abandoned, as Node reports an interrupted script.
    if (self[kPending] && self[kCurrentEval]) {
      self[kCurrentEval](interruptedError());
      return;
    }
    const empty = self.line.length === 0 && self[kBuffered] === '';
    self.clearLine();
    self.clearBufferedCommand();
    if (self.editorMode) {
      self.editorMode = false;
      self._writeToOutput('\n');
      self.displayPrompt();
      return;
    }
    if (empty) {
      if (self[kSawSigint]) {
        self.close();
        self[kSawSigint] = false;
        return;
      }
      self._writeToOutput('(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n');
      self[kSawSigint] = true;
    } else {
      self[kSawSigint] = false;
    }
    self.displayPrompt();
  });

  this.on('line', (line) => self[kOnLine](line));

  this.displayPrompt();
}
Object.setPrototypeOf(REPLServer.prototype, Interface.prototype);
Object.setPrototypeOf(REPLServer, Interface);


REPLServer.prototype[kOnLine] = function onLine(line) {
  // Lines that arrive while an asynchronous evaluation (top-level await, a
  // custom eval) is pending wait for it, so the output stays in order.
  if (this[kPending]) {
    this[kQueue].push(line);
    return;
  }
  this[kSawSigint] = false;
  if (this.editorMode) {
    this[kEditorLines].push(line);
    return;
  }
  const trimmed = line.trim();
  if (trimmed.startsWith('.') && !trimmed.startsWith('..') &&
      !/^\.\d/.test(trimmed)) {
    const m = /^\.([^\s]+)\s*(.*)$/.exec(trimmed);
    if (m !== null) {
      const cmd = this.commands[m[1]];
      if (cmd) {
        cmd.action.call(this, m[2]);
        return;
      }
      this._writeToOutput('Invalid REPL keyword\n');
      this.displayPrompt();
      return;
    }
  }
  if (this[kBuffered] === '' && trimmed === '') {
    this.displayPrompt();
    return;
  }
  this[kEvaluate](this[kBuffered] + line + '\n', line);
};

REPLServer.prototype[kEvaluate] = function evaluate(cmd, line) {
  const self = this;
  const file = `REPL${++this[kEvalCount]}`;
  let sync = true;
  let done = false;
  // As Node: a result is printed only when the callback gets two arguments
  // (`callback(null)` after printing something itself prints nothing more).
  const finish = function finish(err, result) {
    const hasResult = arguments.length >= 2;
    if (done) return;
    done = true;
    if (self[kCurrentEval] === finish) self[kCurrentEval] = null;
    if (err && (err instanceof Recoverable)) {
      self[kBuffered] = cmd;
      if (line !== undefined) self.lines.push(line);
      self.displayPrompt();
    } else {
      self[kBuffered] = '';
      if (err) {
        self[kPrintError](err instanceof ThrownNullish ? err.value : err);
      } else {
        if (line !== undefined) self.lines.push(line);
        if (hasResult && !(self.ignoreUndefined && result === undefined)) {
          if (!self.underscoreAssigned) self.last = result;
          self._writeToOutput(`${self.writer(result)}\n`);
        }
      }
      self.displayPrompt();
    }
    if (!sync) self[kDrain]();
  };
  // The input counts as buffered until it is finished (a prompt shown
  // meanwhile, as after .load of code that awaits, is `... ` as in Node).
  this[kBuffered] = cmd;
  this[kPending] = true;
  this[kCurrentEval] = finish;
  try {
    this.eval(cmd, this.context, file, finish);
  } catch (e) {
    finish(e);
  }
  sync = false;
  if (done) this[kPending] = false;
};

REPLServer.prototype[kDrain] = function drain() {
  this[kPending] = false;
  while (!this[kPending] && this[kQueue].length) this[kOnLine](this[kQueue].shift());
};

REPLServer.prototype[kPrintError] = function printError(e, fromCallback) {
  if (!this.underscoreErrAssigned) this.lastError = e;
  let text;
  let decoration = '';
  if (isErrorLike(e) && typeof e.stack === 'string') {
    let stack = e.stack;
    // A syntax error of the input comes with `REPLn:line`, the source line
    // and carets: Node prints the line and carets before "Uncaught".
    const m = /^REPL\d+:\d+\n([^\n]*\n(?:\s*\^+\n)?)\n/.exec(stack);
    if (m !== null) {
      decoration = `${m[1]}\n`;
      stack = stack.slice(m[0].length);
    }
    stack = trimStack(stack, fromCallback);
    try {
      Object.defineProperty(e, 'stack', { value: stack, configurable: true, writable: true, enumerable: false });
    } catch {
      // Frozen error: print it as it is.
    }
    text = this.writer(e);
    if (/^\[[^\n]*\]$/.test(text)) text = text.slice(1, -1);
  } else {
    text = this.writer(e);
  }
  // Node writes this one (an abandoned evaluation) on a line of its own.
  const sep = e !== null && typeof e === 'object' && interrupted.has(e) ? ':\n' : ' ';
  this._writeToOutput(`${decoration}Uncaught${sep}${text}\n`);
};



const interrupted = new WeakSet();
function interruptedError() {
  const { ERR_SCRIPT_EXECUTION_INTERRUPTED } = require('internal/errors').codes;
  const err = new ERR_SCRIPT_EXECUTION_INTERRUPTED();
  interrupted.add(err);
  return err;
}

// `throw null` / `throw undefined` reach the callback in this box, since a
// nullish first argument means success.
class ThrownNullish {
  constructor(value) {
    this.value = value;
  }
}

function defaultEval(code, context, file, cb) {
  const self = this;
  let source = code;
  // `{ a: 1 }` is an object literal, not a block, as in Node.
  if (/^\s*\{/.test(code) && !/;\s*$/.test(code)) {
    const wrapped = `(${code.trim()}\n)\n`;
    try {
      new vm.Script(wrapped, { filename: file });
      source = wrapped;
    } catch {
      // Not an expression: run it as statements.
    }
  }
  if (self.replMode === REPL_MODE_STRICT && source.trim() !== '') source = `'use strict'; void 0;\n${source}`;
  let script;
  let awaited = false;
  try {
    script = new vm.Script(source, { filename: file, displayErrors: false });
  } catch (e) {
    if (isRecoverable(e, code)) return cb(new Recoverable(e));
    // V8's message varies with where the await is ("await is only valid
    // ...", "missing ) after argument list", ...): any syntax error of an
    // input that awaits tries the async wrapper.
    if (/\bawait\b/.test(code) && e && e.name === 'SyntaxError') {
      try {
        script = new vm.Script(wrapTopLevelAwait(code), { filename: file, displayErrors: false });
        awaited = true;
      } catch (e2) {
        if (isRecoverable(e2, code)) return cb(new Recoverable(e2));
        return cb(e);
      }
    } else {
      return cb(e);
    }
  }
  let result;
  try {
    result = self.useGlobal ?
      script.runInThisContext({ displayErrors: false }) :
      script.runInContext(context, { displayErrors: false });
  } catch (e) {
    return cb(e == null ? new ThrownNullish(e) : e);
  }
  if (!awaited) {
    // A rejected promise shown as the result does not end the process; on
    // a terminal its error is reported as uncaught, as the node REPL does.
    if (result instanceof Promise || (result !== null && typeof result === 'object' &&
        require('util').types.isPromise(result))) {
      result.then(undefined, (err) => {
        if (!self.terminal || self.closed) return;
        self.clearLine();
        self[kPrintError](err);
        self.displayPrompt(true);
      });
    }
    return cb(null, result);
  }
  Promise.resolve(result).then(
    (box) => cb(null, box === undefined ? undefined : box.value),
    (err) => cb(err == null ? new ThrownNullish(err) : err));
}

REPLServer.prototype.createContext = function createContext() {
  let context;
  if (this.useGlobal) {
    context = globalThis;
  } else {
    context = vm.createContext();
    // The context has its own language builtins (Object, Array, ...); the
    // runtime's globals (process, Buffer, timers, ...) are shared with it.
    const own = new Set(vm.runInContext('Object.getOwnPropertyNames(globalThis)', context));
    for (const name of Object.getOwnPropertyNames(globalThis)) {
      if (name === 'console' || name === 'global' || own.has(name)) continue;
      const desc = Object.getOwnPropertyDescriptor(globalThis, name);
      if (desc) Object.defineProperty(context, name, desc);
    }
    context.global = context;
    const { Console } = require('internal/console');
    Object.defineProperty(context, 'console', {
      configurable: true,
      writable: true,
      value: new Console(this.output),
    });
  }
  const Module = require('internal/modules/cjs/loader');
  const replModule = new Module('<repl>');
  replModule.paths = Module._nodeModulePaths(process.cwd());
  Object.defineProperty(context, 'module', { configurable: true, writable: true, value: replModule });
  Object.defineProperty(context, 'require', {
    configurable: true,
    writable: true,
    value: Module.createRequire(path.join(process.cwd(), '<repl>')),
  });
  addBuiltinLibsToObject(context);
  return context;
};

// Builtin modules as lazy globals (`fs`, `path`, ...), replaceable by
// assignment.
function addBuiltinLibsToObject(object) {
  for (const name of getBuiltinModules()) {
    if (name.includes('/') || Object.prototype.hasOwnProperty.call(object, name)) continue;
    const set = (value) => {
      Object.defineProperty(object, name, { configurable: true, writable: true, enumerable: false, value });
    };
    Object.defineProperty(object, name, {
      configurable: true,
      enumerable: false,
      get() {
        const lib = require(name);
        set(lib);
        return lib;
      },
      set,
    });
  }
}

REPLServer.prototype.resetContext = function resetContext() {
  this.context = this.createContext();
  this.underscoreAssigned = false;
  this.underscoreErrAssigned = false;
  this.lines = [];
  const self = this;
  Object.defineProperty(this.context, '_', {
    configurable: true,
    get: () => self.last,
    set: (value) => {
      self.last = value;
      if (!self.underscoreAssigned) {
        self.underscoreAssigned = true;
        self._writeToOutput('Expression assignment to _ now disabled.\n');
      }
    },
  });
  Object.defineProperty(this.context, '_error', {
    configurable: true,
    get: () => self.lastError,
    set: (value) => {
      self.lastError = value;
      if (!self.underscoreErrAssigned) {
        self.underscoreErrAssigned = true;
        self._writeToOutput('Expression assignment to _error now disabled.\n');
      }
    },
  });
  this.emit('reset', this.context);
};

REPLServer.prototype.displayPrompt = function displayPrompt(preserveCursor) {
  let prompt = this._initialPrompt;
  if (this[kBuffered].length) prompt = '... ';
  else if (this.editorMode) prompt = '';
  Interface.prototype.setPrompt.call(this, prompt);
  this.prompt(preserveCursor);
};

// setPrompt() also changes the prompt displayPrompt() uses.
REPLServer.prototype.setPrompt = function setPrompt(prompt) {
  this._initialPrompt = prompt;
  Interface.prototype.setPrompt.call(this, prompt);
};

REPLServer.prototype.clearBufferedCommand = function clearBufferedCommand() {
  this[kBuffered] = '';
};

REPLServer.prototype.defineCommand = function defineCommand(keyword, cmd) {
  if (typeof cmd === 'function') cmd = { action: cmd };
  else if (cmd === null || typeof cmd !== 'object' || typeof cmd.action !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('cmd.action', 'Function', cmd && cmd.action);
  }
  this.commands[keyword] = cmd;
};

function defineDefaultCommands(repl) {
  repl.defineCommand('break', {
    help: 'Sometimes you get stuck, this gets you out',
    action() {
      this.clearBufferedCommand();
      this.displayPrompt();
    },
  });
  repl.defineCommand('clear', {
    help: repl.useGlobal ? 'Alias for .break' : 'Break, and also clear the local context',
    action() {
      this.clearBufferedCommand();
      if (!this.useGlobal) {
        this._writeToOutput('Clearing context...\n');
        this.resetContext();
      }
      this.displayPrompt();
    },
  });
  repl.defineCommand('exit', {
    help: 'Exit the REPL',
    action() {
      this.close();
    },
  });
  repl.defineCommand('help', {
    help: 'Print this help message',
    action() {
      const names = Object.keys(this.commands).sort();
      const width = Math.max(...names.map((n) => n.length));
      for (const name of names) {
        const help = this.commands[name].help || '';
        this._writeToOutput(help ? `.${name}${' '.repeat(width - name.length + 3)}${help}\n` : `.${name}\n`);
      }
      this._writeToOutput('\nPress Ctrl+C to abort current expression, Ctrl+D to exit the REPL\n');
      this.displayPrompt();
    },
  });
  repl.defineCommand('save', {
    help: 'Save all evaluated commands in this REPL session to a file',
    action(file) {
      try {
        fs.writeFileSync(file, this.lines.join('\n'));
        this._writeToOutput(`Session saved to: ${file}\n`);
      } catch {
        this._writeToOutput(`Failed to save: ${file}\n`);
      }
      this.displayPrompt();
    },
  });
  repl.defineCommand('load', {
    help: 'Load JS from a file into the REPL session',
    action(file) {
      let data;
      try {
        if (fs.statSync(file).isFile()) data = fs.readFileSync(file, 'utf8');
      } catch {
        // Reported below.
      }
      if (data === undefined) {
        this._writeToOutput(`Failed to load: ${file}\n`);
        this.displayPrompt();
        return;
      }
      this.clearBufferedCommand();
      for (const l of data.split('\n')) this.lines.push(l);
      this[kEvaluate](data.endsWith('\n') ? data : `${data}\n`);
      this.displayPrompt();
    },
  });
  if (repl.terminal) {
    repl.defineCommand('editor', {
      help: 'Enter editor mode',
      action() {
        this.clearBufferedCommand();
        this.editorMode = true;
        this[kEditorLines] = [];
        this._writeToOutput('// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)\n');
        this.displayPrompt();
      },
    });
  }
}

// Ctrl+D in editor mode evaluates what was typed; elsewhere it closes.
REPLServer.prototype._ttyWrite = function _ttyWrite(d, key) {
  if (this.editorMode && key && key.ctrl && key.name === 'd') {
    this.editorMode = false;
    const lines = this[kEditorLines];
    if (this.line.length) lines.push(this.line);
    this.line = '';
    this.cursor = 0;
    this._writeToOutput('\n');
    for (const l of lines) this.lines.push(l);
    const code = lines.join('\n');
    if (code.trim() === '') {
      this.displayPrompt();
      return;
    }
    this[kEvaluate](`${code}\n`);
    return;
  }
  Interface.prototype._ttyWrite.call(this, d, key);
};

// Tab completion: dot commands, require ids, properties of `a.b.` and
// the names in scope.
const kKeywords = [
  'async', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger',
  'default', 'delete', 'do', 'else', 'export', 'extends', 'false', 'finally', 'for',
  'function', 'if', 'import', 'in', 'instanceof', 'let', 'new', 'null', 'return', 'super',
  'switch', 'this', 'throw', 'true', 'try', 'typeof', 'undefined', 'var', 'void', 'while',
  'with', 'yield',
];

// Property names of `obj` by prototype level (own first), each level
// without the names a nearer level has.
function propertyGroups(obj) {
  const seen = new Set();
  const groups = [];
  let o = obj;
  for (let depth = 0; o !== null && o !== undefined && depth < 20; depth++) {
    let keys;
    try {
      keys = Object.getOwnPropertyNames(o);
    } catch {
      break;
    }
    const group = [];
    for (const k of keys) {
      if (!/^[A-Za-z_$][\w$]*$/.test(k) || /^__(?:define|lookup)[GS]etter__$/.test(k) || seen.has(k)) continue;
      seen.add(k);
      group.push(k);
    }
    groups.push(group.sort());
    o = Object.getPrototypeOf(o);
  }
  return groups;
}

function propertyNames(obj) {
  return propertyGroups(obj).flat();
}

REPLServer.prototype.complete = function complete(line, callback) {
  let completions = [];
  let completeOn = '';
  let m;
  if ((m = /^\s*\.(\w*)$/.exec(line)) !== null && this[kBuffered] === '') {
    completeOn = m[1];
    completions = Object.keys(this.commands).filter((c) => c.startsWith(completeOn)).sort();
    return callback(null, [completions, completeOn]);
  }
  if ((m = /\brequire\s*\(\s*(['"])([^'"]*)$/.exec(line)) !== null) {
    completeOn = m[2];
    const ids = new Set(getBuiltinModules());
    for (const id of getBuiltinModules()) ids.add(`node:${id}`);
    if (completeOn.startsWith('.')) {
      const dir = path.resolve(process.cwd(), path.dirname(`${completeOn}x`));
      try {
        for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
          const base = completeOn.slice(0, completeOn.lastIndexOf('/') + 1) || './';
          ids.add(base + ent.name + (ent.isDirectory() ? '/' : ''));
        }
      } catch {
        // No such directory: nothing to offer.
      }
    }
    completions = [...ids].filter((id) => id.startsWith(completeOn)).sort();
    return callback(null, [completions, completeOn]);
  }
  m = /(?:^|[^\w$.])((?:[A-Za-z_$][\w$]*\s*\.\s*)*)([A-Za-z_$][\w$]*)?$/.exec(line);
  if (m === null) return callback(null, [[], line]);
  const chain = m[1].replace(/\s+/g, '');
  const word = m[2] || '';
  if (chain !== '') {
    // Only plain property chains are evaluated (no calls), and the
    // completions are whole expressions (`Math.max` for `Math.ma`), as Node.
    let obj;
    try {
      const expr = chain.slice(0, -1);
      obj = this.useGlobal || this.context === globalThis ? vm.runInThisContext(expr) :
        vm.runInContext(expr, this.context);
    } catch {
      return callback(null, [[], chain + word]);
    }
    if (obj === null || obj === undefined) return callback(null, [[], chain + word]);
    const groups = propertyGroups(Object(obj))
      .map((g) => g.filter((n) => n.startsWith(word)).map((n) => chain + n))
      .filter((g) => g.length > 0)
      .reverse();
    completions = [];
    groups.forEach((g, i) => {
      if (i > 0) completions.push('');
      completions.push(...g);
    });
    return callback(null, [completions, chain + word]);
  }
  if (word === '') return callback(null, [[], word]);
  const names = [...propertyNames(this.context), ...kKeywords];
  if (this.useGlobal) names.push(...propertyNames(globalThis));
  completions = [...new Set(names)].filter((n) => n.startsWith(word)).sort();
  callback(null, [completions, word]);
};
REPLServer.prototype.completer = REPLServer.prototype.complete;

// History in a file, newest line first (as Node writes it).
REPLServer.prototype.setupHistory = function setupHistory(historyConfig, cb) {
  let file = historyConfig;
  let size = this.historySize;
  if (historyConfig !== null && typeof historyConfig === 'object') {
    file = historyConfig.filePath;
    if (historyConfig.size !== undefined) size = historyConfig.size;
  }
  if (typeof cb !== 'function') cb = () => {};
  if (typeof file !== 'string' || file.trim() === '') {
    process.nextTick(cb, null, this);
    return;
  }
  this.historySize = size;
  try {
    const data = fs.readFileSync(file, 'utf8');
    this.history = data.split(/[\n\r]+/, size);
  } catch (err) {
    if (err.code !== 'ENOENT') {
      process.nextTick(cb, err);
      return;
    }
  }
  const self = this;
  this.historyPath = file;
  this.on('history', (history) => {
    try {
      fs.writeFileSync(self.historyPath, history.join('\n'), { mode: 0o600 });
    } catch {
      // A history file that cannot be written only loses history.
    }
  });
  process.nextTick(cb, null, this);
};

// Whether `input` parses as a script (top-level await allowed), or as an
// expression after `_=`; nothing is run.
function isValidSyntax(input) {
  const compiles = (code) => {
    try {
      new vm.Script(code, { displayErrors: false });
      return true;
    } catch {
      return false;
    }
  };
  if (compiles(input) || compiles(`_=${input}`)) return true;
  return /\bawait\b/.test(input) && compiles(wrapTopLevelAwait(input));
}

function start(prompt, source, evalFn, useGlobal, ignoreUndefined, replMode) {
  return new REPLServer(prompt, source, evalFn, useGlobal, ignoreUndefined, replMode);
}

module.exports = {
  start,
  isValidSyntax,
  writer,
  REPLServer,
  REPL_MODE_SLOPPY,
  REPL_MODE_STRICT,
  Recoverable,
};
Object.defineProperty(module.exports, 'builtinModules', {
  configurable: true,
  enumerable: true,
  get: getBuiltinModules,
});
