// "exports": "./x.js" is sugar for { ".": "./x.js" }: nothing else is exported.
console.log(require("sugar"));
try { require("sugar/other"); } catch (e) { console.log(e.code); }
try { require("sugar/package.json"); } catch (e) { console.log(e.code); }
