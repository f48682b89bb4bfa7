// On a terminal (TERM=xterm-256color) console.log colours values like
// util.inspect with colors: true; stderr (a pipe here) stays plain.
console.log(process.stdout.isTTY, process.stdout.columns, process.stdout.rows, process.stderr.isTTY);
console.log({ n: 1, s: "str", b: true, u: undefined, nul: null, sym: Symbol("x"), big: 2n, d: new Date(0), re: /r/, f() {} });
console.log([1, "two"], new Map([["k", 1]]), "top-level string stays plain");
console.log(process.stdout.hasColors(), process.stdout.getColorDepth());
