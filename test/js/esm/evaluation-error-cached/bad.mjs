globalThis.evaluations = (globalThis.evaluations || 0) + 1;
throw new Error("bad module");
