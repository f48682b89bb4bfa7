// A package exporting only an "import" condition cannot be required.
try { require("esm-only"); } catch (e) { console.log(e.code); }
import("esm-only").then((ns) => console.log(ns.default));
