module.exports = "from .cjs";
