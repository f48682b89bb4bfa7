// A static import of a missing file fails before any code runs: exit 1.
console.log("not reached: the graph fails to load");
import "./missing.mjs";
