// fs.constants (Linux values, Node's order) and the deprecated `constants`
// module's fs/os part.
const fs = require('fs');
console.log(fs.constants);
const c = require('constants');
console.log(Object.isFrozen(c), c.O_CREAT, c.ENOENT, c.SIGTERM, c.PRIORITY_HIGH, c.RTLD_NOW, c.S_IFDIR, c.COPYFILE_EXCL);
