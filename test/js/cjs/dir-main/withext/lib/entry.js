module.exports = "withext main";
