// jsdom's documented usage: parse a page, run its scripts in a window (vm context),
// query and mutate the DOM, serialize.
const { JSDOM, VirtualConsole } = require('jsdom');
const virtualConsole = new VirtualConsole();
virtualConsole.on('log', (...a) => console.log('[page]', ...a));
virtualConsole.on('jsdomError', (e) => console.log('[jsdomError]', e.message.split('\n')[0]));
const dom = new JSDOM(`<!DOCTYPE html><html><head><title>Demo</title></head><body>
<p id="greeting">Hello world</p>
<ul><li>one</li><li class="x">two</li></ul>
<script>
  document.querySelector('#greeting').textContent += '!';
  const li = document.createElement('li'); li.textContent = 'three'; document.querySelector('ul').append(li);
  console.log('script ran', typeof window, navigator.userAgent.includes('jsdom'), location.href);
  window.answer = [1, 2, 3].map((x) => x * 14)[2];
  document.addEventListener('custom', (e) => console.log('event', e.detail));
</script></body></html>`, { runScripts: 'dangerously', url: 'https://example.org/page', virtualConsole, pretendToBeVisual: true });
const { window } = dom;
const { document } = window;
console.log(document.title, document.querySelector('p').textContent, window.answer);
console.log([...document.querySelectorAll('li')].map((li) => li.textContent).join(','), document.querySelector('.x').matches('ul > li:nth-child(2)'));
document.dispatchEvent(new window.CustomEvent('custom', { detail: { n: 1 } }));
console.log(dom.serialize().replace(/<script>[\s\S]*<\/script>/, '<script>…</script>'));
console.log(window.eval('typeof require'), dom.window.document.body.children.length, new window.URL('../x?y=1', window.location.href).href);
const frag = JSDOM.fragment('<b>bold</b> <i>it</i>');
console.log(frag.childNodes.length, frag.firstChild.outerHTML);
window.setTimeout(() => { console.log('timer in window'); window.close(); }, 5);
