console.log("never runs: the file does not compile");
const x = {
  a: 1,
  b 2,
};
