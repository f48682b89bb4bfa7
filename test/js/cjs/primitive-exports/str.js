module.exports = "a string";
