// Odd delays: negatives/NaN/undefined become 1 ms; a numeric string is a
// number of milliseconds.
const out = [];
const start = Date.now();
setTimeout(() => out.push("negative"), -5);
setTimeout(() => out.push("NaN"), NaN);
setTimeout(() => out.push("undefined"));
setTimeout(() => {
  console.log(out.join(", "));
  console.log("string '30' waited >= 29 ms:", Date.now() - start >= 29);
}, "30");
