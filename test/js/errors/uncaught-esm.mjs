console.log("esm before");
throw new TypeError("esm boom");
