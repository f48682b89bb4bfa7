// process.umask() get and set.
const old = process.umask(0o027);
console.log(typeof old, process.umask(old).toString(8), process.umask() === old);
