// Timeouts terminate runaway scripts; errors from other contexts keep their
// identity; the process stays usable afterwards.
const vm = require('vm');
try { vm.runInThisContext('while (true) {}', { timeout: 50 }); } catch (e) { console.log(e.name, e.code, e.message); }
try { vm.runInNewContext('for (;;) {}', {}, { timeout: 20 }); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(vm.runInThisContext('"still works"', { timeout: 1000 }));
try { vm.runInNewContext('throw new TypeError("bad")'); } catch (e) { console.log(e instanceof TypeError, e.name, e.message, e.constructor === TypeError); }
try { vm.runInNewContext('null.x'); } catch (e) { console.log(e.name, e.message); }
try { vm.runInContext('undefinedName', vm.createContext({})); } catch (e) { console.log(e.name, e.message); }
try { vm.runInThisContext('throw 42'); } catch (e) { console.log(typeof e, e); }
setTimeout(() => console.log('event loop alive'), 10);
