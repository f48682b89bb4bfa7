// Extra own properties of a thrown error are printed after the stack.
const e = new Error("with props");
e.code = "E_THING";
e.details = { n: 1 };
throw e;
