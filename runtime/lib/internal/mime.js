'use strict';
// internal/mime: util.MIMEType and util.MIMEParams, the MIME type parser of
// the WHATWG MIME Sniffing standard as Node 20 exposes it.
//
// "Text/HTML; Charset=\"utf-8\"" parses to type "text", subtype "html" and
// the parameter charset=utf-8.  Type, subtype and parameter names are
// lower-cased; invalid parameters are dropped while parsing (the first of
// repeated names wins); values are quoted on output when they are empty or
// contain non-token characters.  Errors are ERR_INVALID_MIME_SYNTAX with the
// offending production and the index of the first bad character.

const {
  codes: { ERR_INVALID_MIME_SYNTAX },
} = require('internal/errors');

const NOT_HTTP_TOKEN_CODE_POINT = /[^!#$%&'*+\-.^_`|~A-Za-z0-9]/;
const NOT_HTTP_QUOTED_STRING_CODE_POINT = /[^\t\u0020-\u007E\u0080-\u00FF]/;
const END_BEGINNING_WHITESPACE = /[^\r\n\t ]|$/;
const START_ENDING_WHITESPACE = /[\r\n\t ]*$/;

const isHTTPWhitespace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

const paramsState = new WeakMap();
const mimeState = new WeakMap();

function paramsMap(self) {
  const map = paramsState.get(self);
  if (map === undefined) throw new TypeError('Illegal invocation');
  return map;
}

function encodeValue(value) {
  if (value.length === 0 || NOT_HTTP_TOKEN_CODE_POINT.test(value)) {
    return `"${value.replace(/["\\]/g, '\\$&')}"`;
  }
  return value;
}

class MIMEParams {
  constructor() {
    paramsState.set(this, new Map());
  }

  delete(name) {
    paramsMap(this).delete(`${name}`);
  }

  get(name) {
    const map = paramsMap(this);
    name = `${name}`;
    return map.has(name) ? map.get(name) : null;
  }

  has(name) {
    return paramsMap(this).has(`${name}`);
  }

  set(name, value) {
    const map = paramsMap(this);
    name = `${name}`;
    value = `${value}`;
    const invalidNameIndex = name.search(NOT_HTTP_TOKEN_CODE_POINT);
    if (name.length === 0 || invalidNameIndex !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('parameter name', name, invalidNameIndex);
    }
    const invalidValueIndex = value.search(NOT_HTTP_QUOTED_STRING_CODE_POINT);
    if (invalidValueIndex !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('parameter value', value, invalidValueIndex);
    }
    map.set(name, value);
  }

  * entries() {
    yield* paramsMap(this).entries();
  }

  * keys() {
    yield* paramsMap(this).keys();
  }

  * values() {
    yield* paramsMap(this).values();
  }

  toString() {
    let ret = '';
    for (const [key, value] of paramsMap(this)) {
      if (ret !== '') ret += ';';
      ret += `${key}=${encodeValue(value)}`;
    }
    return ret;
  }

  toJSON() {
    return this.toString();
  }
}
MIMEParams.prototype[Symbol.iterator] = MIMEParams.prototype.entries;

// Reads "; name=value" parameters from str at position into the map.
function parseParametersString(str, position, map) {
  const endOfSource = str.length;
  while (position < endOfSource) {
    // Skip the ';' and any whitespace.
    position += 1;
    while (position < endOfSource && isHTTPWhitespace(str[position])) position++;

    let nameEnd = position;
    while (nameEnd < endOfSource && str[nameEnd] !== ';' && str[nameEnd] !== '=') nameEnd++;
    const name = str.slice(position, nameEnd).toLowerCase();
    position = nameEnd;
    if (position >= endOfSource) break;
    if (str[position] === ';') continue;
    position += 1; // '='
    if (position >= endOfSource) break;

    let value;
    if (str[position] === '"') {
      // An HTTP quoted string with backslash escapes.
      value = '';
      position += 1;
      for (;;) {
        let stop = position;
        while (stop < endOfSource && str[stop] !== '"' && str[stop] !== '\\') stop++;
        value += str.slice(position, stop);
        position = stop;
        if (position >= endOfSource) break;
        const quoteOrBackslash = str[position];
        position += 1;
        if (quoteOrBackslash === '\\') {
          if (position >= endOfSource) {
            value += '\\';
            break;
          }
          value += str[position];
          position += 1;
        } else {
          break;
        }
      }
      while (position < endOfSource && str[position] !== ';') position++;
    } else {
      let valueEnd = position;
      while (valueEnd < endOfSource && str[valueEnd] !== ';') valueEnd++;
      value = str.slice(position, valueEnd);
      position = valueEnd;
      let trimmed = value.length;
      while (trimmed > 0 && isHTTPWhitespace(value[trimmed - 1])) trimmed--;
      value = value.slice(0, trimmed);
      if (value === '') continue;
    }
    if (name !== '' &&
        !NOT_HTTP_TOKEN_CODE_POINT.test(name) &&
        !NOT_HTTP_QUOTED_STRING_CODE_POINT.test(value) &&
        !map.has(name)) {
      map.set(name, value);
    }
  }
}

function parseTypeAndSubtype(str) {
  let position = str.search(END_BEGINNING_WHITESPACE);
  const typeEnd = str.indexOf('/', position);
  const trimmedType = typeEnd === -1 ? str.slice(position) : str.slice(position, typeEnd);
  const invalidTypeIndex = trimmedType.search(NOT_HTTP_TOKEN_CODE_POINT);
  if (trimmedType === '' || invalidTypeIndex !== -1 || typeEnd === -1) {
    throw new ERR_INVALID_MIME_SYNTAX('type', str, invalidTypeIndex);
  }
  position = typeEnd + 1;
  const type = trimmedType.toLowerCase();
  const subtypeEnd = str.indexOf(';', position);
  const rawSubtype = subtypeEnd === -1 ? str.slice(position) : str.slice(position, subtypeEnd);
  position += rawSubtype.length;
  const trimmedSubtype = rawSubtype.slice(0, rawSubtype.search(START_ENDING_WHITESPACE));
  const invalidSubtypeIndex = trimmedSubtype.search(NOT_HTTP_TOKEN_CODE_POINT);
  if (trimmedSubtype === '' || invalidSubtypeIndex !== -1) {
    throw new ERR_INVALID_MIME_SYNTAX('subtype', str, invalidSubtypeIndex);
  }
  return { type, subtype: trimmedSubtype.toLowerCase(), parametersStart: position };
}

function mime(self) {
  const state = mimeState.get(self);
  if (state === undefined) throw new TypeError('Illegal invocation');
  return state;
}

class MIMEType {
  constructor(string) {
    string = `${string}`;
    const { type, subtype, parametersStart } = parseTypeAndSubtype(string);
    const parameters = new MIMEParams();
    parseParametersString(string, parametersStart, paramsMap(parameters));
    mimeState.set(this, { type, subtype, parameters });
  }

  get type() {
    return mime(this).type;
  }

  set type(v) {
    v = `${v}`;
    const invalidTypeIndex = v.search(NOT_HTTP_TOKEN_CODE_POINT);
    if (v.length === 0 || invalidTypeIndex !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('type', v, invalidTypeIndex);
    }
    mime(this).type = v.toLowerCase();
  }

  get subtype() {
    return mime(this).subtype;
  }

  set subtype(v) {
    v = `${v}`;
    const invalidSubtypeIndex = v.search(NOT_HTTP_TOKEN_CODE_POINT);
    if (v.length === 0 || invalidSubtypeIndex !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('subtype', v, invalidSubtypeIndex);
    }
    mime(this).subtype = v.toLowerCase();
  }

  get essence() {
    const { type, subtype } = mime(this);
    return `${type}/${subtype}`;
  }

  get params() {
    return mime(this).parameters;
  }

  toString() {
    const { type, subtype, parameters } = mime(this);
    let ret = `${type}/${subtype}`;
    const paramsStr = parameters.toString();
    if (paramsStr.length) ret += `;${paramsStr}`;
    return ret;
  }

  toJSON() {
    return this.toString();
  }
}

module.exports = { MIMEParams, MIMEType };
