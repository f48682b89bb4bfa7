// unref() then ref() again: the timer keeps the process alive and fires.
const t = setTimeout(() => console.log("fired after ref()"), 20);
t.unref();
t.ref();
const i = setImmediate(() => console.log("immediate after ref()"));
i.unref(); i.ref();
