// Module namespace objects: sealed, null prototype, Symbol.toStringTag.
import * as self from "./namespace-object.mjs";
export const z = 1, a = 2;
export default function f() {}
console.log(Object.keys(self), Object.getPrototypeOf(self), self[Symbol.toStringTag]);
console.log(Object.isSealed(self), Object.isFrozen(self));
try { self.z = 3; } catch (e) { console.log(e.name); }
