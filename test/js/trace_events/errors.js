// trace_events.createTracing: argument errors (code, class, message).
const te = require('trace_events');
for (const arg of [undefined, null, 1, 'x', true, {}, { categories: 1 }, { categories: 'v8' },
  { categories: [] }, { categories: [1] }, { categories: ['v8', null] }, { categories: new Set(['v8']) }]) {
  try {
    const t = te.createTracing(arg);
    console.log('ok', t.categories);
  } catch (e) {
    console.log(e.code, e.name, e instanceof TypeError, e.message);
  }
}
console.log(te.getEnabledCategories());
