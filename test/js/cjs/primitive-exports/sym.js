module.exports = Symbol("s");
