// Headers, Request, Response and FormData on their own (no network).
const h = new Headers({ 'Content-Type': 'text/plain', 'X-A': '1' });
h.append('x-a', '2');
h.append('Set-Cookie', 'a=1');
h.append('set-cookie', 'b=2');
console.log([...h], h.get('X-A'), h.has('content-type'), h.get('missing'), h.getSetCookie());
h.delete('x-a');
h.set('  accept  '.trim(), '  */*  ');
console.log([...h.keys()], h.get('accept'));
try { h.append('bad name', 'x'); } catch (e) { console.log(e.name, e.message); }
try { new Headers([['a']]); } catch (e) { console.log(e.name); }
console.log([...new Headers([['b', '2'], ['a', '1']])]);
console.log(Object.prototype.toString.call(h));

const req = new Request('http://example.com/a?b=1', { method: 'post', headers: { 'x-y': 'z' }, body: 'hi' });
console.log(req.url, req.method, req.headers.get('x-y'), req.headers.get('content-type'), req.redirect, req.bodyUsed);
const req2 = req.clone();
req.text().then(async (t) => {
  console.log('request text', t, req.bodyUsed, await req2.text());
  try { await req.text(); } catch (e) { console.log(e.name, e.message); }
  try { new Request('http://x/', { method: 'GET', body: 'no' }); } catch (e) { console.log(e.name, e.message); }
  try { new Request('not a url'); } catch (e) { console.log(e.name, e.message); }
  try { new Request('http://x/', { method: 'CONNECT' }); } catch (e) { console.log(e.name, e.message); }
  console.log(new Request('http://x/', { method: 'patch' }).method, new Request('http://x/', { method: 'delete' }).method);

  const res = new Response('body text', { status: 201, statusText: 'Created', headers: { 'x-r': '1' } });
  console.log(res.status, res.ok, res.statusText, res.headers.get('content-type'), res.type, res.url, res.redirected);
  const c = res.clone();
  console.log(await res.text(), await c.text());
  const j = Response.json({ a: [1, 2] }, { status: 202 });
  console.log(j.status, j.headers.get('content-type'), await j.json());
  const e = Response.error();
  console.log(e.status, e.type, e.ok);
  const rd = Response.redirect('http://example.com/x', 301);
  console.log(rd.status, rd.headers.get('location'));
  try { new Response('x', { status: 99 }); } catch (err) { console.log(err.name, err.message); }
  try { new Response('x', { status: 204 }); } catch (err) { console.log(err.name); }
  console.log(new Response(null).body, new Response('').body instanceof ReadableStream);
  const bytes = new Response(new Uint8Array([104, 105]));
  console.log(bytes.headers.get('content-type'), Buffer.from(await bytes.arrayBuffer()).toString());
  const blob = await new Response('blobby', { headers: { 'content-type': 'text/x' } }).blob();
  console.log(blob.size, blob.type, await blob.text());
  const fromStream = new Response(new ReadableStream({ start(ctl) { ctl.enqueue(new TextEncoder().encode('st')); ctl.enqueue(new TextEncoder().encode('ream')); ctl.close(); } }));
  console.log(await fromStream.text());
  const params = new Response(new URLSearchParams('a=1&b=2'));
  console.log(params.headers.get('content-type'), [...(await params.formData())]);

  const fd = new FormData();
  fd.append('a', '1');
  fd.append('a', '2');
  fd.append('f', new Blob(['x'], { type: 'text/plain' }), 'x.txt');
  fd.set('b', 3);
  console.log(fd.getAll('a'), fd.get('b'), fd.has('f'), fd.get('f').name, fd.get('f').type, [...fd.keys()]);
  fd.set('a', 'only');
  fd.delete('b');
  console.log([...fd.keys()], fd.get('a'));
  const round = await new Response(fd).formData();
  console.log([...round.keys()], round.get('a'), round.get('f').name, await round.get('f').text());
});
