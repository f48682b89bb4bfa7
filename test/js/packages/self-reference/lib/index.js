module.exports = "selfref index";
