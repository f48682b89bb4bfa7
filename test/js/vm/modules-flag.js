'use strict';
// Without --experimental-vm-modules, Node 20 has no vm.Module classes.
const vm = require('vm');
console.log(typeof vm.SourceTextModule, typeof vm.SyntheticModule, typeof vm.Module);
console.log(Object.keys(vm).sort().join(' '));
console.log(process.execArgv);
