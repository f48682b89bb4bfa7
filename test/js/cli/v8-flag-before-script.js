// A V8 flag before the script is consumed by the runtime, not seen by the program.
console.log(process.argv.slice(2), typeof gc);
