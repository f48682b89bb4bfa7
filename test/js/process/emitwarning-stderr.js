// The default warning printer: "(<name>:<pid>) <Type>: <message>" on stderr.
// Checked here by capturing stderr writes and replacing the name and pid.
const orig = process.stderr.write;
const lines = [];
process.stderr.write = function (s) { lines.push(String(s)); return true; };
process.emitWarning("careful", "DeprecationWarning", "DEP0999");
setImmediate(() => {
  process.stderr.write = orig;
  // only the first line: the second names the runtime binary
  for (const l of lines) console.log(JSON.stringify(l.split("\n")[0].replace(/^\(\S+:\d+\)/, "(<name>:<pid>)")));
});
