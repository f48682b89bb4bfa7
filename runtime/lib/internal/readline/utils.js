'use strict';
// internal/readline/utils — terminal helpers for readline: the CSI escape
// builder, display width of strings (wide CJK/emoji count 2, combining marks
// 0), ANSI escape stripping, surrogate-aware character lengths, the common
// prefix of completions, and emitKeys(), the generator that turns input
// characters into 'keypress' events ({ sequence, name, ctrl, meta, shift }).

const kEscape = '\x1b';
const kSubstringSearch = Symbol('kSubstringSearch');

function CSI(strings, ...args) {
  let ret = `${kEscape}[`;
  for (let n = 0; n < strings.length; n++) {
    ret += strings[n];
    if (n < args.length) ret += args[n];
  }
  return ret;
}
CSI.kEscape = kEscape;
CSI.kClearToLineBeginning = CSI`1K`;
CSI.kClearToLineEnd = CSI`0K`;
CSI.kClearLine = CSI`2K`;
CSI.kClearScreenDown = CSI`0J`;

const ansiPattern = '[\\u001B\\u009B][[\\]()#;?]*' +
  '(?:(?:(?:(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]+)*' +
  '|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]*)*)?' +
  '(?:\\u0007|\\u001B\\u005C|\\u009C))' +
  '|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?' +
  '[\\dA-PR-TZcf-ntqry=><~]))';
const ansi = new RegExp(ansiPattern, 'g');

function stripVTControlCharacters(str) {
  return str.replace(ansi, '');
}

function isFullWidthCodePoint(code) {
  return code >= 0x1100 && (
    code <= 0x115f ||
    code === 0x2329 || code === 0x232a ||
    (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
    (code >= 0x3250 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0xa4c6) ||
    (code >= 0xa960 && code <= 0xa97c) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe10 && code <= 0xfe19) ||
    (code >= 0xfe30 && code <= 0xfe6b) ||
    (code >= 0xff01 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1b000 && code <= 0x1b001) ||
    (code >= 0x1f200 && code <= 0x1f251) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd));
}

function isZeroWidthCodePoint(code) {
  return code <= 0x1F ||
    (code >= 0x7F && code <= 0x9F) ||
    (code >= 0x300 && code <= 0x36F) ||
    (code >= 0x200B && code <= 0x200F) ||
    (code >= 0x20D0 && code <= 0x20FF) ||
    (code >= 0xFE00 && code <= 0xFE0F) ||
    (code >= 0xFE20 && code <= 0xFE2F) ||
    (code >= 0xE0100 && code <= 0xE01EF);
}

function getStringWidth(str, removeControlChars = true) {
  let width = 0;
  if (removeControlChars) str = stripVTControlCharacters(str);
  str = str.normalize('NFC');
  for (const char of str) {
    const code = char.codePointAt(0);
    if (isFullWidthCodePoint(code)) width += 2;
    else if (!isZeroWidthCodePoint(code)) width++;
  }
  return width;
}

function charLengthLeft(str, i) {
  if (i <= 0) return 0;
  if ((i > 1 && str.codePointAt(i - 2) >= 2 ** 16) || str.codePointAt(i - 1) >= 2 ** 16) return 2;
  return 1;
}

function charLengthAt(str, i) {
  if (str.length <= i) return 1; // pretend there is a character to move over
  return str.codePointAt(i) >= 2 ** 16 ? 2 : 1;
}

function commonPrefix(strings) {
  if (strings.length === 0) return '';
  if (strings.length === 1) return strings[0];
  const sorted = [...strings].sort();
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  for (let i = 0; i < min.length; i++) {
    if (min[i] !== max[i]) return min.slice(0, i);
  }
  return min;
}

const keyNames = {
  // xterm/gnome ESC O letter, ESC [ number ~
  '[P': 'f1', 'OP': 'f1', '[11~': 'f1', '[[A': 'f1',
  '[Q': 'f2', 'OQ': 'f2', '[12~': 'f2', '[[B': 'f2',
  '[R': 'f3', 'OR': 'f3', '[13~': 'f3', '[[C': 'f3',
  '[S': 'f4', 'OS': 'f4', '[14~': 'f4', '[[D': 'f4',
  '[15~': 'f5', '[[E': 'f5', '[17~': 'f6', '[18~': 'f7', '[19~': 'f8',
  '[20~': 'f9', '[21~': 'f10', '[23~': 'f11', '[24~': 'f12',
  '[200~': 'paste-start', '[201~': 'paste-end',
  '[A': 'up', 'OA': 'up', '[B': 'down', 'OB': 'down',
  '[C': 'right', 'OC': 'right', '[D': 'left', 'OD': 'left',
  '[E': 'clear', 'OE': 'clear', '[F': 'end', 'OF': 'end', '[H': 'home', 'OH': 'home',
  '[1~': 'home', '[2~': 'insert', '[3~': 'delete', '[4~': 'end',
  '[5~': 'pageup', '[6~': 'pagedown', '[[5~': 'pageup', '[[6~': 'pagedown',
  '[7~': 'home', '[8~': 'end',
  '[Z': 'tab',
};
// rxvt: shift and ctrl variants named by the final character.
const shiftKeys = {
  '[a': 'up', '[b': 'down', '[c': 'right', '[d': 'left', '[e': 'clear',
  '[2$': 'insert', '[3$': 'delete', '[5$': 'pageup', '[6$': 'pagedown',
  '[7$': 'home', '[8$': 'end', '[Z': 'tab',
};
const ctrlKeys = {
  'Oa': 'up', 'Ob': 'down', 'Oc': 'right', 'Od': 'left', 'Oe': 'clear',
  '[2^': 'insert', '[3^': 'delete', '[5^': 'pageup', '[6^': 'pagedown',
  '[7^': 'home', '[8^': 'end',
};

