// console.count / countReset.
console.count(); console.count(); console.count("x"); console.count("default");
console.countReset(); console.count();
console.countReset("x"); console.count("x");
process.on("warning", (w) => console.log("warning:", w.name, w.message));
console.countReset("never-counted");
