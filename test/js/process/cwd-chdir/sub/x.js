module.exports = "sub/x";
