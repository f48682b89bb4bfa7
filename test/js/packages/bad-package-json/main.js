// A malformed package.json is a clear error.
try { require("broken"); } catch (e) { console.log(e.name, e.code); }
