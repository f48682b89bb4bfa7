// node_modules lookup walks up the directory tree; nearer wins.
console.log(require("./src/deep/dir/file.js"));
