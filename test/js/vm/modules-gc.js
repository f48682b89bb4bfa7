'use strict';
// Many vm modules, linked in chains and dropped, then collected; the ones
// still referenced keep working (--experimental-vm-modules --expose-gc).
const vm = require('vm');

(async () => {
  const keep = [];
  for (let round = 0; round < 200; round++) {
    const leaf = new vm.SyntheticModule(['n'], function() { this.setExport('n', round); });
    const mid = new vm.SourceTextModule('export { n } from "leaf";');
    const top = new vm.SourceTextModule('import { n } from "mid"; export const doubled = n * 2;');
    await top.link((spec) => (spec === 'mid' ? mid : leaf));
    await top.evaluate();
    if (round % 50 === 0) keep.push(top);
  }
  globalThis.gc();
  await new Promise((r) => setImmediate(r));
  globalThis.gc();
  console.log(keep.map((m) => m.namespace.doubled));
  // a kept module's dependencies are still alive after collection
  const dependent = new vm.SourceTextModule('import { doubled } from "top"; export const again = doubled + 1;');
  await dependent.link(() => keep[3]);
  await dependent.evaluate();
  console.log(dependent.namespace.again, keep[3].status);
})();
