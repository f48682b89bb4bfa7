// Write backpressure on an HTTP/2 stream: 4 MiB written in 64 KiB chunks
// makes write() return false (the bytes wait for the peer's flow-control
// window) and 'drain' follows; the client receives everything.
const http2=require('http2');
const s=http2.createServer();
s.on('stream',(st)=>{ st.respond({':status':200}); let i=0, falses=0; const chunk=Buffer.alloc(65536,'q');
  function pump(){ while(i<64){ i++; if(!st.write(chunk)){ falses++; st.once('drain',pump); return; } } st.end(); console.log('server wrote', i, 'chunks, write() returned false', falses>0); }
  pump(); });
s.listen(0,'127.0.0.1',()=>{
  const c=http2.connect('http://127.0.0.1:'+s.address().port);
  const r=c.request(); let n=0; r.on('data',d=>n+=d.length); r.on('end',()=>{console.log('client got',n); c.close(); s.close();});
});
