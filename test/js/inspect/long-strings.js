// Long strings in objects are split over lines; very long ones are cut.
console.log({ s: "word ".repeat(30) });
console.log([("0123456789".repeat(1100))]);
