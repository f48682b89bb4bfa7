// A module that throws is not cached: requiring it again re-runs it.
for (let i = 0; i < 2; i++) {
  try { require("./thrower"); } catch (e) { console.log("caught:", e.message); }
}
console.log(Object.keys(require.cache).length);
