// An uncaught exception in an ES module: the report shows the file: URL.
console.log("esm before");
throw new TypeError("esm boom");
