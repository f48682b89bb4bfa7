// Extra arguments go to the callback; `this` is the Timeout object.
const t = setTimeout(function (a, b) {
  console.log(a, b, this.constructor.name, this === t);
  setImmediate((x, y) => console.log("immediate", x, y), "arg", 2);
}, 1, "first", { second: 2 });
