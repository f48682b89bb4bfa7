// The server's fast paths against Node's bytes: responses written in one
// piece (string and Buffer bodies, chunked, HEAD, HTTP/1.0, pipelined), the
// 'finish'/'close' order, lazily built req.headers (odd header names), the
// server socket's bytesRead, the keep-alive idle timer (a reused connection
// is not closed early, an idle one is), headersTimeout (408) and a request
// body paused and resumed.
const http = require("http");
const net = require("net");

const events = [];
const server = http.createServer({ headersTimeout: 300, requestTimeout: 2000, connectionsCheckingInterval: 50 }, (req, res) => {
  const u = req.url;
  if (u === "/str") { res.writeHead(200, { "content-type": "text/plain" }); res.end("héllo"); return; }
  if (u === "/len") { res.setHeader("X-A", "1"); res.end("abc"); return; }
  if (u === "/buf") { res.setHeader("Content-Type", "application/octet-stream"); res.end(Buffer.from([1, 2, 3, 250])); return; }
  if (u === "/buflen") { res.writeHead(201, { "Content-Length": 2 }); res.end(Buffer.from("ok")); return; }
  if (u === "/empty") { res.statusCode = 204; res.end(); return; }
  if (u === "/latin1") { res.end("caf\xe9", "latin1"); return; }
  if (u === "/order") {
    res.on("finish", () => events.push("finish " + res.writableFinished));
    res.on("close", () => events.push("close"));
    req.on("end", () => events.push("req end"));
    const r = res.end("o", () => events.push("end cb"));
    events.push("end returned " + (r === res) + " " + res.writableEnded + " " + res.writableFinished);
    return;
  }
  if (u === "/headers") {
    const h = req.headers;
    res.end(JSON.stringify([h.constructor, h.__proto__, h["x-dup"], h.cookie, Object.keys(h)]));
    return;
  }
  if (u === "/bytes") {
    res.end(String(req.socket.bytesRead));
    return;
  }
  if (u === "/body") {
    req.pause();
    setTimeout(() => {
      let n = 0;
      req.on("data", (c) => { n += c.length; });
      req.on("end", () => res.end("got " + n));
      req.resume();
    }, 20);
    return;
  }
  res.end("other " + req.method + " " + u);
});

function raw(port, text, { half = false } = {}) {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1", () => { s.write(text); if (half) s.end(); });
    let d = "";
    s.setEncoding("latin1");
    s.on("data", (c) => { d += c; });
    s.on("close", () => resolve(d.replace(/Date: [^\r]*\r\n/g, "Date: -\r\n")));
  });
}

server.listen(0, "127.0.0.1", async () => {
  const port = server.address().port;
  const show = (label, s) => console.log(label, JSON.stringify(s));
  const get = (p) => `GET ${p} HTTP/1.1\r\nHost: x\r\n\r\n`;
  show("pipelined", await raw(port,
    get("/str") + get("/len") + get("/buf") + get("/buflen") + get("/empty") + get("/latin1") +
    "HEAD /str HTTP/1.1\r\nHost: x\r\n\r\n" + "GET /ten HTTP/1.0\r\n\r\n"));
  show("order", await raw(port, get("/order") + "GET /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  console.log(events.join(", "));
  show("headers", await raw(port, "GET /headers HTTP/1.1\r\nHost: x\r\nConstructor: c1\r\n__proto__: p1\r\n" +
    "X-Dup: a\r\nx-dup: b\r\nCookie: k=1\r\ncookie: j=2\r\nConnection: close\r\n\r\n"));
  show("bytesRead", await raw(port, get("/a") + "GET /bytes HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  show("body", await raw(port, "POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n" + "z".repeat(100000)));

  // keep-alive: a connection reused before the timeout stays open, then
  // closes once idle for keepAliveTimeout
  server.keepAliveTimeout = 1000;
  const s = net.connect(port, "127.0.0.1");
  let got = "";
  s.setEncoding("latin1");
  s.on("data", (c) => { got += c; });
  const t0 = Date.now();
  let closedAt = 0;
  s.on("close", () => { closedAt = Date.now() - t0; });
  s.write(get("/k1"));
  await new Promise((r) => setTimeout(r, 300));
  s.write(get("/k2"));
  await new Promise((r) => setTimeout(r, 400));
  console.log("reused connection open after 700 ms:", closedAt === 0, (got.match(/HTTP\/1\.1 200/g) || []).length);
  await new Promise((r) => s.on("close", r));
  console.log("closed after idling:", closedAt >= 1200, got.includes("Keep-Alive: timeout=1"));

  // headersTimeout: an incomplete head gets 408
  show("slow head", await raw(port, "GET /slow HTTP/1.1\r\nHost: x\r\n"));
  server.close(() => console.log("closed"));
});
