// Errors Node gives for bad specifiers (codes and names).
const tries = ["./missing.mjs", "./noext", "./dir", "no-such-package", "node:nope", "./bad-syntax.mjs", "./throws.mjs"];
for (const s of tries) {
  try { await import(s); console.log(s, "loaded"); }
  catch (e) { console.log(s, e.name, e.code); }
}
