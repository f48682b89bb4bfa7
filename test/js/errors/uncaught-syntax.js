// A SyntaxError in the entry file: nothing runs, the report points at the token.
console.log("never runs: the file does not compile");
const x = {
  a: 1,
  b 2,
};
