module.exports = { name: "linkedpkg", file: __filename };
