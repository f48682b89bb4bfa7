module.exports = "noext main";
