// Using require in an ES module: ReferenceError with Node's hint; exit 1.
const fs = require("fs");
