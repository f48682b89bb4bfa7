// Relative requires follow the module's directory, not process.cwd(); the
// entry given as a relative path (../main.js) is resolved against the cwd.
const path = require("path");
console.log(path.relative(__dirname, process.cwd()), process.argv[1] === __filename);
console.log(require("./lib"), path.basename(require.main.filename));
