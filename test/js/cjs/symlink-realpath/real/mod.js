module.exports = { file: __filename };
