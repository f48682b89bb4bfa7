module.exports = "selfref util";
