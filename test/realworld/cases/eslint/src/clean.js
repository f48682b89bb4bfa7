const ok = 1;
module.exports = ok;
