// process.env: strings only, assignment coerces, delete removes, enumeration.
process.env.FOO = 1;
console.log(typeof process.env.FOO, process.env.FOO);
process.env.BAR = undefined;
console.log(process.env.BAR, typeof process.env.BAR);
delete process.env.FOO;
console.log(process.env.FOO, "FOO" in process.env);
console.log(process.env.CASE_VAR, process.env.EMPTY === "", Object.keys(process.env).includes("CASE_VAR"));
console.log(typeof process.env.HOME, process.env.HOME === process.cwd());
