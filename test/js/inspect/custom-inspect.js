// [util.inspect.custom] and toJSON-independence.
const util = require("util");
class Money {
  constructor(v) { this.v = v; }
  [util.inspect.custom](depth, opts, inspect) { return `Money<${this.v}> depth=${depth} ${typeof inspect}`; }
}
console.log(new Money(5), [new Money(6)], { m: new Money(7) });
console.log({ [Symbol.for("nodejs.util.inspect.custom")]() { return { replaced: true }; } });
console.log({ toJSON() { return "json"; }, v: 1 });
console.log(util.inspect.custom === Symbol.for("nodejs.util.inspect.custom"));
