// A module whose evaluation threw rethrows the same error on every import.
let first;
try { await import("./bad.mjs"); } catch (e) { first = e; console.log("first:", e.message); }
try { await import("./bad.mjs"); } catch (e) { console.log("second:", e.message, e === first); }
console.log("evaluations:", globalThis.evaluations);
