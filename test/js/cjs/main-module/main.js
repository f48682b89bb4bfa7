// require.main is the entry module everywhere.
const path = require("path");
console.log(require.main === module, path.basename(require.main.filename));
console.log(require("./child"));
