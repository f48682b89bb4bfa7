exports.fromCjs = "cjs named";
