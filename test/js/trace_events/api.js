// trace_events: createTracing, enable/disable, enabled, categories and the
// process-wide set getEnabledCategories() reports (sorted, deduplicated).
const te = require('trace_events');
const util = require('util');
console.log(Object.keys(te).sort().join(), require('node:trace_events') === te);
console.log(te.getEnabledCategories());
const a = te.createTracing({ categories: ['node.perf', 'v8'] });
console.log(a.enabled, a.categories, typeof a.categories, util.inspect(a));
console.log(a.constructor.name, Object.keys(a).length);
a.enable();
a.enable(); // twice: no second reference
console.log(a.enabled, te.getEnabledCategories(), util.inspect(a));
const b = te.createTracing({ categories: ['v8', 'custom.cat', 'custom.cat'] });
console.log(b.categories);
b.enable();
console.log(te.getEnabledCategories());
a.disable();
console.log(a.enabled, te.getEnabledCategories());
a.disable();
b.disable();
console.log(b.enabled, te.getEnabledCategories());
const cats = ['x'];
const c = te.createTracing({ categories: cats });
cats.push('y'); // the getter shows the array, enable() what it held at creation
console.log(c.categories);
c.enable();
console.log(te.getEnabledCategories());
c.disable();
console.log(util.inspect({ nested: { deeper: c } }, { depth: 0 }), util.inspect({ t: c }));
