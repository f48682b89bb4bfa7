exports.x = 1;
exports.y = "two";
