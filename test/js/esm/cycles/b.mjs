import { a, callB } from "./a.mjs";
export function bFunc() { return "bFunc"; }
export const b = "b";
try { console.log(a); } catch (e) { console.log("b sees a in TDZ:", e.name); }
console.log("b can call a's hoisted function:", typeof callB);
export let bLet = 1;
