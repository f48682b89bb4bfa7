// Nested conditions: "node" is matched, unknown conditions are skipped, and
// the first matching key in object order wins.
console.log(require("nested"));
