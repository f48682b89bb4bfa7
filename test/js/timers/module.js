// The timers module exposes the same functions as the globals.
const timers = require("timers");
console.log(timers.setTimeout === setTimeout, timers.clearTimeout === clearTimeout,
            timers.setImmediate === setImmediate, timers.setInterval === setInterval,
            require("node:timers") === timers);
timers.setTimeout(() => console.log("via module"), 1);
