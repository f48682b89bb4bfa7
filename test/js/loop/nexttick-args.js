// nextTick passes extra arguments; a non-function is a TypeError.
process.nextTick((a, b, c) => console.log(a, b, c), 1, "two", [3]);
try { process.nextTick(42); } catch (e) { console.log(e.name, e.code); }
