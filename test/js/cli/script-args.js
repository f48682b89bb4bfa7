// Arguments after the script reach process.argv unchanged, even ones that
// look like runtime options.
console.log(process.argv.length);
console.log(process.argv.slice(2));
