// log/info/debug go to stdout; warn/error/trace go to stderr.
console.log("log"); console.info("info"); console.debug("debug");
console.warn("warn"); console.error("error");
console.log(); console.log("%s is %d years and %i, %f, %j %o %O %%", "Bob", 42.5, 42.5, "1.5", { j: 1 }, [1], { O: 1 });
console.log("%c styled", "color: red", "extra", 1);
console.log("a", 1, true, null, undefined, 1n, Symbol("s"));
