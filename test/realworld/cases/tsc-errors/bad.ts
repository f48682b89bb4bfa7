interface User { name: string; age: number }
function greet(u: User): string { return "hi " + u.name; }
greet({ name: "ann" });
const n: number = "seven";
let maybe: string | undefined;
maybe.length;
greet({ name: "bob", age: 3, extra: true });
