module.exports = [require("top"), require("mid"), require("shadow")];
