module.exports = "top index";
