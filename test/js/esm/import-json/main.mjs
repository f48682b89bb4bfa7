// JSON modules need an import assertion (type: 'json').
import data from "./data.json" assert { type: "json" };
console.log(data);
const again = await import("./data.json", { assert: { type: "json" } });
console.log(again.default === data);
try { await import("./other.json"); }
catch (e) { console.log("without assertion:", e.name, e.code); }
try { await import("./other.json", { assert: { type: "css" } }); }
catch (e) { console.log("bad type:", e.name, e.code); }
