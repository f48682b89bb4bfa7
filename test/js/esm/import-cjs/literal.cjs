const x = 10, y = 20;
module.exports = { x, y };
