module.exports = [require("selfref"), require("selfref/util")];
