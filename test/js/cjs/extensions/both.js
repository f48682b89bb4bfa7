module.exports = "both.js wins over both.json";
