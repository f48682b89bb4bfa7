// stdout is a pipe in the corpus: no colors, isTTY is not true.
console.log({ n: 1, s: "s" }, process.stdout.isTTY, process.stderr.isTTY);
