// NO_COLOR turns colours off even on a terminal; width follows the terminal.
console.log(process.stdout.isTTY, process.stdout.columns, process.stdout.hasColors());
console.log({ n: 1, s: "str" });
console.log(Array.from({ length: 40 }, (_, i) => i * 1000));
