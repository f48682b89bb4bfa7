// TERM=dumb: a terminal without colours.
console.log(process.stdout.isTTY, process.stdout.getColorDepth(), { a: 1 });
