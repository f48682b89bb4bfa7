// unshift() puts data back at the front; unshift after 'end' is an error.
const { Readable } = require('stream');
const r = new Readable({ read() {} });
r.push('header:body');
r.push(null);
r.once('readable', () => {
  const all = String(r.read());
  const i = all.indexOf(':');
  r.unshift(all.slice(i + 1));
  console.log('head', all.slice(0, i));
  r.on('data', (d) => console.log('rest', String(d)));
  r.on('end', () => {
    console.log('end');
    r.on('error', (e) => console.log('error', e.code, e.message));
    r.unshift('late');
  });
});
