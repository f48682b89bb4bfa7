// Output written by console is not lost when the process exits right away.
// (Kept under the 64 KiB pipe buffer: beyond it even Node 20 may drop the
// tail on process.exit() when the reader is slow.)
for (let i = 0; i < 500; i++) console.log("line " + i + " " + "x".repeat(50));
process.exit(0);
