module.exports = "config";
