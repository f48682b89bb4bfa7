import { b, bFunc, bLet } from "./b.mjs";
export const a = "a";
export function callB() { return bFunc() + " / " + b; }
