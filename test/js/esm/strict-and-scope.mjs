// ES modules are strict, `this` is undefined, and CommonJS variables are absent.
console.log(this, typeof require, typeof module, typeof exports, typeof __filename, typeof __dirname);
try { undeclared = 1; } catch (e) { console.log(e.name); }
console.log(typeof import.meta, Object.keys(import.meta).includes("url"));
