module.exports = function () { return "fn called"; };
