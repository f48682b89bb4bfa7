// timers/promises setInterval is an async iterator.
const { setInterval } = require("timers/promises");
(async () => {
  let n = 0;
  for await (const v of setInterval(2, "v")) {
    console.log(++n, v);
    if (n === 3) break;
  }
  console.log("loop left");
})();
