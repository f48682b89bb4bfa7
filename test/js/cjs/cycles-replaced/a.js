exports.partial = true;
require("./b");
module.exports = { final: true };
