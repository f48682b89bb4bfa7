// A malformed JSON file is a SyntaxError naming the file.
const path = require("path");
try { require("./bad.json"); }
catch (e) { console.log(e.name, e.message.startsWith(path.join(__dirname, "bad.json") + ":")); }
