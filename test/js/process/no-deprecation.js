// --no-deprecation silences deprecation warnings (no 'warning' event).
process.on("warning", (w) => console.log("got", w.name));
process.emitWarning("dep", "DeprecationWarning");
process.emitWarning("other", "OtherWarning");
