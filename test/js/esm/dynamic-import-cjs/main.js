// import() from CommonJS.
import("./m.mjs").then((ns) => {
  console.log(ns.named, ns.default);
  return import("./c.js");
}).then((ns) => console.log(ns.default, ns.fromCjs));
