module.exports = "sub index";
