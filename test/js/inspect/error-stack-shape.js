// The first frames of a stack: function names and line:column of this file.
function outer() { return inner(); }
function inner() { return new Error("where").stack; }
const lines = outer().split("\n");
console.log(lines[0]);
console.log(lines[1].replace(__dirname, "<here>"));
console.log(lines[2].replace(__dirname, "<here>"));
console.log(lines[3].replace(__dirname, "<here>"));
const obj = { method() { return new Error("m").stack.split("\n")[1].trim(); } };
console.log(obj.method().replace(__dirname, "<here>"));
class C { static make() { return new Error("c").stack.split("\n")[1].trim(); } }
console.log(C.make().replace(__dirname, "<here>"));
