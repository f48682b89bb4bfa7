// Inside an I/O callback the immediate always runs before a 0 ms timeout.
const fs = require("fs");
fs.readFile(__filename, () => {
  console.log("io");
  setTimeout(() => console.log("timeout"), 0);
  setImmediate(() => console.log("immediate"));
  process.nextTick(() => console.log("tick"));
});
