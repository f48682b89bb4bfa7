// A SyntaxError in a required file can be caught.
try { require("./broken"); } catch (e) { console.log(e.name, e instanceof SyntaxError); }
console.log("still running");
