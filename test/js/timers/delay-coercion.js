// Odd delays: strings are numbers, negatives/NaN/undefined become 1 ms.
const out = [];
setTimeout(() => out.push("string '3'"), "3");
setTimeout(() => out.push("negative"), -5);
setTimeout(() => out.push("NaN"), NaN);
setTimeout(() => out.push("undefined"));
setTimeout(() => console.log(out.join(", ")), 20);
