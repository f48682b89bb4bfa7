module.exports = "strings util";
