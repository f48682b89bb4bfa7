// CommonJS modules are sloppy unless they say "use strict".
undeclared = 5;
console.log(globalThis.undeclared, (function () { return this === globalThis; })());
