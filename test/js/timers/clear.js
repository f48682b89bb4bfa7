// clearTimeout/clearInterval/clearImmediate cancel; clearing twice, clearing
// undefined/null and cross-clearing are all harmless.
const t = setTimeout(() => console.log("cleared timeout ran!"), 1);
clearTimeout(t); clearTimeout(t);
const i = setInterval(() => console.log("cleared interval ran!"), 1);
clearTimeout(i);  // clearTimeout clears intervals too
const im = setImmediate(() => console.log("cleared immediate ran!"));
clearImmediate(im);
clearTimeout(undefined); clearTimeout(null); clearInterval({}); clearImmediate(undefined);
setTimeout(() => console.log("done"), 5);
