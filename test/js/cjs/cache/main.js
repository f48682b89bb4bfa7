// require.cache: modules run once; deleting the entry runs it again.
const path = require("path");
const a1 = require("./counter");
const a2 = require("./counter");
console.log(a1 === a2, a1.runs);
const key = require.resolve("./counter");
console.log(Object.keys(require.cache).map((k) => path.relative(__dirname, k)));
console.log(require.cache[key].exports === a1, require.cache[key].loaded);
delete require.cache[key];
const a3 = require("./counter");
console.log(a3 === a1, a3.runs);
require.cache[path.join(__dirname, "fake.js")] = { exports: "injected", loaded: true };
console.log(require("./fake.js"));
