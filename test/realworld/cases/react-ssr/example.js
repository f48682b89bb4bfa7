// react-dom/server documented usage: renderToString and renderToPipeableStream.
const React = require('react');
const { renderToString, renderToStaticMarkup, renderToPipeableStream } = require('react-dom/server');
const h = React.createElement;
function Item({ name, done }) { return h('li', { className: done ? 'done' : undefined }, name, done && ' ✓'); }
function App({ items }) {
  const [title] = React.useState('Todo <list>');
  return h('main', null, h('h1', { style: { color: 'red', fontSize: 12 } }, title),
    h('ul', null, items.map((it) => h(Item, { key: it.name, ...it }))),
    h('input', { type: 'checkbox', defaultChecked: true, readOnly: true }),
    h('div', { dangerouslySetInnerHTML: { __html: '<b>raw</b>' } }));
}
const items = [{ name: 'write tests', done: true }, { name: 'ship' }];
console.log(renderToString(h(App, { items })));
console.log(renderToStaticMarkup(h(App, { items: [] })));
const { pipe } = renderToPipeableStream(h(App, { items }), {
  onAllReady() { pipe(process.stdout); },
  onError(e) { console.error(e); },
});
