// Hostile input: HTTP/1.1 bytes instead of the HTTP/2 preface on an h2c
// server end that session with ERR_HTTP2_ERROR on 'sessionError' (a GOAWAY
// goes back before the close) and the server keeps serving other clients.
const http2=require('http2'); const net=require('net');
const s=http2.createServer((q,r)=>r.end('ok'));
s.on('sessionError',(e)=>console.log('sessionError',e.code, e.message));
s.listen(0,'127.0.0.1',()=>{
  const c=net.connect(s.address().port,'127.0.0.1',()=>c.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
  let got=''; c.on('data',d=>got+=d.toString('hex').slice(0,40)); c.on('close',()=>{ console.log('raw closed', got.length>0);
    const cl=http2.connect('http://127.0.0.1:'+s.address().port); const r=cl.request(); r.setEncoding('utf8'); r.on('data',d=>console.log('still serving',d)); r.on('end',()=>{cl.close(); s.close();});
  });
});
