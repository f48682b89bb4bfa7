// --stack-size is passed to V8; deep recursion ends in a catchable RangeError.
function down(n) { return n === 0 ? 0 : 1 + down(n - 1); }
try { down(1e7); console.log("no overflow"); }
catch (e) { console.log(e instanceof RangeError, e.message); }
console.log(down(1000));
