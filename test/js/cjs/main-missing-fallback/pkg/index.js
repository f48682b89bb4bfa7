module.exports = "fallback index.js";
