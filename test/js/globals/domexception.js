// DOMException names, codes and inheritance.
const e = new DOMException("msg", "AbortError");
console.log(e.name, e.message, e.code, e instanceof Error, Object.prototype.toString.call(e));
console.log(new DOMException("x").name, new DOMException("y", "DataCloneError").code);
