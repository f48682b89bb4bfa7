// Output written by console is not lost when the process exits right away.
for (let i = 0; i < 2000; i++) console.log("line " + i + " " + "x".repeat(50));
process.exit(0);
