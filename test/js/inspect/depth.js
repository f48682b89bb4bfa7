// Default depth is 2: deeper objects show as [Object] / [Array].
const deep = { l1: { l2: { l3: { l4: 1 } }, arr: [[[[1]]]] } };
console.log(deep);
console.log([[[[["deep"]]]]]);
console.log({ m: new Map([["k", { deep: { deeper: {} } }]]) });
console.log(require("util").inspect(deep, { depth: Infinity }));
