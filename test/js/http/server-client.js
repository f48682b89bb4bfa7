// An HTTP server and client: status, headers, Content-Length for end(data),
// chunked encoding for several writes, POST bodies, HEAD without a body.
const http = require("http");
const server = http.createServer((req, res) => {
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (d) => (body += d));
  req.on("end", () => {
    if (req.url === "/chunked") { res.write("a"); res.write("b"); res.end("c"); return; }
    if (req.url === "/404") { res.statusCode = 404; res.end("nope"); return; }
    res.setHeader("X-Echo", req.method);
    res.writeHead(201, { "Content-Type": "text/plain" });
    res.end(`${req.method} ${req.url} ${req.httpVersion} ${body}`);
  });
});
function call(opts, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: server.address().port, ...opts }, (res) => {
      let d = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (d += c));
      res.on("end", () => resolve({
        status: res.statusCode, message: res.statusMessage, type: res.headers["content-type"],
        echo: res.headers["x-echo"], length: res.headers["content-length"],
        te: res.headers["transfer-encoding"], connection: res.headers.connection,
        keepAlive: res.headers["keep-alive"], date: typeof res.headers.date, body: d,
      }));
    });
    req.on("error", reject);
    req.end(body);
  });
}
server.listen(0, "127.0.0.1", async () => {
  console.log(await call({ path: "/x?y=1" }));
  console.log(await call({ path: "/chunked" }));
  console.log(await call({ path: "/404" }));
  console.log(await call({ path: "/post", method: "POST", headers: { "content-type": "text/plain" } }, "payload"));
  console.log(await call({ path: "/head", method: "HEAD" }));
  server.close(() => console.log("closed"));
  server.closeAllConnections();
});
