// package.json "imports": private #specifiers.
console.log(require("#config"), require("#util/strings"));
try { require("#missing"); } catch (e) { console.log(e.code); }
