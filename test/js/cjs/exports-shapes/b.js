module.exports = { replaced: true };
exports.lost = "this is not exported";
