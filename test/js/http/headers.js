// Header handling: case-insensitive get/set/has/remove, arrays, rawHeaders,
// duplicates joined or dropped as Node does, invalid names rejected.
const http = require("http");
const server = http.createServer((req, res) => {
  console.log(req.headers["x-multi"], req.headers.cookie, req.headers["content-type"]);
  console.log(req.rawHeaders.filter((h, i) => i % 2 === 0 && h.startsWith("X")).join(","));
  res.setHeader("Set-Cookie", ["a=1", "b=2"]);
  res.setHeader("X-Case", "v");
  console.log(res.getHeader("x-case"), res.hasHeader("X-CASE"), res.getHeaderNames().join(","));
  res.removeHeader("x-case");
  console.log(res.hasHeader("x-case"), res.headersSent);
  try { res.setHeader("bad name", "x"); } catch (e) { console.log(e.code); }
  try { res.setHeader("x-ok", "bad\nvalue"); } catch (e) { console.log(e.code); }
  res.end("ok");
  console.log(res.headersSent);
  try { res.setHeader("late", "1"); } catch (e) { console.log(e.code, e.message); }
});
server.listen(0, "127.0.0.1", () => {
  const req = http.request({
    port: server.address().port, host: "127.0.0.1",
    headers: { "X-Multi": ["1", "2"], Cookie: ["c=1", "d=2"], "Content-Type": "a/b" },
  }, (res) => {
    console.log(res.headers["set-cookie"]);
    res.resume();
    res.on("end", () => { server.close(); server.closeAllConnections(); });
  });
  req.end();
});
console.log(http.STATUS_CODES[418], http.METHODS.includes("PATCH"));
