// module.children, module.parent, module.id, module.paths.
const path = require("path");
const rel = (p) => path.relative(__dirname, p);
require("./a");
require("./b");
require("./a");  // cached: not added twice
console.log(module.id, module.parent, module.children.map((m) => rel(m.id)));
const a = module.children[0];
console.log(a.parent === module, a.children.map((m) => rel(m.filename)), a.loaded);
console.log(module.paths.slice(0, 2).map(rel), module.paths.every(path.isAbsolute));
console.log(path.basename(module.paths[module.paths.length - 1]));
