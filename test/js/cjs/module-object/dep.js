module.exports = "dep via module.require";
