// `--` ends the runtime's options: the script name and everything after it
// belong to the program.
console.log(process.argv.slice(2));
