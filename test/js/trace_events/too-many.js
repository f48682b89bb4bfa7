// trace_events: more than 10 enabled Tracing objects print Node's warning
// once per enable beyond the limit; disabled ones do not count.
const te = require('trace_events');
const warnings = [];
process.on('warning', (w) => warnings.push(`${w.name}: ${w.message}`));
const list = [];
for (let i = 0; i < 10; i++) {
  const t = te.createTracing({ categories: [`cat${i}`] });
  t.enable();
  list.push(t);
}
const extra = te.createTracing({ categories: ['extra'] });
extra.enable();
extra.enable();
list[0].disable();
const another = te.createTracing({ categories: ['another'] });
another.enable();
setImmediate(() => {
  console.log(warnings.length);
  for (const w of warnings) console.log(w);
  console.log(te.getEnabledCategories().split(',').length);
  for (const t of [...list, extra, another]) t.disable();
  console.log(te.getEnabledCategories());
});
