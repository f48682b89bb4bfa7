module.exports = Object.fromEntries([["notThere", 1]]);
