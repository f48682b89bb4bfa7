// Reading stdin: data events arrive after synchronous code, end after data.
let total = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (d) => { total += d; });
process.stdin.on("end", () => console.log("end", JSON.stringify(total)));
console.log("sync done");
