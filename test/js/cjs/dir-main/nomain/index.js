module.exports = "nomain index";
