module.exports = "lib next to main.js";
