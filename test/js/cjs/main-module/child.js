module.exports = [require.main === module, require.main === module.parent,
                  require("path").basename(require.main.filename)];
