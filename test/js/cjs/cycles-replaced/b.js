exports.seen = require("./a");
