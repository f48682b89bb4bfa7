// unref() then ref() again: the timer keeps the process alive and fires.
const i = setImmediate(() => {
  console.log("immediate after ref()");
  const t = setTimeout(() => console.log("timeout after ref()"), 20);
  t.unref();
  t.ref();
});
i.unref(); i.ref();
