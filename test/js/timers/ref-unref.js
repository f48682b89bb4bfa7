// ref/unref return the timer and toggle hasRef().
const im = setImmediate(() => {
  console.log("immediate fired");
  const t = setTimeout(() => console.log("timeout fired"), 1);
  console.log(t.hasRef(), t.unref() === t, t.hasRef(), t.ref() === t, t.hasRef());
});
console.log(im.hasRef(), im.unref() === im, im.hasRef(), im.ref() === im, im.hasRef());
