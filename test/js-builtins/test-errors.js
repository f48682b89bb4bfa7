'use strict';
// internal/errors and internal/validators against Node's own internal/errors
// (available with --expose-internals): same message, name, code, toString
// and stack header for each code and argument list.

const util = require('util');
const { load, check } = require('./harness');
const ours = load('internal/errors');
const v = load('internal/validators');
const nodeErrors = require('internal/errors');
const nodeValidators = require('internal/validators');

function describe(e) {
  return [Object.getOwnPropertyNames(e).join(), e.constructor.name, e.name, e.code, e.message, String(e), e.stack.split('\n')[0],
    Object.keys(e).join(','), e instanceof TypeError, e instanceof RangeError,
    Object.getPrototypeOf(e) === Error.prototype].join(' | ');
}

const cases = [
  ['ERR_INVALID_ARG_TYPE', 'path', 'string', 1],
  ['ERR_INVALID_ARG_TYPE', 'path', ['string', 'Buffer', 'URL'], null],
  ['ERR_INVALID_ARG_TYPE', 'options', 'Object', 'str'],
  ['ERR_INVALID_ARG_TYPE', 'cb', 'Function', undefined],
  ['ERR_INVALID_ARG_TYPE', 'first argument', ['string', 'number', 'object'], {}],
  ['ERR_INVALID_ARG_TYPE', 'a.b', ['object', 'Buffer'], new Map()],
  ['ERR_INVALID_ARG_TYPE', 'x', ['Buffer', 'TypedArray', 'DataView'], 'a very long string that goes on and on'],
  ['ERR_INVALID_ARG_TYPE', 'x', ['a', 'b', 'c'], Symbol('s')],
  ['ERR_INVALID_ARG_TYPE', 'x', ['null', 'undefined'], function named() {}],
  ['ERR_INVALID_ARG_TYPE', 'x', 'an iterable', () => {}],
  ['ERR_INVALID_ARG_TYPE', 'x', ['string', 'Buffer', 'TypedArray', 'DataView'], Object.create(null)],
  ['ERR_INVALID_ARG_TYPE', 'x', 'number', 12n],
  ['ERR_INVALID_ARG_TYPE', 'x', 'number', 12345678901234567890123456789012345n],
  ['ERR_INVALID_ARG_TYPE', 'x', 'number', 'a\nb'.repeat(12)],
  ['ERR_INVALID_ARG_TYPE', 'x', 'number', 'ab\'c"d'.repeat(2)],
  ['ERR_INVALID_ARG_TYPE', 'x', 'number', 'x'.repeat(28)],
  ['ERR_INVALID_ARG_TYPE', 'x', 'number', 'x'.repeat(29)],
  ['ERR_INVALID_ARG_TYPE', 'x', 'number', Symbol('y'.repeat(30))],
  ['ERR_INVALID_ARG_VALUE', 'encoding', 'utf9'],
  ['ERR_INVALID_ARG_VALUE', 'opts.x', { a: 1 }, 'must be nice'],
  ['ERR_INVALID_ARG_VALUE', 'long', 'x'.repeat(300)],
  ['ERR_OUT_OF_RANGE', 'offset', '>= 0 && <= 10', 11],
  ['ERR_OUT_OF_RANGE', 'size', 'an integer', 2 ** 40],
  ['ERR_OUT_OF_RANGE', 'big', '< 2n', 2n ** 40n],
  ['ERR_OUT_OF_RANGE', 'The value is wrong.', 'ok', -0, true],
  ['ERR_MISSING_ARGS', 'a'],
  ['ERR_MISSING_ARGS', 'a', 'b'],
  ['ERR_MISSING_ARGS', 'a', ['b', 'c'], 'd'],
  ['ERR_UNHANDLED_ERROR'],
  ['ERR_UNHANDLED_ERROR', "'x'"],
  ['ERR_INVALID_RETURN_VALUE', 'an object', 'fn', 5],
  ['ERR_INVALID_RETURN_VALUE', 'an object', 'fn', new Map()],
  ['ERR_METHOD_NOT_IMPLEMENTED', '_read()'],
  ['ERR_STREAM_PREMATURE_CLOSE'],
  ['ERR_STREAM_WRITE_AFTER_END'],
  ['ERR_STREAM_DESTROYED', 'write'],
  ['ERR_STREAM_PUSH_AFTER_EOF'],
  ['ERR_STREAM_NULL_VALUES'],
  ['ERR_STREAM_ALREADY_FINISHED', 'end'],
  ['ERR_MULTIPLE_CALLBACK'],
  ['ERR_MODULE_NOT_FOUND', 'foo', '/a/b.js', undefined],
  ['ERR_MODULE_NOT_FOUND', '/x/foo.js', '/a/b.js', 'file:///x/foo.js'],
  ['ERR_REQUIRE_ESM', '/a/b.mjs', false],
  ['ERR_REQUIRE_ESM', '/a/b.js', true, '/a/c.js', '/a/package.json'],
  ['ERR_REQUIRE_ESM', '/a/b.js', false, '/a/c.js', '/a/package.json'],
  ['ERR_UNKNOWN_BUILTIN_MODULE', 'nope'],
  ['ERR_INVALID_URL', 'http://['],
  ['ERR_INVALID_URL_SCHEME', 'file'],
  ['ERR_INVALID_FILE_URL_HOST', 'linux'],
  ['ERR_INVALID_FILE_URL_PATH', 'must be absolute'],
  ['ERR_INVALID_THIS', 'URLSearchParams'],
  ['ERR_INVALID_TUPLE', 'Each query pair', '[name, value]'],
  ['ERR_ARG_NOT_ITERABLE', 'Query pairs'],
  ['ERR_MISSING_OPTION', 'options.x'],
  ['ERR_UNKNOWN_ENCODING', 'utf9'],
  ['ERR_INVALID_CHAR', 'header content', 'x'],
  ['ERR_FALSY_VALUE_REJECTION', 0],
  ['ERR_INVALID_STATE', 'closed'],
  ['ERR_EVENT_RECURSION', 'foo'],
  ['ERR_ILLEGAL_CONSTRUCTOR'],
  ['ERR_BUFFER_OUT_OF_BOUNDS'],
  ['ERR_BUFFER_OUT_OF_BOUNDS', 'offset'],
  ['ERR_PACKAGE_PATH_NOT_EXPORTED', '/p/', './x', '/a.js'],
  ['ERR_PACKAGE_PATH_NOT_EXPORTED', '/p/', '.'],
  ['ERR_SOCKET_BAD_PORT', 'Port', 70000],
  ['ERR_SOCKET_BAD_PORT', 'Port', 0, false],
  ['ERR_PARSE_ARGS_UNKNOWN_OPTION', '-x', true],
  ['ERR_PARSE_ARGS_UNKNOWN_OPTION', '--foo', false],
  ['ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL', 'pos'],
  ['ERR_PARSE_ARGS_INVALID_OPTION_VALUE', 'bad value'],
  ['ERR_UNKNOWN_SIGNAL', 'SIGFOO'],
  ['ERR_INTERNAL_ASSERTION', 'oops'],
  ['ERR_INVALID_FD', -1],
  ['ERR_USE_AFTER_CLOSE', 'readline'],
  ['ERR_ENCODING_NOT_SUPPORTED', 'x'],
  ['ERR_INCOMPATIBLE_OPTION_PAIR', 'a', 'b'],
  ['ERR_UNKNOWN_FILE_EXTENSION', '.ts', '/a.ts'],
  ['ERR_UNSUPPORTED_DIR_IMPORT', '/a/', '/b.mjs', 'file:///a/'],
  ['ERR_UNSUPPORTED_DIR_IMPORT', '/a/', '/b.mjs', undefined],
  ['ERR_INVALID_MODULE_SPECIFIER', 'x', 'is bad', '/a'],
  ['ERR_FS_INVALID_SYMLINK_TYPE', 'bad'],
  ['ERR_CHILD_PROCESS_IPC_REQUIRED', 'options.stdio'],
  ['ERR_CHILD_PROCESS_STDIO_MAXBUFFER', 'stdout'],
  ['ERR_INSPECTOR_ALREADY_ACTIVATED'],
  ['ERR_INSPECTOR_ALREADY_CONNECTED', 'The inspector session'],
  ['ERR_INSPECTOR_CLOSED'],
  ['ERR_INSPECTOR_COMMAND', -32601, 'Method not found'],
  ['ERR_INSPECTOR_NOT_ACTIVE'],
  ['ERR_INSPECTOR_NOT_AVAILABLE'],
  ['ERR_INSPECTOR_NOT_CONNECTED'],
  ['ERR_INVALID_CURSOR_POS'],
  ['ERR_IPC_CHANNEL_CLOSED'],
  ['ERR_IPC_DISCONNECTED'],
  ['ERR_IPC_ONE_PIPE'],
  ['ERR_IPC_SYNC_FORK'],
  ['ERR_CONSOLE_WRITABLE_STREAM', 'stdout'],
  ['ERR_INVALID_MIME_SYNTAX', 'type', 'x y', 1],
  ['ERR_INVALID_MIME_SYNTAX', 'subtype', 'x/', -1],
];
for (const [code, ...args] of cases) {
  let expected;
  let actual;
  try { expected = describe(new nodeErrors.codes[code](...args)); } catch (e) { expected = `throws ${e.message}`; }
  try { actual = describe(new ours.codes[code](...args)); } catch (e) { actual = `throws ${e.stack}`; }
  check(`${code} ${util.inspect(args)}`, actual, expected);
}

