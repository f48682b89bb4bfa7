module.exports = "maindir main";