function isDigit(ch) {
  return ch >= '0' && ch <= '9';
}

// A generator fed one character at a time with next(ch); emits 'keypress'
// on `stream` as soon as a whole key is seen.  An ESC alone waits for the
// next character (emitKeypressEvents feeds '' after a timeout).
function* emitKeys(stream) {
  while (true) {
    let ch = yield;
    let s = ch;
    let escaped = false;
    const key = { sequence: null, name: undefined, ctrl: false, meta: false, shift: false };

    if (ch === kEscape) {
      escaped = true;
      s += (ch = yield);
      if (ch === kEscape) s += (ch = yield);
    }

    if (escaped && (ch === 'O' || ch === '[')) {
      let code = ch;
      let modifier = 0;
      if (ch === 'O') {
        // ESC O letter, ESC O modifier letter
        s += (ch = yield);
        if (isDigit(ch)) {
          modifier = (ch >> 0) - 1;
          s += (ch = yield);
        }
        code += ch;
      } else if (ch === '[') {
        // ESC [ letter, ESC [ modifier letter, ESC [ [ letter,
        // ESC [ number ~, ESC [ number ; modifier ~, ...
        s += (ch = yield);
        if (ch === '[') {
          code += ch;
          s += (ch = yield);
        }
        const cmdStart = s.length - 1;
        if (isDigit(ch)) {
          s += (ch = yield);
          if (isDigit(ch)) {
            s += (ch = yield);
            if (isDigit(ch)) s += (ch = yield);
          }
        }
        if (ch === ';') {
          s += (ch = yield);
          if (isDigit(ch)) s += (ch = yield);
        }
        const cmd = s.slice(cmdStart);
        let match;
        if ((match = /^(?:(\d\d?)(?:;(\d))?([~^$])|(\d{3}~))$/.exec(cmd))) {
          if (match[4]) {
            code += match[4];
          } else {
            code += match[1] + match[3];
            modifier = (match[2] || 1) - 1;
          }
        } else if ((match = /^((\d;)?(\d))?([A-Za-z])$/.exec(cmd))) {
          code += match[4];
          modifier = (match[3] || 1) - 1;
        } else {
          code += cmd;
        }
      }

      key.ctrl = !!(modifier & 4);
      key.meta = !!(modifier & 10);
      key.shift = !!(modifier & 1);
      key.code = code;

      if (Object.prototype.hasOwnProperty.call(keyNames, code)) {
        key.name = keyNames[code];
        if (code === '[Z') key.shift = true;
      } else if (Object.prototype.hasOwnProperty.call(shiftKeys, code)) {
        key.name = shiftKeys[code];
        key.shift = true;
      } else if (Object.prototype.hasOwnProperty.call(ctrlKeys, code)) {
        key.name = ctrlKeys[code];
        key.ctrl = true;
      } else {
        key.name = 'undefined';
      }
    } else if (ch === '\r') {
      key.name = 'return';
      key.meta = escaped;
    } else if (ch === '\n') {
      key.name = 'enter';
      key.meta = escaped;
    } else if (ch === '\t') {
      key.name = 'tab';
      key.meta = escaped;
    } else if (ch === '\b' || ch === '\x7f') {
      key.name = 'backspace';
      key.meta = escaped;
    } else if (ch === kEscape) {
      key.name = 'escape';
      key.meta = escaped;
    } else if (ch === ' ') {
      key.name = 'space';
      key.meta = escaped;
    } else if (!escaped && ch <= '\x1a') {
      // ctrl+letter
      key.name = String.fromCharCode(ch.charCodeAt(0) + 'a'.charCodeAt(0) - 1);
      key.ctrl = true;
    } else if (/^[0-9A-Za-z]$/.test(ch)) {
      key.name = ch.toLowerCase();
      key.shift = /^[A-Z]$/.test(ch);
      key.meta = escaped;
    } else if (escaped) {
      key.name = ch.length ? undefined : 'escape';
      key.meta = true;
    }

    key.sequence = s;
    if (s.length !== 0 && (key.name !== undefined || escaped)) {
      stream.emit('keypress', escaped ? undefined : s, key);
    } else if (charLengthAt(s, 0) === s.length) {
      stream.emit('keypress', s, key);
    }
    // Otherwise a lone surrogate half: dropped.
  }
}

module.exports = {
  CSI,
  charLengthAt,
  charLengthLeft,
  commonPrefix,
  emitKeys,
  getStringWidth,
  stripVTControlCharacters,
  kSubstringSearch,
};
