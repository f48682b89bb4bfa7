module.exports = function named() { return "called"; };
