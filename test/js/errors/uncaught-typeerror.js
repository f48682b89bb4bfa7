// A TypeError from reading a property of undefined.
const obj = undefined;
console.log(obj.property);
