// Keep-alive: several requests reuse one connection with the global agent;
// the server sees them on the same socket.
const http = require("http");
const sockets = new Set();
const server = http.createServer((req, res) => {
  sockets.add(req.socket);
  setTimeout(() => res.end(req.url), req.url === "/slow" ? 30 : 0);
});
server.listen(0, "127.0.0.1", async () => {
  const port = server.address().port;
  const get = (path) => new Promise((resolve) => {
    http.get({ host: "127.0.0.1", port, path }, (res) => {
      let d = "";
      res.on("data", (c) => (d += c));
      res.on("end", () => resolve(d + " " + res.headers.connection));
    });
  });
  for (const p of ["/1", "/slow", "/3"]) console.log(await get(p));
  console.log("connections used:", sockets.size);
  server.close(() => console.log("closed"));
  server.closeIdleConnections();
});
