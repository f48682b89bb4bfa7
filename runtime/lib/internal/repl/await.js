'use strict';
// internal/repl/await — top-level `await` in the REPL.  Code that V8
// rejects because it awaits outside an async function is rewritten into an
// async arrow function that is called at once: the value of the last
// expression statement is returned (as `{ value }`), and top-level
// `let`/`const`/`var` declarations with plain identifiers are hoisted out of
// the function (as `let`/`var` of the script) so the names stay defined for
// the next inputs, as in Node's REPL.  A small scanner finds the statements
// at nesting depth 0 (strings, templates, comments and regular expressions
// are skipped; a newline ends a statement where the next line cannot
// continue it); function and class declarations become assignments to
// hoisted names.  No full parser is involved: destructuring declarations
// stay local to that one input.

const kOperatorWords = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw',
  'case', 'do', 'else', 'yield', 'await',
]);

// Scans `src` and returns the positions of `;` and `,` at depth 0.
function scanTopLevel(src) {
  const semis = [];
  const commas = [];
  const newlines = [];
  let i = 0;
  let depth = 0;
  let prev = ''; // kind of the last significant token: 'value', 'op' or ''
  const n = src.length;

  function skipString(q) {
    i++;
    while (i < n && src[i] !== q) {
      if (src[i] === '\\') i++;
      else if (src[i] === '\n') return;
      i++;
    }
    i++;
  }
  function skipTemplate() {
    i++;
    while (i < n && src[i] !== '`') {
      if (src[i] === '\\') {
        i += 2;
      } else if (src[i] === '$' && src[i + 1] === '{') {
        i += 2;
        skipUntilBrace();
      } else {
        i++;
      }
    }
    i++;
  }
  // Skips an expression up to (and past) the matching `}`.
  function skipUntilBrace() {
    let d = 0;
    while (i < n) {
      const c = src[i];
      if (c === '}' && d === 0) { i++; return; }
      if (c === '{') d++;
      else if (c === '}') d--;
      if (c === '"' || c === "'") { skipString(c); continue; }
      if (c === '`') { skipTemplate(); continue; }
      if (c === '/' && src[i + 1] === '/') { while (i < n && src[i] !== '\n') i++; continue; }
      if (c === '/' && src[i + 1] === '*') { const e = src.indexOf('*/', i + 2); i = e < 0 ? n : e + 2; continue; }
      i++;
    }
  }
  function skipRegExp() {
    i++;
    let cls = false;
    while (i < n && src[i] !== '\n') {
      const c = src[i];
      if (c === '\\') { i += 2; continue; }
      if (c === '[') cls = true;
      else if (c === ']') cls = false;
      else if (c === '/' && !cls) break;
      i++;
    }
    i++;
    while (i < n && /[a-z]/.test(src[i])) i++;
  }

  while (i < n) {
    const c = src[i];
    if (c === '\n' && depth === 0 && prev === 'value' && endsStatement(src, i + 1)) {
      newlines.push(i);
      prev = '';
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { i++; continue; }
    if (c === '/' && src[i + 1] === '/') { while (i < n && src[i] !== '\n') i++; continue; }
    if (c === '/' && src[i + 1] === '*') { const e = src.indexOf('*/', i + 2); i = e < 0 ? n : e + 2; continue; }
    if (c === '"' || c === "'") { skipString(c); prev = 'value'; continue; }
    if (c === '`') { skipTemplate(); prev = 'value'; continue; }
    if (c === '/') {
      if (prev === 'value') { i++; prev = 'op'; } else { skipRegExp(); prev = 'value'; }
      continue;
    }
    if (/[A-Za-z0-9_$]/.test(c)) {
      const m = /^[A-Za-z0-9_$]+/.exec(src.slice(i, i + 64));
      const word = m[0];
      i += word.length;
      prev = kOperatorWords.has(word) ? 'op' : 'value';
      continue;
    }
    if (c === '(' || c === '[' || c === '{') { depth++; prev = 'op'; i++; continue; }
    if (c === ')' || c === ']' || c === '}') { depth--; prev = 'value'; i++; continue; }
    if (depth === 0 && c === ';') semis.push(i);
    if (depth === 0 && c === ',') commas.push(i);
    prev = 'op';
    i++;
  }
  return { semis, commas, newlines };
}

// Whether a newline before `src[from..]` ends a statement (automatic
// semicolon insertion, roughly): the next line starts with something that
// cannot continue an expression.
function endsStatement(src, from) {
  const rest = src.slice(from).replace(/^\s+/, '');
  if (rest === '') return false;
  if (/^(?:in|instanceof|of)\b/.test(rest)) return false;
  return /^(?:[A-Za-z0-9_$'"{!~@#]|\+\+|--|\/\/|\/\*)/.test(rest);
}

const kStatementStart = /^(?:let|const|var|function|class|if|for|while|do|try|switch|return|throw|import|export|break|continue|debugger)\b|^\{/;
const kDeclaration = /^(let|const|var)\s+/;

// Returns the rewritten script for `src`.
function wrapTopLevelAwait(src) {
  const { semis, commas, newlines } = scanTopLevel(src);
  const bounds = [...semis, ...newlines, src.length].sort((a, b) => a - b);
  const isNewline = new Set(newlines);
  const hoistLet = [];
  const hoistVar = [];
  const parts = [];
  let start = 0;
  let lastExpr = -1;
  for (const end of bounds) {
    const raw = src.slice(start, end);
    const text = raw.trim();
    const lead = raw.slice(0, raw.length - raw.trimStart().length);
    // `function f() {}` and `class C {}` become assignments to names
    // declared outside, so they stay defined too.
    const fn = /^(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*\(/.exec(text);
    const cls = fn === null ? /^class\s+([A-Za-z_$][\w$]*)[\s{]/.exec(text) : null;
    if ((fn !== null || cls !== null) && text.endsWith('}')) {
      const name = (fn || cls)[1];
      (fn !== null ? hoistVar : hoistLet).push(name);
      parts.push(`${lead}void (${name} = ${text})`);
      start = end + 1;
      continue;
    }
    const decl = kDeclaration.exec(text);
    if (decl !== null) {
      // Split the declarators at the depth-0 commas of this statement.
      const offset = start + lead.length + decl[0].length;
      const cuts = commas.filter((p) => p > offset && p < end);
      const declarators = [];
      let from = offset;
      for (const p of [...cuts, start + lead.length + text.length]) {
        declarators.push(src.slice(from, p).trim());
        from = p + 1;
      }
      const names = declarators.map((d) => /^([A-Za-z_$][\w$]*)\s*(=|$)/.exec(d));
      if (names.every((m) => m !== null)) {
        (decl[1] === 'var' ? hoistVar : hoistLet).push(...names.map((m) => m[1]));
        const assigns = declarators.filter((d) => d.includes('='));
        parts.push(lead + (assigns.length ? `void (${assigns.join(', ')})` : ''));
        start = end + 1;
        continue;
      }
    }
    const bare = text.replace(/^(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/, '');
    if (bare !== '') lastExpr = kStatementStart.test(bare) ? -1 : parts.length;
    parts.push(raw);
    start = end + 1;
  }
  if (lastExpr !== -1) {
    const raw = parts[lastExpr];
    parts[lastExpr] = `return { value: (${raw.trim()}\n) }`;
  }
  let head = '';
  if (hoistLet.length) head += `let ${hoistLet.join(', ')}; `;
  if (hoistVar.length) head += `var ${hoistVar.join(', ')}; `;
  let body = parts[0];
  for (let k = 1; k < parts.length; k++) body += (isNewline.has(bounds[k - 1]) ? ';\n' : ';') + parts[k];
  return `${head}(async () => { ${body}\n})()`;
}

module.exports = { wrapTopLevelAwait, scanTopLevel };
