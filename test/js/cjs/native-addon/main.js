// A .node file that is not a loadable addon: require throws a catchable Error
// (Node: ERR_DLOPEN_FAILED; devrun-js: "not supported"), the process goes on.
try { require("./addon.node"); console.log("loaded?!"); }
catch (e) { console.log("threw", e instanceof Error); }
console.log("still running");
