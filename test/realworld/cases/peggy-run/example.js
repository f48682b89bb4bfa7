// peggy's API: generate a parser at run time and use it, including errors.
const fs = require('fs');
const peggy = require('peggy');
const parser = peggy.generate(fs.readFileSync('arith.pegjs', 'utf8'));
console.log(parser.parse('2 * (3 + 4) - 10 / 5'));
try { parser.parse('2 * (3 + '); } catch (e) { console.log(e.name, e.message, JSON.stringify(e.location.start)); console.log(e.format([{ source: undefined, text: '2 * (3 + ' }])); }
try { peggy.generate('start = "a" undefinedRule'); } catch (e) { console.log(e.name, e.message); }