for (const [code, Other, ...args] of [
  ['ERR_INVALID_ARG_VALUE', 'RangeError', 'x', 1],
  ['ERR_INVALID_RETURN_VALUE', 'RangeError', 'a', 'b', 1],
  ['ERR_INVALID_STATE', 'TypeError', 'x'],
]) {
  check(`${code}.${Other}`, describe(new ours.codes[code][Other](...args)),
    describe(new nodeErrors.codes[code][Other](...args)));
}

// Inspected like Node: "TypeError [ERR_X]: msg\n    at ... {\n  code: 'ERR_X'\n}".
{
  const e = new ours.codes.ERR_INVALID_ARG_TYPE('path', 'string', 1);
  const lines = util.inspect(e).split('\n');
  check('inspect header', lines[0], 'TypeError [ERR_INVALID_ARG_TYPE]: The "path" argument must be of type string. Received type number (1)');
  check('inspect code', lines.slice(-2).join('\n'), "  code: 'ERR_INVALID_ARG_TYPE'\n}");
  check('top frame is the caller', /test-errors\.js/.test(lines[1]), true);
}

{
  const e = new ours.AbortError();
  const n = new nodeErrors.AbortError();
  check('AbortError', [e.name, e.code, e.message, Object.keys(e).join()].join('|'),
    [n.name, n.code, n.message, Object.keys(n).join()].join('|'));
}

