// A required JSON file is parsed once: every require shares the object.
const a = require("./conf.json");
a.changed = true;
console.log(require("./conf.json"), require("./conf.json") === a);
