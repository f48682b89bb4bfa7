// If the cyclic module later replaces module.exports, the early holder keeps
// the old (partial) object.
const a = require("./a");
console.log(a, require("./b").seen, require("./b").seen === a);
