// Non-ASCII and empty arguments reach process.argv intact.
console.log(process.argv.slice(2), process.argv.slice(2).map((a) => a.length));
