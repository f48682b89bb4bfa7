// structuredClone of the types the HTML algorithm supports.
const src = {
  num: 1, str: "s", big: 10n, bool: true, nul: null, undef: undefined,
  date: new Date(0), re: /ab+c/gi, map: new Map([["k", { v: 1 }]]), set: new Set([1, "two"]),
  arr: [1, , 3], nested: { deep: { deeper: [1, 2] } }, u8: new Uint8Array([1, 2, 3]),
  err: new RangeError("cloned error"),
};
const c = structuredClone(src);
console.log(c !== src, c.nested !== src.nested, c.map !== src.map);
console.log(c.date instanceof Date, c.date.getTime(), c.re.source, c.re.flags, c.re.lastIndex);
console.log(c.map.get("k"), [...c.set], 1 in c.arr, c.arr.length, c.u8, c.big);
console.log(c.err instanceof RangeError, c.err.message, "undef" in c);
