"use strict";
try { undeclared2 = 5; } catch (e) { console.log(e.name, e.message); }
console.log((function () { return this; })());
