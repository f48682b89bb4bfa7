module.exports = "nested via createRequire";