// Validators.
const validatorCases = [
  ['validateString', 1, 'name'],
  ['validateString', 'ok', 'name'],
  ['validateNumber', '1', 'n'],
  ['validateNumber', 5, 'n', 0, 4],
  ['validateNumber', NaN, 'n', 0],
  ['validateNumber', 5, 'n', undefined, 4],
  ['validateInteger', 1.5, 'i'],
  ['validateInteger', 2 ** 60, 'i'],
  ['validateInteger', -1, 'i', 0],
  ['validateInt32', 2 ** 31, 'i'],
  ['validateInt32', 'x', 'i'],
  ['validateUint32', -1, 'u'],
  ['validateUint32', 0, 'u', true],
  ['validateBoolean', 0, 'b'],
  ['validateObject', null, 'o'],
  ['validateObject', [], 'o'],
  ['validateObject', 'x', 'o'],
  ['validateObject', {}, 'o'],
  ['validateArray', {}, 'a'],
  ['validateArray', [], 'a', 1],
  ['validateFunction', 1, 'f'],
  ['validateOneOf', 'c', 'x', ['a', 'b', 1]],
  ['validateAbortSignal', {}, 'signal'],
  ['validateAbortSignal', null, 'signal'],
  ['validatePort', 70000],
  ['validatePort', '', 'p'],
  ['validatePort', 0, 'p', false],
  ['validatePort', '80'],
  ['validateStringArray', ['a', 1], 'arr'],
  ['validateBuffer', 'x'],
  ['validateUnion', 'z', 'u', ['a', 'b']],
  ['validateSignalName', 'sigint'],
  ['validateSignalName', 'SIGNOPE'],
  ['parseFileMode', '0o7', 'mode'],
  ['parseFileMode', '755', 'mode'],
  ['validateEncoding', 'abc', 'hex'],
];
function run(fn) {
  try {
    return `ok ${util.inspect(fn())}`;
  } catch (e) {
    return `${e.name} ${e.code} ${e.message}`;
  }
}
for (const [name, ...args] of validatorCases) {
  check(`validator ${name} ${util.inspect(args)}`,
    run(() => v[name](...args)), run(() => nodeValidators[name](...args)));
}

// Other builtins register their own codes with the exported E().
{
  ours.E('ERR_TEST_REGISTERED', 'Registered %s', RangeError, TypeError);
  const e = new ours.codes.ERR_TEST_REGISTERED('later');
  check('E() registers a code', `${e.name} ${e.code} ${e.message} ${e instanceof RangeError} ${e.stack.split('\n')[0]}`,
    'RangeError ERR_TEST_REGISTERED Registered later true RangeError [ERR_TEST_REGISTERED]: Registered later');
  check('E() other base', new ours.codes.ERR_TEST_REGISTERED.TypeError('x') instanceof TypeError, true);
}
