exports.a = 1;
module.exports.b = 2;
exports["c"] = 3;
Object.defineProperty(exports, "d", { enumerable: true, value: 4 });
Object.defineProperty(exports, "e", { enumerable: true, get: function () { return 5; } });
