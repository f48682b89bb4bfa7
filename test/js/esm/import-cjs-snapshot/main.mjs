// Named exports of a CommonJS module are a snapshot taken after it ran: later
// changes show through the default export (module.exports) only.
import counter, { count, bump } from "./counter.cjs";
bump(); bump();
console.log(count, counter.count);
