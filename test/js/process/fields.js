// process fields, normalised where they depend on the machine.
const path = require("path");
console.log(process.argv.length, path.isAbsolute(process.argv[0]), path.basename(process.argv[1]));
console.log(typeof process.argv0, path.isAbsolute(process.execPath), process.execPath === process.argv[0]);
console.log(process.platform, ["x64", "arm64", "ia32", "arm", "ppc64", "s390x", "riscv64"].includes(process.arch), typeof process.version, /^v\d+\.\d+\.\d+/.test(process.version));
console.log(typeof process.versions, typeof process.versions.v8, typeof process.versions.uv, typeof process.versions.node);
console.log(typeof process.release, typeof process.release.name);
console.log(Number.isInteger(process.pid), process.pid > 0, Number.isInteger(process.ppid), process.ppid !== process.pid);
console.log(typeof process.title, process.env.TZ, process.env.LC_ALL, process.env.NOPE, "TZ" in process.env);
console.log(Object.prototype.toString.call(process), typeof process.emit, typeof process.on);
console.log(process.exitCode, typeof process.config, typeof process.features);
