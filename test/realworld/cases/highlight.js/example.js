// highlight.js documented usage: highlight with a language and auto-detect.
const hljs = require('highlight.js');
const code = 'function add(a, b) {\n  // sum\n  return a + b * 2 + "x";\n}\n';
console.log(hljs.highlight(code, { language: 'javascript' }).value);
const auto = hljs.highlightAuto('SELECT id, name FROM users WHERE age > 21 ORDER BY name;', ['sql', 'python', 'bash']);
console.log(auto.language, auto.value);
console.log(hljs.highlight('x = {"a": [1, 2.5, true, null]}', { language: 'python' }).value);
console.log(hljs.listLanguages().length);
