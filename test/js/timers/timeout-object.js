// A Timeout converts to a number id usable with clearTimeout.
const t = setTimeout(() => console.log("should not run"), 10);
const id = +t;
console.log(typeof t, t.constructor.name, typeof id, Number.isInteger(id), id > 0);
clearTimeout(id);
const im = setImmediate(() => {});
console.log(typeof im, im.constructor.name);
console.log(typeof setTimeout(() => {}, 0)[Symbol.toPrimitive]);
