exports.alpha = "a";
exports.beta = "b";
