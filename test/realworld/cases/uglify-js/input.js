// A small module to minify.
function fibonacci(count) {
  const sequence = [0, 1];
  for (let index = 2; index < count; index++) {
    sequence.push(sequence[index - 1] + sequence[index - 2]);
  }
  return sequence.slice(0, count);
}

class Counter {
  constructor(start = 0) { this.value = start; }
  increment(by = 1) { this.value += by; return this; }
  toString() { return `Counter(${this.value})`; }
}

const unused = "this is never used";
const debugEnabled = false;
if (debugEnabled) {
  console.log("debugging");
}
const counter = new Counter(10).increment().increment(5);
console.log(fibonacci(10).join(", "), String(counter));
