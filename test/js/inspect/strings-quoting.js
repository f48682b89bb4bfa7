// String quoting and escaping inside containers.
console.log(["plain", "it's", 'say "hi"', `both ' and "`, "all ' \" `", "new\nline", "tab\t", "nul\0", "\x1b[31m", "é€😀", "\u2028"]);
console.log({ "key with space": 1, valid_id: 2, "0": 3, "1a": 4, "é": 5, [Symbol("sym")]: 6, "": 7 });
console.log(["x".repeat(120)]);
console.log("top-level strings are raw: 'q' \"dq\"");
