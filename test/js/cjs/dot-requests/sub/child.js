module.exports = [require("."), require(".."), require("./"), require("../")];
